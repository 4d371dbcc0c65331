package org.hmbd.registry.shared;

/** Checks for user-supplied fields, failing with {@link ErrorCode#VALIDATION_FAILED} naming the field. */
public final class Text {

    private Text() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(field, "required");
        }
        return optional(field, value, maxLength);
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > maxLength) {
            throw DomainException.invalidField(field, "too-long", maxLength);
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw DomainException.invalidField(field, "control-characters");
        }
        return v;
    }

    public static <T> T requiredValue(String field, T value) {
        if (value == null) {
            throw DomainException.invalidField(field, "required");
        }
        return value;
    }

    /** Parses an enum constant by name, case-insensitively, naming the field and the allowed values on failure. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(field, "required");
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        throw DomainException.invalidField(field, "one-of", java.util.Arrays.toString(type.getEnumConstants()));
    }
}
