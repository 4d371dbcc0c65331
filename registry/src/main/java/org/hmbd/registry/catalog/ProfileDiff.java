package org.hmbd.registry.catalog;

import static org.hmbd.registry.catalog.DiffSupport.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.hmbd.registry.catalog.EditionDiff.Changes;
import org.hmbd.registry.catalog.EditionDiff.Difference;
import org.hmbd.registry.catalog.EditionDiff.ElementChange;
import org.hmbd.registry.catalog.EditionDiff.ProfileChange;

/**
 * Profiles and extensions compared element by element (cardinality, types, binding, fixed values,
 * constraints). Part of {@link EditionDiffer}.
 */
final class ProfileDiff {

    private ProfileDiff() {
    }

    static boolean isExtension(StructureDefinition sd) {
        return "Extension".equals(sd.getType());
    }

    static Changes<ProfileChange> structures(Loaded from, Loaded to, boolean extensions) {
        Map<String, StructureDefinition> a = filter(resources(from, StructureDefinition.class), extensions);
        Map<String, StructureDefinition> b = filter(resources(to, StructureDefinition.class), extensions);
        List<ProfileChange> changed = new ArrayList<>();
        for (String url : common(a, b)) {
            Map<String, ElementDefinition> ea = elements(a.get(url));
            Map<String, ElementDefinition> eb = elements(b.get(url));
            List<ElementChange> elementChanges = new ArrayList<>();
            for (String id : common(ea, eb)) {
                List<Difference> d = new ArrayList<>();
                compare(d, "cardinality", cardinality(ea.get(id)), cardinality(eb.get(id)));
                compare(d, "type", types(ea.get(id)), types(eb.get(id)));
                compare(d, "binding", binding(ea.get(id)), binding(eb.get(id)));
                compare(d, "mustSupport", String.valueOf(ea.get(id).getMustSupport()),
                        String.valueOf(eb.get(id).getMustSupport()));
                compare(d, "fixedOrPattern", fixed(ea.get(id)), fixed(eb.get(id)));
                compare(d, "constraints", constraints(ea.get(id)), constraints(eb.get(id)));
                if (!d.isEmpty()) {
                    elementChanges.add(new ElementChange(id, d));
                }
            }
            List<String> added = only(eb, ea);
            List<String> removed = only(ea, eb);
            if (!added.isEmpty() || !removed.isEmpty() || !elementChanges.isEmpty()) {
                changed.add(new ProfileChange(url, added, removed, elementChanges));
            }
        }
        return new Changes<>(only(b, a), only(a, b), changed);
    }

    static Map<String, StructureDefinition> filter(Map<String, StructureDefinition> all, boolean extensions) {
        Map<String, StructureDefinition> out = new TreeMap<>();
        all.forEach((url, sd) -> {
            if (isExtension(sd) == extensions) {
                out.put(url, sd);
            }
        });
        return out;
    }

    static Map<String, ElementDefinition> elements(StructureDefinition sd) {
        Map<String, ElementDefinition> out = new LinkedHashMap<>();
        for (ElementDefinition e : sd.getDifferential().getElement()) {
            out.put(e.hasId() ? e.getId() : e.getPath(), e);
        }
        return out;
    }

    static String cardinality(ElementDefinition e) {
        if (!e.hasMin() && !e.hasMax()) {
            return null;
        }
        return (e.hasMin() ? String.valueOf(e.getMin()) : "") + ".." + (e.hasMax() ? e.getMax() : "");
    }

    static String types(ElementDefinition e) {
        if (!e.hasType()) {
            return null;
        }
        return e.getType().stream().map(t -> t.getCode() + (t.hasProfile() ? "(" + t.getProfile().stream()
                .map(p -> p.getValue()).sorted().collect(Collectors.joining(",")) + ")" : "")
                + (t.hasTargetProfile() ? "->(" + t.getTargetProfile().stream().map(p -> p.getValue()).sorted()
                .collect(Collectors.joining(",")) + ")" : "")).sorted().collect(Collectors.joining(" | "));
    }

    static String binding(ElementDefinition e) {
        if (!e.hasBinding()) {
            return null;
        }
        return (e.getBinding().hasStrength() ? e.getBinding().getStrength().toCode() : "") + " "
                + Objects.toString(e.getBinding().getValueSet(), "");
    }

    static String fixed(ElementDefinition e) {
        if (e.hasFixed()) {
            return "fixed " + e.getFixed().fhirType() + " " + summary(e.getFixed());
        }
        if (e.hasPattern()) {
            return "pattern " + e.getPattern().fhirType() + " " + summary(e.getPattern());
        }
        return null;
    }

    static String summary(org.hl7.fhir.r4.model.Type value) {
        return value.isPrimitive() ? value.primitiveValue()
                : EditionContents.fhirContext().newJsonParser().encodeToString(value);
    }

    static String constraints(ElementDefinition e) {
        if (!e.hasConstraint()) {
            return null;
        }
        return e.getConstraint().stream().map(c -> c.getKey() + ": " + c.getExpression()).sorted()
                .collect(Collectors.joining("; "));
    }
}
