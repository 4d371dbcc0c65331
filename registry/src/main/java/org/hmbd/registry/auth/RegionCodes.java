package org.hmbd.registry.auth;

import java.util.Set;
import org.hmbd.registry.shared.DomainException;

/** GB/T 2260 administrative division codes: six digits, a known province prefix, consistent with the level. */
final class RegionCodes {

    /** The code used for the nation as a whole. */
    public static final String NATIONAL = "100000";

    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    private RegionCodes() {
    }

    public static String check(String field, String code, OrganizationLevel level) {
        if (code == null || !code.matches("\\d{6}")) {
            throw DomainException.invalidField(field, "region-code");
        }
        if (level == OrganizationLevel.NATIONAL) {
            if (!code.equals(NATIONAL)) {
                throw DomainException.invalidField(field, "region-level", code, level);
            }
            return code;
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            throw DomainException.invalidField(field, "region-code");
        }
        boolean ok = switch (level) {
            case PROVINCE -> code.endsWith("0000");
            case PREFECTURE -> code.endsWith("00") && !code.endsWith("0000");
            case COUNTY -> !code.endsWith("00");
            default -> true;
        };
        if (!ok) {
            throw DomainException.invalidField(field, "region-level", code, level);
        }
        return code;
    }

    /** The province-level code (xx0000) a region belongs to. */
    public static String province(String code) {
        return code.equals(NATIONAL) ? NATIONAL : code.substring(0, 2) + "0000";
    }
}
