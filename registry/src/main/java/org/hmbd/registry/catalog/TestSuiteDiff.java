package org.hmbd.registry.catalog;

import static org.hmbd.registry.catalog.DiffSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hmbd.registry.catalog.EditionDiff.Difference;
import org.hmbd.registry.catalog.EditionDiff.TestSuiteChange;
import org.hmbd.validator.content.Manifest;

/**
 * How the test suite of one edition differs from another's: profiles by type, rules, levels. Part
 * of {@link EditionDiffer}.
 */
final class TestSuiteDiff {

    private TestSuiteDiff() {
    }

    static TestSuiteChange testSuite(Manifest a, Manifest b) {
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

    static String levelText(Manifest m) {
        return m.levels().stream().map(l -> l.code() + "≥" + l.minScore() + (l.requiresMandatory() ? "+mandatory" : ""))
                .collect(Collectors.joining(", "));
    }
}
