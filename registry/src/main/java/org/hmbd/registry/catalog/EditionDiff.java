package org.hmbd.registry.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What changes from one edition to another, and whom it affects. Resources are matched by canonical
 * URL, data elements and data sets by identifier, profile elements by element id.
 *
 * @param profiles profiles (StructureDefinitions other than extensions)
 * @param extensions extension definitions
 * @param valueSets value sets, compared by their expansions (by definition when one cannot be expanded offline)
 */
public record EditionDiff(EditionSide from, EditionSide to, Changes<ProfileChange> profiles,
                          Changes<ProfileChange> extensions, Changes<CodesChange> valueSets,
                          Changes<CodesChange> codeSystems, Changes<EntryChange> dataElements,
                          Changes<DataSetChange> dataSets, Impact impact) {

    public record EditionSide(long editionId, String code, String status, String packageName,
                              String packageVersion) {
    }

    /** Added and removed by key; changed with what changed. */
    public record Changes<T>(List<String> added, List<String> removed, List<T> changed) {
        @JsonIgnore
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    /** One aspect of one thing that differs: {@code aspect} is e.g. {@code cardinality}, {@code binding}. */
    public record Difference(String aspect, String from, String to) {
    }

    /** Elements constrained by one edition's profile only, and elements constrained differently. */
    public record ProfileChange(String url, List<String> elementsAdded, List<String> elementsRemoved,
                                List<ElementChange> elementsChanged) {
    }

    public record ElementChange(String elementId, List<Difference> differences) {
    }

    /** Codes ({@code system|code}) that came or went, and codes whose display changed. */
    public record CodesChange(String url, List<String> codesAdded, List<String> codesRemoved,
                              List<Difference> displaysChanged, boolean definitionChanged) {
    }

    public record EntryChange(String identifier, List<Difference> differences) {
    }

    public record DataSetChange(String identifier, List<String> elementsAdded, List<String> elementsRemoved,
                                List<Difference> differences) {
    }

    /**
     * Whom the change affects.
     *
     * @param dataSets data sets that changed or hold a data element that changed or went away
     * @param profiles profiles and extensions that changed, or bind a value set that changed or went away, or
     *        use an extension so affected
     * @param testSuite how the test suite of the new edition differs from the old one's
     * @param certificatesInForce certificates still in force on the old edition (all of them)
     * @param certifiedInstitutions those of them the viewer may see (none for anonymous callers)
     */
    public record Impact(List<Affected> dataSets, List<Affected> profiles, TestSuiteChange testSuite,
                         long certificatesInForce, List<CertifiedInstitution> certifiedInstitutions) {
    }

    public record Affected(String identifier, String because) {
    }

    public record TestSuiteChange(boolean changed, List<Difference> profiles, List<String> rulesAdded,
                                  List<String> rulesRemoved, List<String> rulesChanged, List<Difference> levels) {
    }

    public record CertifiedInstitution(String certificate, String institution, String level, String validUntil) {
    }
}
