package org.hmbd.registry.catalog;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.hmbd.registry.catalog.EditionDiff.Affected;
import org.hmbd.registry.catalog.EditionDiff.Changes;
import org.hmbd.registry.catalog.EditionDiff.CodesChange;
import org.hmbd.registry.catalog.EditionDiff.DataSetChange;
import org.hmbd.registry.catalog.EditionDiff.Difference;
import org.hmbd.registry.catalog.EditionDiff.ElementChange;
import org.hmbd.registry.catalog.EditionDiff.EntryChange;
import org.hmbd.registry.catalog.EditionDiff.ProfileChange;
import org.hmbd.registry.catalog.EditionDiff.TestSuiteChange;
import org.hmbd.validator.content.Manifest;
import tools.jackson.databind.JsonNode;

/** Computes an {@link EditionDiff} from two loaded editions: a pure function of their content. */
final class EditionDiffer {

    private static final String[] DATA_ELEMENT_FIELDS = {"dataType", "format", "valueSet", "fhirPath"};

    private EditionDiffer() {
    }

    static EditionDiff diff(Loaded from, Loaded to, EditionDiff.Impact certificates) {
        Changes<ProfileChange> profiles = structures(from, to, false);
        Changes<ProfileChange> extensions = structures(from, to, true);
        Changes<CodesChange> valueSets = valueSets(from, to);
        Changes<CodesChange> codeSystems = codeSystems(from, to);
        Map<String, JsonNode> elementsFrom = entries(from.catalog(), "dataElements");
        Map<String, JsonNode> elementsTo = entries(to.catalog(), "dataElements");
        Changes<EntryChange> dataElements = dataElements(elementsFrom, elementsTo);
        Changes<DataSetChange> dataSets = dataSets(entries(from.catalog(), "dataSets"),
                entries(to.catalog(), "dataSets"));

        // impact: data sets holding changed or removed data elements
        Set<String> touchedElements = new TreeSet<>(dataElements.removed());
        dataElements.changed().forEach(c -> touchedElements.add(c.identifier()));
        List<Affected> affectedSets = new ArrayList<>();
        Map<String, JsonNode> setsFrom = entries(from.catalog(), "dataSets");
        for (Map.Entry<String, JsonNode> set : setsFrom.entrySet()) {
            List<String> hit = new ArrayList<>();
            for (JsonNode el : set.getValue().path("elements")) {
                if (touchedElements.contains(el.path("identifier").asString(""))) {
                    hit.add(el.path("identifier").asString());
                }
            }
            if (dataSets.removed().contains(set.getKey())) {
                affectedSets.add(new Affected(set.getKey(), "removed"));
            } else if (dataSets.changed().stream().anyMatch(c -> c.identifier().equals(set.getKey()))) {
                affectedSets.add(new Affected(set.getKey(), "changed" + (hit.isEmpty() ? "" : "; data elements "
                        + String.join(", ", hit))));
            } else if (!hit.isEmpty()) {
                affectedSets.add(new Affected(set.getKey(), "data elements " + String.join(", ", hit)));
            }
        }

        // impact: extensions, then profiles, that changed or bind a changed value set or use an affected extension
        Set<String> touchedValueSets = touched(valueSets);
        Set<String> affectedExtensions = new TreeSet<>(touched(extensions));
        List<Affected> affectedProfiles = new ArrayList<>();
        for (boolean extensionPass : new boolean[] {true, false}) {
            Changes<ProfileChange> own = extensionPass ? extensions : profiles;
            for (StructureDefinition sd : resources(from, StructureDefinition.class).values()) {
                if (isExtension(sd) != extensionPass) {
                    continue;
                }
                List<String> because = affected(sd, own, touchedValueSets, affectedExtensions);
                if (!because.isEmpty()) {
                    affectedProfiles.add(new Affected(sd.getUrl(), String.join("; ", because)));
                    if (extensionPass) {
                        affectedExtensions.add(sd.getUrl());
                    }
                }
            }
        }

        EditionDiff.Impact impact = new EditionDiff.Impact(affectedSets, affectedProfiles,
                testSuite(from.manifest(), to.manifest()), certificates.certificatesInForce(),
                certificates.certifiedInstitutions());
        return new EditionDiff(side(from), side(to), profiles, extensions, valueSets, codeSystems, dataElements,
                dataSets, impact);
    }

