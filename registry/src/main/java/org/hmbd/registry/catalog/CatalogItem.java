package org.hmbd.registry.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * @param links related items: {@code rel} is one of {@code standard}, {@code edition}, {@code supersedes},
 *        {@code superseded-by}, {@code has-element}, {@code used-by-data-set}, {@code binds}, {@code bound-by},
 *        {@code uses-extension}, {@code used-by-profile}, {@code value-set}, {@code from-code-system},
 *        {@code expanded-by}, {@code used-by-data-element}
 */
public record CatalogItem(String key, CatalogItemType type, long standardId, Long editionId, String identifier,
                          String url, String version, String nameZh, String nameEn, String definitionZh,
                          String definitionEn, List<String> codes, String terms, String status,
                          @JsonProperty("public") boolean isPublic,
                          String category, String level, Integer year, String organization, String standardCode,
                          List<Link> links, Instant updatedAt) {

    public record Link(String rel, String key) {
    }
}
