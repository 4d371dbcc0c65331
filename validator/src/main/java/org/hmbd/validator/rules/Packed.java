package org.hmbd.validator.rules;

/**
 * A patient's administrative gender and birth date in one int: {@code yyyymmdd * 8 + gender}.
 * Birth dates that are not plain {@code yyyy-mm-dd} dates (partial, or with a time) keep only what
 * the rules compare: the day when there is one, else nothing.
 */
final class Packed {

    private static final String[] GENDERS = {null, "male", "female", "other", "unknown"};

    private Packed() {
    }

    static int pack(String gender, String birthDate) {
        int g = 0;
        for (int i = 1; i < GENDERS.length; i++) {
            if (GENDERS[i].equals(gender)) {
                g = i;
            }
        }
        if (gender != null && g == 0) {
            g = 5; // some other (invalid) value: kept distinct from "no gender"
        }
        int day = 0;
        if (birthDate != null && birthDate.length() >= 10 && birthDate.charAt(4) == '-' && birthDate.charAt(7) == '-') {
            try {
                day = Integer.parseInt(birthDate.substring(0, 4)) * 10000 + Integer.parseInt(birthDate.substring(5, 7)) * 100
                        + Integer.parseInt(birthDate.substring(8, 10));
            } catch (NumberFormatException e) {
                day = 0;
            }
        }
        return day * 8 + g;
    }

    static String gender(int packed) {
        int g = packed & 7;
        return g < GENDERS.length ? GENDERS[g] : "invalid";
    }

    static String birthDate(int packed) {
        int day = packed >>> 3;
        return day == 0 ? null : String.format("%04d-%02d-%02d", day / 10000, day / 100 % 100, day % 100);
    }
}
