package org.hmbd.validator.rules;

import java.time.LocalDate;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/** Encounters, observations and diagnoses cannot predate the patient's birth. */
final class BirthBeforeEventsRule extends PatientEventRule {

    BirthBeforeEventsRule(String id, Dimension dimension, PatientIndex patients) {
        super(id, dimension, patients);
    }

    @Override
    protected String valueOf(ResourceView r) {
        return switch (r.resourceType()) {
            case "Encounter" -> r.json().path("period").path("start").asText(null);
            case "Observation" -> r.json().path("effectiveDateTime").asText(null);
            case "Condition" -> r.json().has("onsetDateTime") ? r.json().path("onsetDateTime").asText(null)
                    : r.json().path("recordedDate").asText(null);
            case "Procedure" -> r.json().path("performedDateTime").asText(null);
            default -> null;
        };
    }

    @Override
    protected void compare(Pending p, PatientIndex.Facts patient, RuleContext ctx) {
        LocalDate birth = Dates.day(patient.birthDate());
        LocalDate event = Dates.day(p.value());
        if (birth == null || event == null) {
            return;
        }
        boolean ok = !event.isBefore(birth);
        ctx.outcome(dimension, id(), ok);
        if (!ok) {
            ctx.finding(p.where().finding(id(), Severity.ERROR, dimension, p.where().resourceType(),
                    Text.of(p.where().resourceType() + " 的日期 " + p.value() + " 早于患者出生日期 " + patient.birthDate(),
                            p.where().resourceType() + " date " + p.value() + " is before the patient's birth date "
                                    + patient.birthDate()), id()));
        }
    }
}
