package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/** Diagnoses that only occur in one sex (by ICD-10 code prefix) must match the patient's gender. */
final class SexSpecificConditionRule extends PatientEventRule {

    private final List<String> female;
    private final List<String> male;

    SexSpecificConditionRule(String id, Dimension dimension, PatientIndex patients, List<String> female,
                             List<String> male) {
        super(id, dimension, patients);
        this.female = female;
        this.male = male;
    }

    @Override
    protected String valueOf(ResourceView r) {
        if (!"Condition".equals(r.resourceType())) {
            return null;
        }
        JsonNode codings = r.json().path("code").path("coding");
        for (JsonNode c : codings) {
            String system = c.path("system").asText("");
            String code = c.path("code").asText(null);
            if (code != null && system.contains("icd-10")) {
                String sex = sexOf(code);
                if (sex != null) {
                    return sex + "|" + code;
                }
            }
        }
        return null;
    }

    private String sexOf(String code) {
        String c = code.toUpperCase();
        if (female.stream().anyMatch(c::startsWith)) {
            return "female";
        }
        if (male.stream().anyMatch(c::startsWith)) {
            return "male";
        }
        return null;
    }

    @Override
    protected void compare(Pending p, PatientIndex.Facts patient, RuleContext ctx) {
        String expected = p.value().substring(0, p.value().indexOf('|'));
        String code = p.value().substring(p.value().indexOf('|') + 1);
        if (patient.gender() == null || !("male".equals(patient.gender()) || "female".equals(patient.gender()))) {
            return;
        }
        boolean ok = expected.equals(patient.gender());
        ctx.outcome(dimension, id(), ok);
        if (!ok) {
            ctx.finding(p.where().finding(id(), Severity.ERROR, dimension, "Condition.code",
                    Text.of("诊断 " + code + " 只适用于" + ("female".equals(expected) ? "女性" : "男性")
                                    + "，而患者性别为 " + patient.gender(),
                            "Diagnosis " + code + " applies only to " + expected + " patients; the patient is "
                                    + patient.gender()), id()));
        }
    }
}
