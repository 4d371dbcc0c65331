package org.hmbd.registry.catalog;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.Text;
import org.springframework.stereotype.Service;

/**
 * The resource catalog's public API: full-text search with facets (Elasticsearch), items and exact
 * lookups (PostgreSQL, so they work while search is down), and the index's state and rebuild.
 * Anonymous users see public items only (content of published, superseded or abolished editions).
 */
@Service
public class Catalog {

    /** The deepest result an offset may reach (Elasticsearch's default result window). */
    static final int MAX_WINDOW = 10_000;
    private static final Set<String> SORTS = Set.of("relevance", "name", "identifier", "year", "-year");

    private final SearchIndex index;
    private final CatalogStore store;
    private final CatalogIndexer indexer;
    private final EditionContents contents;
    private final Certificates certificates;
    private final org.hmbd.registry.standard.Standards standards;

    Catalog(SearchIndex index, CatalogStore store, CatalogIndexer indexer, EditionContents contents,
            Certificates certificates, org.hmbd.registry.standard.Standards standards) {
        this.standards = standards;
        this.index = index;
        this.store = store;
        this.indexer = indexer;
        this.contents = contents;
        this.certificates = certificates;
    }

    /**
     * What changes from one edition to another (both with FHIR content; public ones only for anonymous
     * callers), and the impact: data sets, profiles, the test suite and the certificates in force on
     * the old edition.
     */
    public EditionDiff diff(Actor viewer, long fromEditionId, long toEditionId) {
        boolean publicOnly = viewer == null;
        EditionContents.Loaded from = contents.visible(fromEditionId, publicOnly)
                .orElseThrow(() -> DomainException.notFound("edition-content", fromEditionId));
        EditionContents.Loaded to = contents.visible(toEditionId, publicOnly)
                .orElseThrow(() -> DomainException.notFound("edition-content", toEditionId));
        Certificates.InForce inForce = certificates.inForce(viewer, fromEditionId);
        List<EditionDiff.CertifiedInstitution> holders = inForce.visible().stream()
                .map(c -> new EditionDiff.CertifiedInstitution(c.number(), c.organizationName(), c.levelCode(),
                        c.validUntil().toString()))
                .toList();
        return EditionDiffer.diff(from, to, new EditionDiff.Impact(List.of(), List.of(), null, inForce.count(),
                holders));
    }

    /** Search criteria; every facet filter takes several values (any of them). */
    public record Criteria(String q, List<String> type, List<String> status, List<String> category,
                           List<String> level, List<String> year, List<String> organization, Long editionId,
                           String sort) {
    }

    public record Hit(String key, String type, String identifier, String url, String version, String nameZh,
                      String nameEn, String status, String category, String level, Integer year,
                      String organization, String standardCode, Long editionId, Double score,
                      Map<String, List<String>> highlights) {
    }

    public record FacetValue(String value, long count) {
    }

    public record SearchResult(List<Hit> items, int page, int size, long total,
                               Map<String, List<FacetValue>> facets) {
    }

    public SearchResult search(Actor viewer, Criteria c, PageQuery page) {
        String q = Text.optional("q", c.q(), 200);
        String sort = c.sort() == null || c.sort().isBlank() ? "relevance" : c.sort();
        if (!SORTS.contains(sort)) {
            throw DomainException.invalidField("sort", "one-of", String.join(", ", SORTS));
        }
        if (page.offset() + page.size() > MAX_WINDOW) {
            throw DomainException.invalidField("page", "search-window", MAX_WINDOW);
        }
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        filters.put("type", values("type", c.type(), CatalogItemType.class));
        filters.put("status", upper(c.status()));
        filters.put("category", upper(c.category()));
        filters.put("level", upper(c.level()));
        filters.put("year", years(c.year()));
        filters.put("organization", plain("organization", c.organization()));
        SearchIndex.Request request = new SearchIndex.Request(q, filters, c.editionId(), viewer == null, sort,
                page.offset(), page.size());
        SearchIndex.Result r;
        try {
            r = index.search(request);
        } catch (IOException | ElasticsearchException e) {
            throw CatalogIndexer.unavailable(e);
        }
        List<Hit> hits = r.items().stream().map(f -> hit(f)).toList();
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        r.facets().forEach((k, v) -> facets.put(k, v.stream().map(x -> new FacetValue(x.value(), x.count()))
                .toList()));
        return new SearchResult(hits, page.page(), page.size(), r.total(), facets);
    }

    /** One item with its links, from PostgreSQL. */
    public CatalogItem item(Actor viewer, String key) {
        return store.get(key).filter(i -> viewer != null || i.isPublic())
                .orElseThrow(() -> DomainException.notFound("catalog-item", key));
    }

    /**
     * What an edition holds, from PostgreSQL: its data elements, data sets, value sets, code systems,
     * profiles and extensions (public editions only for anonymous callers), and its FHIR package.
     */
    public record Contents(long editionId, List<CatalogItem> items, FhirPackage fhirPackage) {

