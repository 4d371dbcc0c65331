package org.hmbd.registry.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's Elasticsearch index: physical indexes {@code <alias>-<time>} behind one alias, written
 * with external versions (an item's {@code updated_at} in microseconds) so that an older copy of an
 * item never overwrites a newer one, whichever writer comes last (search feeder or rebuild).
 * Failures surface as {@link IOException} or {@link ElasticsearchException}; callers decide.
 */
@Component
class SearchIndex {

    /** Facet name to indexed field. */
    static final Map<String, String> FACETS = facets();
    private final JsonMapper json;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final List<String> TEXT_FIELDS = List.of("nameZh^4", "nameEn^4", "identifier.text^3",
            "standardCode.text^3", "definitionZh", "definitionEn", "terms^2");
    private static final List<String> BIGRAM_FIELDS = List.of("nameZh.bigram^4", "nameEn.bigram^4",
            "definitionZh.bigram", "definitionEn.bigram", "terms.bigram^2");
    private static final List<String> HIGHLIGHTED = List.of("nameZh", "nameEn", "definitionZh", "definitionEn",
            "terms");

    private final ElasticsearchClient es;
    private final SearchProperties props;

    SearchIndex(ElasticsearchClient es, SearchProperties props, JsonMapper json) {
        this.json = json;
        this.es = es;
        this.props = props;
    }

    String alias() {
        return props.index();
    }

    /** The physical indexes behind the alias (normally one). */
    List<String> aliasTargets() throws IOException {
        if (!es.indices().existsAlias(b -> b.name(alias())).value()) {
            return List.of();
        }
        return List.copyOf(es.indices().getAlias(b -> b.name(alias())).result().keySet());
    }

    /** Creates the first index behind the alias, if there is none; true if it was created. */
    boolean ensureAlias() throws IOException {
        if (!aliasTargets().isEmpty()) {
            return false;
        }
        String index = createIndex();
        es.indices().updateAliases(b -> b.actions(a -> a.add(add -> add.index(index).alias(alias()))));
        return true;
    }

    String createIndex() throws IOException {
        String name = alias() + "-" + SUFFIX.format(Instant.now());
        ObjectNode definition;
        try (InputStream in = new ClassPathResource("catalog/index.json").getInputStream()) {
            definition = (ObjectNode) json.readTree(in);
        }
        if (props.isEmbedded()) {
            ((ObjectNode) definition.get("settings")).put("number_of_replicas", 0);
        }
        String body = json.writeValueAsString(definition);
        es.indices().create(b -> b.index(name).withJson(new StringReader(body)));
        return name;
    }

    /** Points the alias at the new index only, and deletes the indexes it pointed at before. */
    void swapAlias(String newIndex) throws IOException {
        // searchable before it is swapped in: no query may see an empty index
        es.indices().refresh(b -> b.index(newIndex));
        List<String> old = aliasTargets();
        es.indices().updateAliases(b -> {
            b.actions(a -> a.add(add -> add.index(newIndex).alias(alias())));
            for (String o : old) {
                if (!o.equals(newIndex)) {
                    b.actions(a -> a.remove(r -> r.index(o).alias(alias())));
                }
            }
            return b;
        });
        for (String o : old) {
            if (!o.equals(newIndex)) {
                es.indices().delete(b -> b.index(o));
            }
        }
    }

    void deleteIndex(String index) throws IOException {
        if (es.indices().exists(b -> b.index(index)).value()) {
            es.indices().delete(b -> b.index(index));
        }
    }

    long count(String index) throws IOException {
        return es.count(b -> b.index(index)).count();
    }

    /**
     * Writes items and removes keys in one bulk request. Version conflicts mean a newer copy is there
     * already, and a missing document needs no delete: neither is a failure; anything else (a missing
     * index, a rejected document) is.
     */
    void write(String target, Collection<CatalogItem> items, Collection<String> deletedKeys) throws IOException {
        if (items.isEmpty() && deletedKeys.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
        for (CatalogItem i : items) {
            Map<String, Object> doc = document(i);
            long version = micros(i.updatedAt());
            bulk.operations(op -> op.index(x -> x.id(i.key()).document(doc).version(version)
                    .versionType(VersionType.ExternalGte)));
        }
        long deleteVersion = micros(Instant.now());
        for (String key : deletedKeys) {
            bulk.operations(op -> op.delete(d -> d.id(key).version(deleteVersion).versionType(VersionType.External)));
        }
        BulkResponse response = es.bulk(bulk.build());
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                // a delete of a missing document is no error; a missing index is (it makes the feeder recreate it)
                if (item.error() != null && !"version_conflict_engine_exception".equals(item.error().type())) {
                    throw new IOException("search index refused " + item.id() + ": " + item.error().type() + " "
                            + item.error().reason());
                }
            }
        }
    }

    void refresh() throws IOException {
        es.indices().refresh(b -> b.index(alias()));
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    static Map<String, Object> document(CatalogItem i) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("key", i.key());
        d.put("type", i.type().name());
        d.put("standardId", i.standardId());
        d.put("editionId", i.editionId());
        d.put("identifier", i.identifier());
        d.put("url", i.url());
        d.put("version", i.version());
        d.put("nameZh", i.nameZh());
        d.put("nameEn", i.nameEn());
        d.put("definitionZh", i.definitionZh());
        d.put("definitionEn", i.definitionEn());
        d.put("codes", i.codes());
        d.put("terms", i.terms());
        d.put("status", i.status());
        d.put("public", i.isPublic());
        d.put("category", i.category());
        d.put("level", i.level());
        d.put("year", i.year());
        d.put("organization", i.organization());
        d.put("standardCode", i.standardCode());
        List<Map<String, String>> links = new ArrayList<>();
        i.links().forEach(l -> links.add(Map.of("rel", l.rel().value(), "key", l.key())));
        d.put("links", links);
        d.put("updatedAt", i.updatedAt().toString());
        return d;
    }

    // ---------------------------------------------------------------------------------------- search

    /**
     * @param filters facet name to accepted values (any of them)
     * @param sort {@code relevance}, {@code name}, {@code identifier}, {@code year}, {@code -year}
     */
    record Request(String q, Map<String, Set<String>> filters, Long editionId, boolean publicOnly, String sort,
                   int from, int size) {
    }

    record Result(List<Found> items, long total, Map<String, List<FacetValue>> facets) {
    }

    record Found(Map<String, Object> source, Double score, Map<String, List<String>> highlights) {
    }

    record FacetValue(String value, long count) {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    Result search(Request r) throws IOException {
        Query query = query(r);
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : FACETS.entrySet()) {
            Query others = filters(r, f.getKey());
            aggs.put(f.getKey(), Aggregation.of(a -> a.filter(others)
                    .aggregations("values", Aggregation.of(t -> t.terms(x -> x.field(f.getValue()).size(50))))));
        }
        SearchRequest.Builder b = new SearchRequest.Builder().index(alias()).query(query)
                .postFilter(filters(r, null)).aggregations(aggs).from(r.from()).size(r.size())
                .trackTotalHits(t -> t.enabled(true))
                .highlight(h -> {
                    h.preTags("<em>").postTags("</em>").numberOfFragments(2).fragmentSize(120);
                    for (String f : HIGHLIGHTED) {
                        h.fields(f, x -> x);
                    }
                    return h;
                });
        switch (r.sort()) {
            case "name" -> b.sort(s -> s.field(f -> f.field("nameZh.sort").order(SortOrder.Asc)))
                    .sort(s -> s.field(f -> f.field("key").order(SortOrder.Asc)));
            case "identifier" -> b.sort(s -> s.field(f -> f.field("identifier").order(SortOrder.Asc)))
                    .sort(s -> s.field(f -> f.field("key").order(SortOrder.Asc)));
            case "year" -> b.sort(s -> s.field(f -> f.field("year").order(SortOrder.Asc)))
                    .sort(s -> s.field(f -> f.field("key").order(SortOrder.Asc)));
            case "-year" -> b.sort(s -> s.field(f -> f.field("year").order(SortOrder.Desc)))
                    .sort(s -> s.field(f -> f.field("key").order(SortOrder.Asc)));
            default -> b.sort(s -> s.score(x -> x.order(SortOrder.Desc)))
                    .sort(s -> s.field(f -> f.field("key").order(SortOrder.Asc)));
        }
        SearchResponse<Map> response = es.search(b.build(), Map.class);
        List<Found> found = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            found.add(new Found(hit.source(), hit.score(), hit.highlight()));
        }
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            Aggregate values = response.aggregations().get(name).filter().aggregations().get("values");
            List<FacetValue> list = new ArrayList<>();
            if (values.isSterms()) {
                values.sterms().buckets().array().forEach(x -> list.add(new FacetValue(x.key().stringValue(),
                        x.docCount())));
            } else if (values.isLterms()) {
                values.lterms().buckets().array().forEach(x -> list.add(new FacetValue(String.valueOf(x.key()),
                        x.docCount())));
            }
            facets.put(name, list);
        }
        long total = response.hits().total() == null ? found.size() : response.hits().total().value();
        return new Result(found, total, facets);
    }

    private static Query query(Request r) {
        List<Query> must = new ArrayList<>();
        if (r.publicOnly()) {
            must.add(Query.of(q -> q.term(t -> t.field("public").value(true))));
        }
        if (r.editionId() != null) {
            must.add(Query.of(q -> q.term(t -> t.field("editionId").value(r.editionId()))));
        }
        if (r.q() == null) {
            return Query.of(q -> q.bool(b -> b.must(must).must(m -> m.matchAll(x -> x))));
        }
        String text = r.q();
        Query matches = Query.of(q -> q.bool(b -> b
                .should(s -> s.multiMatch(m -> m.query(text).fields(TEXT_FIELDS).type(TextQueryType.CrossFields)
                        .operator(Operator.And)))
                .should(s -> s.term(t -> t.field("codes").value(text).boost(10f)))
                .should(s -> s.term(t -> t.field("identifier").value(text).boost(10f)))
                .should(s -> s.term(t -> t.field("standardCode").value(text).boost(10f)))
                .should(s -> s.term(t -> t.field("url").value(text).boost(10f)))
                .minimumShouldMatch("1")));
        must.add(matches);
        return Query.of(q -> q.bool(b -> b.must(must)
                .should(s -> s.multiMatch(m -> m.query(text).fields(BIGRAM_FIELDS).type(TextQueryType.MostFields)))
                .should(s -> s.matchPhrase(m -> m.field("nameZh").query(text).boost(3f)))
                .should(s -> s.matchPhrase(m -> m.field("nameEn").query(text).boost(3f)))));
    }

    /** The facet filters, leaving out one facet (for that facet's own counts), or none. */
    private static Query filters(Request r, String except) {
        List<Query> filter = new ArrayList<>();
        for (Map.Entry<String, Set<String>> f : r.filters().entrySet()) {
            if (f.getKey().equals(except) || f.getValue().isEmpty()) {
                continue;
            }
            List<FieldValue> values = f.getValue().stream().map(FieldValue::of).toList();
            filter.add(Query.of(q -> q.terms(t -> t.field(FACETS.get(f.getKey())).terms(v -> v.value(values)))));
        }
        return Query.of(q -> q.bool(b -> b.filter(filter)));
    }

    private static Map<String, String> facets() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("type", "type");
        f.put("status", "status");
        f.put("category", "category");
        f.put("level", "level");
        f.put("year", "year");
        f.put("organization", "organization");
        return f;
    }
}
