package org.hmbd.registry.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the resource catalog.
 *
 * @param key the stable identifier of the item in this registry: {@code standard:<id>}, {@code edition:<id>},
 *        or {@code <type>:<editionId>:<identifier>} for content (the same identifier in the same edition
 *        always gives the same key)
 * @param identifier what the item is known by outside: a standard number, an edition code, a data element
 *        identifier ({@code DE02.01.039.00}) or a canonical URL
 * @param url the canonical URL of FHIR conformance resources
 * @param codes exact-match codes: the codes of a code system, the data element identifiers of a data set
 * @param terms more searchable text: the displays of a code system's codes
 * @param status the edition's status (the standard's for standards)
 * @param isPublic whether anonymous users see it (content of published, superseded or abolished editions)
 * @param year the year of the edition (from its code, else when it was published or created)
 * @param organization the lead organization of the drafting working group
 * @param links related items, each with its relation ({@link Rel})
 */
public record CatalogItem(String key, CatalogItemType type, long standardId, Long editionId, String identifier,
                          String url, String version, String nameZh, String nameEn, String definitionZh,
                          String definitionEn, List<String> codes, String terms, String status,
                          @JsonProperty("public") boolean isPublic,
                          String category, String level, Integer year, String organization, String standardCode,
                          List<Link> links, Instant updatedAt) {

    /** A related item: how it relates ({@link Rel}) and its key. */
    public record Link(Rel rel, String key) {

        /** A link by the relation's name, e.g. {@code has-element}. */
        public Link(String rel, String key) {
            this(Rel.of(rel), key);
        }
    }

    /** The closed set of relations between catalog items; each name is the JSON value. */
    public enum Rel {
        STANDARD("standard"), EDITION("edition"), SUPERSEDES("supersedes"), SUPERSEDED_BY("superseded-by"),
        HAS_ELEMENT("has-element"), USED_BY_DATA_SET("used-by-data-set"), BINDS("binds"), BOUND_BY("bound-by"),
        USES_EXTENSION("uses-extension"), USED_BY_PROFILE("used-by-profile"), VALUE_SET("value-set"),
        FROM_CODE_SYSTEM("from-code-system"), EXPANDED_BY("expanded-by"),
        USED_BY_DATA_ELEMENT("used-by-data-element");

        private final String value;

        Rel(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        @JsonCreator
        public static Rel of(String value) {
            for (Rel r : values()) {
                if (r.value.equals(value)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown catalog link relation: " + value);
        }
    }
}
