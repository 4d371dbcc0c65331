package org.hmbd.registry.shared;

import org.springframework.http.HttpStatus;

/**
 * The closed set of reasons a request fails. Each has a stable {@link #code()} that clients may
 * rely on (the {@code code} member of every problem+json body) and a localized title and detail
 * in {@code messages*.properties} under {@code problem.<code>.title} / {@code .detail}.
 */
public enum ErrorCode {
    VALIDATION_FAILED("validation-failed", HttpStatus.BAD_REQUEST),
    MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS("invalid-credentials", HttpStatus.UNAUTHORIZED),
    INVALID_TOKEN("invalid-token", HttpStatus.UNAUTHORIZED),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
    PASSWORD_CHANGE_REQUIRED("password-change-required", HttpStatus.FORBIDDEN),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
    ILLEGAL_TRANSITION("illegal-transition", HttpStatus.CONFLICT),
    COMMENTS_WITHOUT_DISPOSITION("comments-without-disposition", HttpStatus.CONFLICT),
    CONFLICT("conflict", HttpStatus.CONFLICT),
    CONCURRENT_MODIFICATION("concurrent-modification", HttpStatus.CONFLICT),
    EDITION_NOT_TESTABLE("edition-not-testable", HttpStatus.CONFLICT),
    SUITE_UNAVAILABLE("suite-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    SEARCH_UNAVAILABLE("search-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    AUDIT_UNAVAILABLE("audit-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    PDF_UNAVAILABLE("pdf-unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR);

    private final String code;
    private final HttpStatus status;

    ErrorCode(String code, HttpStatus status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
