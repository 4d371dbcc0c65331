package org.hmbd.registry.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Resource;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.hmbd.registry.catalog.EditionDiff.Difference;

/**
 * What the edition comparisons share: resources by URL, one aspect compared, keys in common or on
 * one side only. Part of {@link EditionDiffer}.
 */
final class DiffSupport {

    private DiffSupport() {
    }

    static <R extends Resource> Map<String, R> resources(Loaded l, Class<R> type) {
        Map<String, R> out = new TreeMap<>();
        for (Resource r : l.resources()) {
            if (type.isInstance(r)) {
                out.put(((org.hl7.fhir.r4.model.MetadataResource) r).getUrl(), type.cast(r));
            }
        }
        return out;
    }

    static void compare(List<Difference> out, String aspect, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.add(new Difference(aspect, a, b));
        }
    }

    static List<String> common(Map<String, ?> a, Map<String, ?> b) {
        return a.keySet().stream().filter(b::containsKey).sorted().toList();
    }

    /** Keys of {@code a} not in {@code b}, sorted. */
    static List<String> only(Map<String, ?> a, Map<String, ?> b) {
        Set<String> out = new LinkedHashSet<>();
        a.keySet().stream().filter(k -> !b.containsKey(k)).sorted().forEach(out::add);
        return List.copyOf(out);
    }
}
