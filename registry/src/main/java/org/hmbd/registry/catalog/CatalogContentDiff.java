package org.hmbd.registry.catalog;

import static org.hmbd.registry.catalog.DiffSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.hmbd.registry.catalog.EditionDiff.Changes;
import org.hmbd.registry.catalog.EditionDiff.DataSetChange;
import org.hmbd.registry.catalog.EditionDiff.Difference;
import org.hmbd.registry.catalog.EditionDiff.EntryChange;
import org.hmbd.validator.Text;
import org.hmbd.validator.content.CatalogContent.DataElement;
import org.hmbd.validator.content.CatalogContent.DataSet;
import org.hmbd.validator.content.CatalogContent.Member;

/**
 * Data elements and data sets compared by identifier: texts, representation, members and whether
 * they are required. Part of {@link EditionDiffer}.
 */
final class CatalogContentDiff {

    private CatalogContentDiff() {
    }

    static <T> Map<String, T> byId(List<T> entries, Function<T, String> id) {
        Map<String, T> out = new TreeMap<>();
        entries.forEach(e -> out.put(id.apply(e), e));
        return out;
    }

    static Changes<EntryChange> dataElements(Map<String, DataElement> a, Map<String, DataElement> b) {
        List<EntryChange> changed = new ArrayList<>();
        for (String id : common(a, b)) {
            List<Difference> d = new ArrayList<>();
            DataElement x = a.get(id);
            DataElement y = b.get(id);
            texts(d, x.name(), x.definition(), y.name(), y.definition());
            compare(d, "dataType", x.dataType(), y.dataType());
            compare(d, "format", x.format(), y.format());
            compare(d, "valueSet", x.valueSet(), y.valueSet());
            compare(d, "fhirPath", x.fhirPath(), y.fhirPath());
            if (!d.isEmpty()) {
                changed.add(new EntryChange(id, d));
            }
        }
        return new Changes<>(only(b, a), only(a, b), changed);
    }

    static Changes<DataSetChange> dataSets(Map<String, DataSet> a, Map<String, DataSet> b) {
        List<DataSetChange> changed = new ArrayList<>();
        for (String id : common(a, b)) {
            Map<String, Boolean> ea = members(a.get(id));
            Map<String, Boolean> eb = members(b.get(id));
            List<Difference> d = new ArrayList<>();
            texts(d, a.get(id).name(), a.get(id).definition(), b.get(id).name(), b.get(id).definition());
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

    static Map<String, Boolean> members(DataSet set) {
        Map<String, Boolean> out = new TreeMap<>();
        for (Member el : set.elements()) {
            out.put(el.identifier(), el.required());
        }
        return out;
    }

    static void texts(List<Difference> d, Text nameA, Text definitionA, Text nameB, Text definitionB) {
        compare(d, "name.zh", zh(nameA), zh(nameB));
        compare(d, "name.en", en(nameA), en(nameB));
        compare(d, "definition.zh", zh(definitionA), zh(definitionB));
        compare(d, "definition.en", en(definitionA), en(definitionB));
    }

    static String zh(Text t) {
        return t == null ? null : t.zh();
    }

    static String en(Text t) {
        return t == null ? null : t.en();
    }
}
