package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmbd.validator.content.ContentException;
import org.hmbd.validator.content.Manifest;
import org.hmbd.validator.content.StandardContent;

/** Builds a run's rules from a standard's manifest. Rules hold per-run state: build them per run. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> forRun(StandardContent content) {
        PatientIndex patients = new PatientIndex();
        List<Rule> rules = new ArrayList<>();
        rules.add(new PatientIndexRule(patients));
        for (Manifest.Rule r : content.manifest().rules()) {
            rules.add(create(r, content, patients));
        }
        return rules;
    }

    private static Rule create(Manifest.Rule r, StandardContent content, PatientIndex patients) {
        return switch (r.type()) {
            case "identifier-check-character" -> new IdentifierCheckRule(r.id(), text(r, "system"),
                    text(r, "algorithm"), r.dimension());
            case "division-code" -> new DivisionCodeRule(r.id(), text(r, "extension"), r.dimension());
            case "patient-identity" -> new PatientIdentityRule(r.id(), text(r, "system"), r.dimension());
            case "date-not-future" -> new DateNotFutureRule(r.id(), r.dimension());
            case "birth-before-events" -> new BirthBeforeEventsRule(r.id(), r.dimension(), patients);
            case "sex-specific-condition" -> new SexSpecificConditionRule(r.id(), r.dimension(), patients,
                    list(r, "female"), list(r, "male"));
            case "completeness" -> {
                Map<String, List<String>> elements = new LinkedHashMap<>();
                content.manifest().profiles().forEach((type, url) -> elements.put(type, content.mustSupport(url)));
                yield new CompletenessRule(r.id(), r.dimension(), elements);
            }
            default -> throw new ContentException("rule " + r.id() + " has an unknown type " + r.type());
        };
    }

    private static String text(Manifest.Rule r, String name) {
        JsonNode v = r.params().get(name);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ContentException("rule " + r.id() + " needs \"" + name + "\"");
        }
        return v.asText();
    }

    private static List<String> list(Manifest.Rule r, String name) {
        JsonNode v = r.params().get(name);
        List<String> result = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(x -> result.add(x.asText().toUpperCase()));
        }
        return result;
    }
}
