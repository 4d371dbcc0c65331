package org.hmbd.registry.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A typed failure: a reason from {@link ErrorCode}, a localizable detail, and extra members for
 * the problem body (e.g. {@code field}, {@code allowedTransitions}).
 */
public class DomainException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Msg detail;
    private final transient Map<String, Object> properties;

    public DomainException(ErrorCode errorCode, Map<String, Object> properties, Msg detail) {
        super(errorCode.code() + ": " + detail);
        this.errorCode = errorCode;
        this.detail = detail;
        for (String member : RESERVED) {
            if (properties.containsKey(member)) {
                // a property named like a member of RFC 9457 would replace it in the answer
                throw new IllegalArgumentException("a problem property may not be named " + member);
            }
        }
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The members of a problem answer that properties never replace (RFC 9457 and ours). */
    static final java.util.Set<String> RESERVED = java.util.Set.of("type", "title", "status", "detail", "instance",
            "code", "reason");

    public DomainException(ErrorCode errorCode, Msg detail) {
        this(errorCode, Map.of(), detail);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Msg detail() {
        return detail;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The stable sub-reason within {@link #errorCode()}: the {@code reason} member of the problem. */
    public String reason() {
        return reasonOf(errorCode, detail);
    }

    /**
     * The stable reason of a failure, read from its message key so that the two cannot drift:
     * {@code conflict.<reason>} and {@code forbidden.<reason>}, {@code problem.<code>.<reason>},
     * a field's {@code reason.<reason>}, and otherwise the code itself.
     */
    public static String reasonOf(ErrorCode code, Msg detail) {
        if (detail == null) {
            return code.code();
        }
        String key = detail.key();
        for (String prefix : new String[] {"conflict.", "forbidden."}) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        if (code == ErrorCode.VALIDATION_FAILED && detail.args().length > 1
                && detail.args()[1] instanceof Msg field && field.key().startsWith("reason.")) {
            return field.key().substring("reason.".length());
        }
        String own = "problem." + code.code() + ".";
        if (key.startsWith(own) && !key.equals(own + "detail")) {
            return key.substring(own.length());
        }
        return code.code();
    }

    public static DomainException notFound(String resource, Object id) {
        return new DomainException(ErrorCode.NOT_FOUND, Map.of("resource", resource, "id", String.valueOf(id)),
                Msg.of("problem.not-found.detail", Msg.of("resource." + resource), id));
    }

    /** A bad value for one field; the reason is a key under {@code reason.*}. */
    public static DomainException invalidField(String field, String reasonKey, Object... reasonArgs) {
        return new DomainException(ErrorCode.VALIDATION_FAILED, Map.of("field", field),
                Msg.of("problem.validation-failed.detail", field, Msg.of("reason." + reasonKey, reasonArgs)));
    }

    /** Not allowed; the reason is a key under {@code forbidden.*}. */
    public static DomainException forbidden(String reasonKey, Object... args) {
        return new DomainException(ErrorCode.FORBIDDEN, Msg.of("forbidden." + reasonKey, args));
    }

    /** In conflict with the current state; the reason is a key under {@code conflict.*}. */
    public static DomainException conflict(String reasonKey, Object... args) {
        return new DomainException(ErrorCode.CONFLICT, Msg.of("conflict." + reasonKey, args));
    }
}