        /** The items by type ({@link CatalogItemType} name), in the order a reader looks for them. */
        public Map<String, List<CatalogItem>> byType() {
            Map<String, List<CatalogItem>> out = new LinkedHashMap<>();
            for (CatalogItemType t : List.of(CatalogItemType.DATA_SET, CatalogItemType.DATA_ELEMENT,
                    CatalogItemType.PROFILE, CatalogItemType.EXTENSION, CatalogItemType.VALUE_SET,
                    CatalogItemType.CODE_SYSTEM)) {
                List<CatalogItem> of = items.stream().filter(i -> i.type() == t).toList();
                if (!of.isEmpty()) {
                    out.put(t.name(), of);
                }
            }
            return out;
        }
    }

    public Contents contents(Actor viewer, long editionId) {
        standards.edition(viewer, editionId); // 404 for an edition the viewer may not see
        List<CatalogItem> items = store.ofEdition(editionId, viewer == null);
        FhirPackage pkg = contents.visible(editionId, viewer == null)
                .map(l -> new FhirPackage(l.info().name(), l.info().version(), l.tgz().length, l.digest()))
                .orElse(null);
        return new Contents(editionId, items, pkg);
    }

    /** An edition's own FHIR package: its name, version, size and SHA-256. */
    public record FhirPackage(String name, String version, int size, String sha256) {
    }

    /**
     * The FHIR package of this very edition (public editions for anonymous callers, drafts for
     * accounts), whichever other edition holds the same name and version.
     */
    public byte[] editionPackage(Actor viewer, long editionId) {
        standards.edition(viewer, editionId);
        return contents.visible(editionId, viewer == null).map(EditionContents.Loaded::tgz)
                .orElseThrow(() -> DomainException.notFound("package", "edition " + editionId));
    }

    /** Exact lookup by one of code, identifier or canonical URL, from PostgreSQL (works while search is down). */
    public List<CatalogItem> lookup(Actor viewer, String code, String identifier, String url) {
        int given = (code == null ? 0 : 1) + (identifier == null ? 0 : 1) + (url == null ? 0 : 1);
        if (given != 1) {
            throw DomainException.invalidField("code|identifier|url", "exactly-one");
        }
        String field = code != null ? "code" : identifier != null ? "identifier" : "url";
        String value = Text.required(field, code != null ? code : identifier != null ? identifier : url, 500);
        return store.lookup(field, value, viewer == null, 100);
    }

    /** The index's state: where it is, how far behind, the last rebuild. */
    public record IndexStatus(String alias, List<String> indexes, Long documents, boolean reachable,
                              String failure, long catalogItems, long pendingProjection, long pendingIndexing,
                              Rebuild lastRebuild) {
    }

    /** The state of the last or running index rebuild, with its progress. */
    public record Rebuild(String targetIndex, String startedBy, java.time.Instant startedAt, long itemsTotal,
                          long itemsDone, java.time.Instant finishedAt, String error, boolean running) {
    }

    public IndexStatus status(Actor actor) {
        actor.require(Role.SYSTEM_ADMIN);
        List<String> indexes = List.of();
        Long documents = null;
        String failure = indexer.lastFailure();
        try {
            indexes = index.aliasTargets();
            documents = indexes.isEmpty() ? null : index.count(index.alias());
        } catch (IOException | ElasticsearchException e) {
            failure = CatalogIndexer.describe(e);
        }
        long[] backlog = store.backlog();
        return new IndexStatus(index.alias(), indexes, documents, failure == null, failure, store.count(), backlog[0],
                backlog[1], indexer.lastRebuild().orElse(null));
    }

    public Rebuild rebuild(Actor actor) {
        actor.require(Role.SYSTEM_ADMIN);
        return indexer.startRebuild(actor.username());
    }

    @SuppressWarnings("unchecked")
    private static Hit hit(SearchIndex.Found f) {
        Map<String, Object> s = f.source();
        return new Hit((String) s.get("key"), (String) s.get("type"), (String) s.get("identifier"),
                (String) s.get("url"), (String) s.get("version"), (String) s.get("nameZh"), (String) s.get("nameEn"),
                (String) s.get("status"), (String) s.get("category"), (String) s.get("level"),
                s.get("year") == null ? null : ((Number) s.get("year")).intValue(), (String) s.get("organization"),
                (String) s.get("standardCode"), s.get("editionId") == null ? null : ((Number) s.get("editionId"))
                .longValue(), f.score(), f.highlights() == null ? Map.of() : f.highlights());
    }

    private static <E extends Enum<E>> Set<String> values(String field, List<String> given, Class<E> type) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String v : given) {
                out.add(Text.enumValue(field, v, type).name());
            }
        }
        return out;
    }

    private static Set<String> upper(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            given.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> out.add(v.strip().toUpperCase()));
        }
        return out;
    }

    private static Set<String> years(List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String y : given) {
                if (y == null || !y.strip().matches("\\d{4}")) {
                    throw DomainException.invalidField("year", "invalid");
                }
                out.add(y.strip());
            }
        }
        return out;
    }

    private static Set<String> plain(String field, List<String> given) {
        Set<String> out = new LinkedHashSet<>();
        if (given != null) {
            for (String v : given) {
                out.add(Text.required(field, v, 200));
            }
        }
        return out;
    }
}
