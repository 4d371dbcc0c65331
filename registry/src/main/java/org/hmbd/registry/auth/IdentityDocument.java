package org.hmbd.registry.auth;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.DomainException;

/**
 * The identity documents an account may be bound to, with their format checks and masks. The
 * resident identity number is checked as GB 11643-1999 defines it: 6-digit division code, birth
 * date, sequence, and the ISO 7064 MOD 11-2 check character.
 */
enum IdentityDocument {
    /** 居民身份证 (GB 11643) */
    RESIDENT_ID_CARD,
    /** 护照 */
    PASSPORT,
    /** 港澳居民来往内地通行证 / 港澳居民居住证 */
    HK_MACAO_PERMIT,
    /** 台湾居民来往大陆通行证 */
    TAIWAN_PERMIT,
    /** 外国人永久居留身份证 */
    FOREIGN_PERMANENT_RESIDENT;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** The number as stored: upper case, without spaces; 400 {@code id-number} when malformed. */
    public String normalize(String field, String number) {
        String n = number == null ? "" : number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        boolean ok = switch (this) {
            case RESIDENT_ID_CARD -> residentIdValid(n);
            case PASSPORT -> n.matches("[A-Z0-9]{5,17}");
            case HK_MACAO_PERMIT -> n.matches("[HM]\\d{8}(\\d{2})?");
            case TAIWAN_PERMIT -> n.matches("\\d{8}(\\d{2})?");
            case FOREIGN_PERMANENT_RESIDENT -> n.matches("[A-Z]{3}\\d{12}|9\\d{17}");
        };
        if (!ok) {
            throw DomainException.invalidField(field, this == RESIDENT_ID_CARD ? "id-number-check" : "id-number");
        }
        return n;
    }

    /** Shown everywhere instead of the number: {@code 110***********123X}. */
    public String mask(String normalized) {
        if (this == RESIDENT_ID_CARD) {
            return normalized.substring(0, 3) + "*".repeat(11) + normalized.substring(14);
        }
        int keep = Math.min(2, normalized.length() / 4);
        return normalized.substring(0, 1) + "*".repeat(normalized.length() - 1 - keep)
                + normalized.substring(normalized.length() - keep);
    }

    /** GB 11643-1999: 18 characters, a real birth date not in the future, the right check character. */
    static boolean residentIdValid(String n) {
        if (!n.matches("[1-9]\\d{16}[0-9X]")) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(n.substring(6, 10)), Integer.parseInt(n.substring(10, 12)),
                    Integer.parseInt(n.substring(12, 14)));
            if (born.getYear() < 1880 || born.isAfter(BusinessDates.today())) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (n.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == n.charAt(17);
    }

    /** A name shown masked: the family name and one mark per further character ({@code 张*}, {@code 欧阳**}). */
    public static String maskName(String name) {
        String n = name.strip();
        int[] cps = n.codePoints().toArray();
        if (cps.length <= 1) {
            return n;
        }
        if (n.contains(" ")) { // a Latin-script name: initials
            StringBuilder sb = new StringBuilder();
            for (String part : n.split("\\s+")) {
                sb.append(part.charAt(0)).append(". ");
            }
            return sb.toString().strip();
        }
        int keep = cps.length >= 4 ? 2 : 1;
        return new String(cps, 0, keep) + "*".repeat(cps.length - keep);
    }
}
