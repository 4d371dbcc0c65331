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

    /**
     * One thing affected, and why.
     *
     * @param because the reasons in English, joined (kept for existing clients)
     * @param reasons the reasons with stable codes and texts in both languages
     */
    public record Affected(String identifier, String because, List<Reason> reasons) {

        public static Affected of(String identifier, List<Reason> reasons) {
            return new Affected(identifier, String.join("; ", reasons.stream().map(Reason::en).toList()),
                    List.copyOf(reasons));
        }
    }

    /**
     * Why something is affected: a stable {@code code}, the things it names ({@code subjects}: data
     * element identifiers, value set or extension URLs) and the reason in Chinese and English.
     */
    public record Reason(String code, List<String> subjects, String zh, String en) {

        public static Reason of(Why why, List<String> subjects) {
            String list = String.join(", ", subjects);
            return new Reason(why.code, List.copyOf(subjects), why.zh.replace("{0}", list), why.en.replace("{0}", list));
        }
    }

    /** The closed set of reasons. */
    public enum Why {
        REMOVED("removed", "已删除", "removed"),
        CHANGED("changed", "已修改", "changed"),
        DATA_ELEMENTS_CHANGED("data-elements-changed", "所含数据元有变化：{0}", "data elements {0}"),
        BINDS_CHANGED_VALUE_SET("binds-changed-value-set", "绑定的值集有变化：{0}", "binds {0}"),
        USES_AFFECTED_EXTENSION("uses-affected-extension", "使用的扩展受影响：{0}", "uses {0}");

        private final String code;
        private final String zh;
        private final String en;

        Why(String code, String zh, String en) {
            this.code = code;
            this.zh = zh;
            this.en = en;
        }

        public String code() {
            return code;
        }
    }

    public record TestSuiteChange(boolean changed, List<Difference> profiles, List<String> rulesAdded,
                                  List<String> rulesRemoved, List<String> rulesChanged, List<Difference> levels) {
    }

    public record CertifiedInstitution(String certificate, String institution, String level, String validUntil) {
    }
}
