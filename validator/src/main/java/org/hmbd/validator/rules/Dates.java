package org.hmbd.validator.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** FHIR date and dateTime values as instants (the earliest moment they can mean), or null. */
final class Dates {

    private Dates() {
    }

    static Instant earliest(String value) {
        if (value == null || value.length() < 4) {
            return null;
        }
        try {
            if (value.length() == 4) {
                return LocalDate.of(Integer.parseInt(value), 1, 1).atStartOfDay().toInstant(ZoneOffset.ofHours(14));
            }
            if (value.length() == 7) {
                return YearMonth.parse(value).atDay(1).atStartOfDay().toInstant(ZoneOffset.ofHours(14));
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.ofHours(14));
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The first day a date value covers, for comparing with birth dates. */
    static LocalDate day(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
