package org.hmbd.validator.rules;

/** Personal identifiers never appear whole in findings: all but the first 3 and last 2 characters are masked. */
public final class Masking {

    private Masking() {
    }

    public static String identifier(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        if (value.length() <= 6) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }
}
