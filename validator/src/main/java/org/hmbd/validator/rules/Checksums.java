package org.hmbd.validator.rules;

/** Check characters of Chinese national identifiers. */
public final class Checksums {

    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Checksums() {
    }

    /** GB 11643-1999 resident identity number: 17 digits and a check character (0-9 or X). */
    public static boolean residentId(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * RESIDENT_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == RESIDENT_CHECK.charAt(sum % 11);
    }

    /** GB 32100-2015 unified social credit code: 18 characters of 0-9 A-H J-N P-R T-U W-Y. */
    public static boolean unifiedSocialCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        int expected = check == 31 ? 0 : check;
        return USCC_ALPHABET.indexOf(code.charAt(17)) == expected;
    }

    /** The check character that completes the first 17 digits of a resident identity number. */
    public static char residentIdCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        return RESIDENT_CHECK.charAt(sum % 11);
    }

    /** The check character that completes the first 17 characters of a unified social credit code. */
    public static char usccCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return USCC_ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
