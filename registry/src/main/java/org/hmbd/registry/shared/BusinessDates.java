package org.hmbd.registry.shared;

import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of the registry's business (plan years, due dates, effective dates) are China Standard Time dates. */
public final class BusinessDates {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BusinessDates() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
