package org.hmbd.registry.catalog;

import static org.hmbd.registry.catalog.DiffSupport.*;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.hmbd.registry.catalog.EditionDiff.Changes;
import org.hmbd.registry.catalog.EditionDiff.CodesChange;
import org.hmbd.registry.catalog.EditionDiff.Difference;

/**
 * Value sets compared by their expansions (by definition when one cannot be expanded offline),
 * code systems by their concepts. Part of {@link EditionDiffer}.
 */
final class TerminologyDiff {

    private TerminologyDiff() {
    }

    static Changes<CodesChange> valueSets(Loaded from, Loaded to) {
        Map<String, ValueSet> a = resources(from, ValueSet.class);
        Map<String, ValueSet> b = resources(to, ValueSet.class);
        List<CodesChange> changed = new ArrayList<>();
        for (String url : common(a, b)) {
            Map<String, String> ca = expand(from, a.get(url));
            Map<String, String> cb = expand(to, b.get(url));
            if (ca == null || cb == null) {
                String da = definition(a.get(url));
                String db = definition(b.get(url));
                if (!da.equals(db)) {
                    changed.add(new CodesChange(url, List.of(), List.of(), List.of(), true));
                }
                continue;
            }
            codes(url, ca, cb, !definition(a.get(url)).equals(definition(b.get(url))), changed);
        }
        return new Changes<>(only(b, a), only(a, b), changed);
    }

    /** Adds a change if the code maps or the definitions differ. */
    static void codes(String url, Map<String, String> a, Map<String, String> b, boolean definitionChanged,
                              List<CodesChange> changed) {
        List<Difference> displays = new ArrayList<>();
        for (String code : common(a, b)) {
            if (!Objects.equals(a.get(code), b.get(code))) {
                displays.add(new Difference(code, a.get(code), b.get(code)));
            }
        }
        List<String> added = only(b, a);
        List<String> removed = only(a, b);
        if (!added.isEmpty() || !removed.isEmpty() || !displays.isEmpty() || definitionChanged) {
            changed.add(new CodesChange(url, added, removed, displays, definitionChanged));
        }
    }

    static String definition(ValueSet vs) {
        return EditionContents.fhirContext().newJsonParser().encodeToString(vs.getCompose());
    }

    /** {@code system|code} to display, or null when the value set cannot be expanded offline. */
    static Map<String, String> expand(Loaded l, ValueSet vs) {
        IValidationSupport support = l.terminology();
        try {
            IValidationSupport.ValueSetExpansionOutcome outcome = support.expandValueSet(
                    new ValidationSupportContext(support), new ValueSetExpansionOptions().setCount(100_000), vs);
            if (outcome == null || outcome.getValueSet() == null) {
                return null;
            }
            Map<String, String> codes = new TreeMap<>();
            collect(((ValueSet) outcome.getValueSet()).getExpansion().getContains(), codes);
            return codes;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void collect(List<ValueSet.ValueSetExpansionContainsComponent> contains, Map<String, String> out) {
        for (ValueSet.ValueSetExpansionContainsComponent c : contains) {
            if (c.hasCode()) {
                out.put(c.getSystem() + "|" + c.getCode(), c.getDisplay());
            }
            collect(c.getContains(), out);
        }
    }

    static Changes<CodesChange> codeSystems(Loaded from, Loaded to) {
        Map<String, CodeSystem> a = resources(from, CodeSystem.class);
        Map<String, CodeSystem> b = resources(to, CodeSystem.class);
        List<CodesChange> changed = new ArrayList<>();
        for (String url : common(a, b)) {
            Map<String, String> ca = new TreeMap<>();
            Map<String, String> cb = new TreeMap<>();
            concepts(url, a.get(url).getConcept(), ca);
            concepts(url, b.get(url).getConcept(), cb);
            codes(url, ca, cb, false, changed);
        }
        return new Changes<>(only(b, a), only(a, b), changed);
    }

    static void concepts(String system, List<CodeSystem.ConceptDefinitionComponent> concepts,
                                 Map<String, String> out) {
        for (CodeSystem.ConceptDefinitionComponent c : concepts) {
            out.put(system + "|" + c.getCode(), c.getDisplay());
            concepts(system, c.getConcept(), out);
        }
    }
}