    /** Why a profile or extension is affected: it changed, binds a changed value set, uses an affected extension. */
    private static List<String> affected(StructureDefinition sd, Changes<ProfileChange> own, Set<String> valueSets,
                                         Set<String> extensions) {
        List<String> because = new ArrayList<>();
        if (own.removed().contains(sd.getUrl())) {
            because.add("removed");
        } else if (own.changed().stream().anyMatch(c -> c.url().equals(sd.getUrl()))) {
            because.add("changed");
        }
        Set<String> bound = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (ElementDefinition e : sd.getDifferential().getElement()) {
            if (e.hasBinding() && e.getBinding().hasValueSet()
                    && valueSets.contains(CatalogProjection.canonical(e.getBinding().getValueSet()))) {
                bound.add(CatalogProjection.canonical(e.getBinding().getValueSet()));
            }
            for (ElementDefinition.TypeRefComponent t : e.getType()) {
                t.getProfile().forEach(p -> {
                    if (extensions.contains(CatalogProjection.canonical(p.getValue()))) {
                        used.add(CatalogProjection.canonical(p.getValue()));
                    }
                });
            }
        }
        if (!bound.isEmpty()) {
            because.add("binds " + String.join(", ", bound));
        }
        if (!used.isEmpty()) {
            because.add("uses " + String.join(", ", used));
        }
        return because;
    }

    private static EditionDiff.EditionSide side(Loaded l) {
        return new EditionDiff.EditionSide(l.edition().editionId(), l.edition().code(), l.edition().status(),
                l.info().name(), l.info().version());
    }

    private static <T> Set<String> touched(Changes<T> changes) {
        Set<String> urls = new TreeSet<>(changes.removed());
        for (T c : changes.changed()) {
            urls.add(c instanceof ProfileChange p ? p.url() : ((CodesChange) c).url());
        }
        return urls;
    }

    // ------------------------------------------------------------------------- structure definitions

    private static boolean isExtension(StructureDefinition sd) {
        return "Extension".equals(sd.getType());
    }

