package org.hmbd.registry.catalog;

import static org.hmbd.registry.catalog.ProfileDiff.*;
import static org.hmbd.registry.catalog.TerminologyDiff.*;
import static org.hmbd.registry.catalog.CatalogContentDiff.*;
import static org.hmbd.registry.catalog.TestSuiteDiff.*;
import static org.hmbd.registry.catalog.DiffSupport.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hmbd.registry.catalog.EditionContents.Loaded;
import org.hmbd.registry.catalog.EditionDiff.Affected;
import org.hmbd.registry.catalog.EditionDiff.Changes;
import org.hmbd.registry.catalog.EditionDiff.CodesChange;
import org.hmbd.registry.catalog.EditionDiff.DataSetChange;
import org.hmbd.registry.catalog.EditionDiff.EntryChange;
import org.hmbd.registry.catalog.EditionDiff.ProfileChange;
import org.hmbd.registry.catalog.EditionDiff.Reason;
import org.hmbd.registry.catalog.EditionDiff.Why;
import org.hmbd.validator.content.CatalogContent.DataElement;
import org.hmbd.validator.content.CatalogContent.DataSet;
import org.hmbd.validator.content.CatalogContent.Member;

/**
 * Computes an {@link EditionDiff} from two loaded editions: a pure function of their content. Each
 * kind is compared by its own part ({@link ProfileDiff}, {@link TerminologyDiff},
 * {@link CatalogContentDiff}, {@link TestSuiteDiff}); this class puts them together and works out
 * the impact, each reason with a stable code and texts in both languages ({@link EditionDiff.Why}).
 */
final class EditionDiffer {

    private EditionDiffer() {
    }

    static EditionDiff diff(Loaded from, Loaded to, EditionDiff.Impact certificates) {
        Changes<ProfileChange> profiles = structures(from, to, false);
        Changes<ProfileChange> extensions = structures(from, to, true);
        Changes<CodesChange> valueSets = valueSets(from, to);
        Changes<CodesChange> codeSystems = codeSystems(from, to);
        Map<String, DataElement> elementsFrom = byId(from.catalog().dataElements(), DataElement::identifier);
        Map<String, DataElement> elementsTo = byId(to.catalog().dataElements(), DataElement::identifier);
        Changes<EntryChange> dataElements = dataElements(elementsFrom, elementsTo);
        Map<String, DataSet> setsFrom = byId(from.catalog().dataSets(), DataSet::identifier);
        Changes<DataSetChange> dataSets = dataSets(setsFrom, byId(to.catalog().dataSets(), DataSet::identifier));

        // impact: data sets holding changed or removed data elements
        Set<String> touchedElements = new TreeSet<>(dataElements.removed());
        dataElements.changed().forEach(c -> touchedElements.add(c.identifier()));
        List<Affected> affectedSets = new ArrayList<>();
        for (Map.Entry<String, DataSet> set : setsFrom.entrySet()) {
            List<String> hit = new ArrayList<>();
            for (Member el : set.getValue().elements()) {
                if (touchedElements.contains(el.identifier())) {
                    hit.add(el.identifier());
                }
            }
            List<Reason> reasons = new ArrayList<>();
            if (dataSets.removed().contains(set.getKey())) {
                reasons.add(Reason.of(Why.REMOVED, List.of()));
            } else {
                if (dataSets.changed().stream().anyMatch(c -> c.identifier().equals(set.getKey()))) {
                    reasons.add(Reason.of(Why.CHANGED, List.of()));
                }
                if (!hit.isEmpty()) {
                    reasons.add(Reason.of(Why.DATA_ELEMENTS_CHANGED, hit));
                }
            }
            if (!reasons.isEmpty()) {
                affectedSets.add(Affected.of(set.getKey(), reasons));
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
                List<Reason> because = affected(sd, own, touchedValueSets, affectedExtensions);
                if (!because.isEmpty()) {
                    affectedProfiles.add(Affected.of(sd.getUrl(), because));
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
    private static List<Reason> affected(StructureDefinition sd, Changes<ProfileChange> own, Set<String> valueSets,
                                         Set<String> extensions) {
        List<Reason> because = new ArrayList<>();
        if (own.removed().contains(sd.getUrl())) {
            because.add(Reason.of(Why.REMOVED, List.of()));
        } else if (own.changed().stream().anyMatch(c -> c.url().equals(sd.getUrl()))) {
            because.add(Reason.of(Why.CHANGED, List.of()));
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
            because.add(Reason.of(Why.BINDS_CHANGED_VALUE_SET, List.copyOf(bound)));
        }
        if (!used.isEmpty()) {
            because.add(Reason.of(Why.USES_AFFECTED_EXTENSION, List.copyOf(used)));
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
}