    private static Changes<ProfileChange> structures(Loaded from, Loaded to, boolean extensions) {
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

    private static Map<String, StructureDefinition> filter(Map<String, StructureDefinition> all, boolean extensions) {
        Map<String, StructureDefinition> out = new TreeMap<>();
        all.forEach((url, sd) -> {
            if (isExtension(sd) == extensions) {
                out.put(url, sd);
            }
        });
        return out;
    }

    private static Map<String, ElementDefinition> elements(StructureDefinition sd) {
        Map<String, ElementDefinition> out = new LinkedHashMap<>();
        for (ElementDefinition e : sd.getDifferential().getElement()) {
            out.put(e.hasId() ? e.getId() : e.getPath(), e);
        }
        return out;
    }

    private static String cardinality(ElementDefinition e) {
        if (!e.hasMin() && !e.hasMax()) {
            return null;
        }
        return (e.hasMin() ? String.valueOf(e.getMin()) : "") + ".." + (e.hasMax() ? e.getMax() : "");
    }

    private static String types(ElementDefinition e) {
        if (!e.hasType()) {
            return null;
        }
        return e.getType().stream().map(t -> t.getCode() + (t.hasProfile() ? "(" + t.getProfile().stream()
                .map(p -> p.getValue()).sorted().collect(Collectors.joining(",")) + ")" : "")
                + (t.hasTargetProfile() ? "->(" + t.getTargetProfile().stream().map(p -> p.getValue()).sorted()
                .collect(Collectors.joining(",")) + ")" : "")).sorted().collect(Collectors.joining(" | "));
    }

    private static String binding(ElementDefinition e) {
        if (!e.hasBinding()) {
            return null;
        }
        return (e.getBinding().hasStrength() ? e.getBinding().getStrength().toCode() : "") + " "
                + Objects.toString(e.getBinding().getValueSet(), "");
    }

    private static String fixed(ElementDefinition e) {
        if (e.hasFixed()) {
            return "fixed " + e.getFixed().fhirType() + " " + summary(e.getFixed());
        }
        if (e.hasPattern()) {
            return "pattern " + e.getPattern().fhirType() + " " + summary(e.getPattern());
        }
        return null;
    }

    private static String summary(org.hl7.fhir.r4.model.Type value) {
        return value.isPrimitive() ? value.primitiveValue()
                : EditionContents.fhirContext().newJsonParser().encodeToString(value);
    }

    private static String constraints(ElementDefinition e) {
        if (!e.hasConstraint()) {
            return null;
        }
        return e.getConstraint().stream().map(c -> c.getKey() + ": " + c.getExpression()).sorted()
                .collect(Collectors.joining("; "));
    }

    // ------------------------------------------------------------------------------------ terminology

    private static Changes<CodesChange> valueSets(Loaded from, Loaded to) {
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
    private static void codes(String url, Map<String, String> a, Map<String, String> b, boolean definitionChanged,
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

    private static String definition(ValueSet vs) {
        return EditionContents.fhirContext().newJsonParser().encodeToString(vs.getCompose());
    }

    /** {@code system|code} to display, or null when the value set cannot be expanded offline. */
    private static Map<String, String> expand(Loaded l, ValueSet vs) {
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

    private static void collect(List<ValueSet.ValueSetExpansionContainsComponent> contains, Map<String, String> out) {
        for (ValueSet.ValueSetExpansionContainsComponent c : contains) {
            if (c.hasCode()) {
                out.put(c.getSystem() + "|" + c.getCode(), c.getDisplay());
            }
            collect(c.getContains(), out);
        }
    }

    private static Changes<CodesChange> codeSystems(Loaded from, Loaded to) {
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

    private static void concepts(String system, List<CodeSystem.ConceptDefinitionComponent> concepts,
                                 Map<String, String> out) {
        for (CodeSystem.ConceptDefinitionComponent c : concepts) {
            out.put(system + "|" + c.getCode(), c.getDisplay());
            concepts(system, c.getConcept(), out);
        }
    }

    // -------------------------------------------------------------------- data elements and data sets

    private static Map<String, JsonNode> entries(JsonNode catalog, String field) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode n : catalog.path(field)) {
            String id = n.path("identifier").asString(null);
            if (id != null) {
                out.put(id, n);
            }
        }
        return out;
    }

    private static Changes<EntryChange> dataElements(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<EntryChange> changed = new ArrayList<>();
        for (String id : common(a, b)) {
            List<Difference> d = new ArrayList<>();
            texts(d, a.get(id), b.get(id));
            for (String f : DATA_ELEMENT_FIELDS) {
                compare(d, f, a.get(id).path(f).asString(null), b.get(id).path(f).asString(null));
            }
            if (!d.isEmpty()) {
                changed.add(new EntryChange(id, d));
            }
        }
        return new Changes<>(only(b, a), only(a, b), changed);
    }

    private static Changes<DataSetChange> dataSets(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        List<DataSetChange> changed = new ArrayList<>();
        for (String id : common(a, b)) {
            Map<String, Boolean> ea = members(a.get(id));
            Map<String, Boolean> eb = members(b.get(id));
            List<Difference> d = new ArrayList<>();
            texts(d, a.get(id), b.get(id));
            for (String el : common(ea, eb)) {
                if (!ea.get(el).equals(eb.get(el))) {
                    d.add(new Difference("required " + el, String.valueOf(ea.get(el)), String.valueOf(eb.get(el))));
                }
            }
            List<String> added = only(eb, ea);
            List<String> removed = only(ea, eb);
            if (!added.isEmpty() || !removed.isEmpty() || !d.isEmpty()) {
                changed.add(new DataSetChange(id, added, removed, d));
            }
        }
        return new Changes<>(only(b, a), only(a, b), changed);
    }

    private static Map<String, Boolean> members(JsonNode set) {
        Map<String, Boolean> out = new TreeMap<>();
        for (JsonNode el : set.path("elements")) {
            out.put(el.path("identifier").asString(""), el.path("required").asBoolean(false));
        }
        return out;
    }

    private static void texts(List<Difference> d, JsonNode a, JsonNode b) {
        for (String field : new String[] {"name", "definition"}) {
            for (String lang : new String[] {"zh", "en"}) {
                compare(d, field + "." + lang, a.path(field).path(lang).asString(null),
                        b.path(field).path(lang).asString(null));
            }
        }
    }

    // --------------------------------------------------------------------------------------- manifest

    private static TestSuiteChange testSuite(Manifest a, Manifest b) {
        List<Difference> profiles = new ArrayList<>();
        Set<String> types = new TreeSet<>(a.profiles().keySet());
        types.addAll(b.profiles().keySet());
        for (String type : types) {
            compare(profiles, type, a.profiles().get(type), b.profiles().get(type));
        }
        Map<String, Manifest.Rule> ra = new TreeMap<>();
        a.rules().forEach(r -> ra.put(r.id(), r));
        Map<String, Manifest.Rule> rb = new TreeMap<>();
        b.rules().forEach(r -> rb.put(r.id(), r));
        List<String> rulesChanged = new ArrayList<>();
        for (String id : common(ra, rb)) {
            if (!ra.get(id).equals(rb.get(id))) {
                rulesChanged.add(id);
            }
        }
        List<Difference> levels = new ArrayList<>();
        compare(levels, "levels", levelText(a), levelText(b));
        compare(levels, "dimensionWeights", String.valueOf(new TreeMap<>(a.dimensionWeights())),
                String.valueOf(new TreeMap<>(b.dimensionWeights())));
        List<String> added = only(rb, ra);
        List<String> removed = only(ra, rb);
        boolean changed = !profiles.isEmpty() || !added.isEmpty() || !removed.isEmpty() || !rulesChanged.isEmpty()
                || !levels.isEmpty();
        return new TestSuiteChange(changed, profiles, added, removed, rulesChanged, levels);
    }

    private static String levelText(Manifest m) {
        return m.levels().stream().map(l -> l.code() + "≥" + l.minScore() + (l.requiresMandatory() ? "+mandatory" : ""))
                .collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------------------------------- helpers

    private static <R extends Resource> Map<String, R> resources(Loaded l, Class<R> type) {
        Map<String, R> out = new TreeMap<>();
        for (Resource r : l.resources()) {
            if (type.isInstance(r)) {
                out.put(((org.hl7.fhir.r4.model.MetadataResource) r).getUrl(), type.cast(r));
            }
        }
        return out;
    }

    private static void compare(List<Difference> out, String aspect, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(new Difference(aspect, a, b));
        }
    }

    private static List<String> common(Map<String, ?> a, Map<String, ?> b) {
        return a.keySet().stream().filter(b::containsKey).sorted().toList();
    }

    /** Keys of {@code a} not in {@code b}, sorted. */
    private static List<String> only(Map<String, ?> a, Map<String, ?> b) {
        Set<String> out = new LinkedHashSet<>();
        a.keySet().stream().filter(k -> !b.containsKey(k)).sorted().forEach(out::add);
        return List.copyOf(out);
    }
}
