package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The resource catalog on a real Elasticsearch node, started by the server the way the embedded
 * default starts it, fed from a real PostgreSQL through the outbox.
 */
class CatalogSearchIT extends ConformanceSupport {

    /** Polls a search until it answers 200 and the condition holds (the index is fed asynchronously). */
    static JsonPath awaitSearch(Api api, String query, Predicate<JsonPath> condition) {
        Response answer = Poll.until("search '" + query + "' answered as expected", Duration.ofMinutes(2),
                () -> api.get("/api/v1/catalog/search?" + query),
                r -> r.statusCode() == 200 && condition.test(r.jsonPath()));
        return answer.jsonPath();
    }

    long sampleIndexed() {
        long edition = sampleEdition();
        awaitSearch(anonymous, "editionId=" + edition + "&size=100", j -> j.getLong("total") >= 34);
        return edition;
    }

    @Test
    void chineseAndEnglishQueriesFindTheShippedContent() {
        long edition = sampleIndexed();
        JsonPath zh = anonymous.get("/api/v1/catalog/search?q={q}&editionId={e}", "患者", edition)
                .then().statusCode(200).extract().jsonPath();
        assertThat(zh.getList("items.identifier", String.class))
                .contains("http://fhir.hmbd-registry.org/sample/core/StructureDefinition/hmbd-patient",
                        "DE02.01.039.00", "DS-SAMPLE-01");
        assertThat(zh.getString("items[0].nameZh")).contains("患者");

        JsonPath phrase = anonymous.get("/api/v1/catalog/search?q={q}&editionId={e}", "收缩压", edition)
                .then().statusCode(200).extract().jsonPath();
        assertThat(phrase.getString("items[0].identifier")).isEqualTo("DE04.10.174.00");

        JsonPath en = anonymous.get("/api/v1/catalog/search?q={q}&editionId={e}", "blood pressure", edition)
                .then().statusCode(200).extract().jsonPath();
        assertThat(en.getList("items.identifier", String.class))
                .contains("DE04.10.174.00", "DE04.10.176.00")
                .doesNotContain("DE02.01.039.00");

        JsonPath code = anonymous.get("/api/v1/catalog/search?q={q}", "DE02.01.039.00")
                .then().statusCode(200).extract().jsonPath();
        assertThat(code.getString("items[0].identifier")).isEqualTo("DE02.01.039.00");
        assertThat(code.getString("items[0].type")).isEqualTo("DATA_ELEMENT");

        JsonPath displays = anonymous.get("/api/v1/catalog/search?q={q}&editionId={e}", "维吾尔族", edition)
                .then().statusCode(200).extract().jsonPath();
        assertThat(displays.getString("items[0].identifier"))
                .isEqualTo("http://fhir.hmbd-registry.org/sample/core/CodeSystem/gbt-3304-ethnicity");

        JsonPath nothing = anonymous.get("/api/v1/catalog/search?q={q}", "zzqxj-no-such-thing")
                .then().statusCode(200).extract().jsonPath();
        assertThat(nothing.getLong("total")).isZero();
    }

    @Test
    void exactLookupFindsItemsByCodeIdentifierAndUrlWithTheirLinks() {
        long edition = sampleIndexed();
        String sexVs = "http://fhir.hmbd-registry.org/sample/core/ValueSet/gbt-2261-1-sex";
        JsonPath byUrl = anonymous.get("/api/v1/catalog/lookup?url={u}", sexVs).then().statusCode(200)
                .extract().jsonPath();
        // one item per edition carrying it (other tests publish editions with the same content)
        assertThat(byUrl.getList("type", String.class)).isNotEmpty().containsOnly("VALUE_SET");
        assertThat(byUrl.getList("editionId", Long.class)).contains(edition).doesNotHaveDuplicates();
        List<String> rels = byUrl.getList("find { it.editionId == " + edition + " }.links.rel", String.class);
        assertThat(rels).contains("from-code-system", "bound-by", "used-by-data-element");

        JsonPath byCode = anonymous.get("/api/v1/catalog/lookup?code={c}", "05").then().statusCode(200)
                .extract().jsonPath();
        assertThat(byCode.getList("identifier", String.class))
                .contains("http://fhir.hmbd-registry.org/sample/core/CodeSystem/gbt-3304-ethnicity");

        JsonPath element = anonymous.get("/api/v1/catalog/lookup?identifier={i}", "DE02.01.040.00")
                .then().statusCode(200).extract().jsonPath();
        String key = element.getString("[0].key");
        JsonPath item = anonymous.get("/api/v1/catalog/items/{k}", key).then().statusCode(200).extract().jsonPath();
        assertThat(item.getString("nameZh")).isEqualTo("性别代码");
        assertThat(item.getString("nameEn")).isEqualTo("Sex code");
        assertThat(item.getList("links.rel", String.class)).contains("value-set", "used-by-data-set");
        String dataSet = item.getString("links.find { it.rel == 'used-by-data-set' }.key");
        anonymous.get("/api/v1/catalog/items/{k}", dataSet).then().statusCode(200)
                .body("type", equalTo("DATA_SET")).body("identifier", equalTo("DS-SAMPLE-01"));

        anonymous.get("/api/v1/catalog/items/{k}", "data-element:999999:0000000000000000").then().statusCode(404)
                .body("code", equalTo("not-found"));
        anonymous.get("/api/v1/catalog/lookup").then().statusCode(400).body("code", equalTo("validation-failed"));
        anonymous.get("/api/v1/catalog/lookup?code=1&url=x").then().statusCode(400);
    }

    @Test
    void facetsCountEachValueUnderTheOtherFilters() {
        long edition = sampleIndexed();
        JsonPath all = anonymous.get("/api/v1/catalog/search?editionId={e}&size=1", edition).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Integer> types = counts(all, "type");
        assertThat(types).containsEntry("DATA_ELEMENT", 15).containsEntry("DATA_SET", 3)
                .containsEntry("VALUE_SET", 4).containsEntry("CODE_SYSTEM", 3).containsEntry("PROFILE", 5)
                .containsEntry("EXTENSION", 3).containsEntry("EDITION", 1);
        assertThat(all.getLong("total")).isEqualTo(types.values().stream().mapToInt(Integer::intValue).sum());

        JsonPath valueSets = anonymous.get("/api/v1/catalog/search?editionId={e}&type=VALUE_SET&type=CODE_SYSTEM"
                + "&size=50", edition).then().statusCode(200).extract().jsonPath();
        assertThat(valueSets.getLong("total")).isEqualTo(7);
        assertThat(valueSets.getList("items.type", String.class)).containsOnly("VALUE_SET", "CODE_SYSTEM");
        // the type facet still counts every type (multi-select); the others count within the filter
        assertThat(counts(valueSets, "type")).containsEntry("DATA_ELEMENT", 15);
        assertThat(counts(valueSets, "status")).containsEntry("PUBLISHED", 7);
        assertThat(counts(valueSets, "level")).containsEntry("WS", 7);
        assertThat(counts(valueSets, "year")).containsEntry("2026", 7);
    }

    @Test
    void resultsArePagedSortedAndHighlighted() {
        long edition = sampleIndexed();
        JsonPath first = anonymous.get("/api/v1/catalog/search?editionId={e}&type=DATA_ELEMENT&sort=identifier"
                + "&size=10&page=0", edition).then().statusCode(200).extract().jsonPath();
        JsonPath second = anonymous.get("/api/v1/catalog/search?editionId={e}&type=DATA_ELEMENT&sort=identifier"
                + "&size=10&page=1", edition).then().statusCode(200).extract().jsonPath();
        List<String> ids = new ArrayList<>(first.getList("items.identifier", String.class));
        ids.addAll(second.getList("items.identifier", String.class));
        assertThat(first.getLong("total")).isEqualTo(15);
        assertThat(ids).hasSize(15).doesNotHaveDuplicates().isSorted();

        JsonPath hl = anonymous.get("/api/v1/catalog/search?q={q}&editionId={e}", "收缩压", edition)
                .then().statusCode(200).extract().jsonPath();
        assertThat(hl.getList("items[0].highlights.nameZh", String.class)).anyMatch(s -> s.contains("<em>"));

        anonymous.get("/api/v1/catalog/search?sort=random").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("sort"));
        anonymous.get("/api/v1/catalog/search?year=20x6").then().statusCode(400).body("field", equalTo("year"));
        anonymous.get("/api/v1/catalog/search?type=NOPE").then().statusCode(400).body("field", equalTo("type"));
        anonymous.get("/api/v1/catalog/search?page=100&size=200").then().statusCode(400)
                .body("field", equalTo("page"));
    }

    @Test
    void anonymousCallersSeeOnlyPublicItems() {
        sampleIndexed();
        long org = organization("NATIONAL", "100000");
        long draft = draftEdition(org);
        JsonPath seen = awaitSearch(admin, "editionId=" + draft, j -> j.getLong("total") >= 1);
        assertThat(seen.getString("items[0].status")).isEqualTo("DRAFTING");
        anonymous.get("/api/v1/catalog/search?editionId={e}", draft).then().statusCode(200)
                .body("total", equalTo(0));
        String key = seen.getString("items[0].key");
        anonymous.get("/api/v1/catalog/items/{k}", key).then().statusCode(404);
        admin.get("/api/v1/catalog/items/{k}", key).then().statusCode(200).body("public", equalTo(false));
    }

    @Test
    void onlyNationalAdministratorsSeeAndRebuildTheIndex() {
        long org = organization("NATIONAL", "100000");
        Member expert = member(org, "EXPERT");
        expert.api().get("/api/v1/catalog/index").then().statusCode(403).body("code", equalTo("forbidden"));
        expert.api().post("/api/v1/catalog/index/rebuild", Map.of()).then().statusCode(403);
        anonymous.get("/api/v1/catalog/index").then().statusCode(401);
        admin.get("/api/v1/catalog/index").then().statusCode(200).body("alias", equalTo("hmbd-catalog"));
    }

    @Test
    void whileElasticsearchIsDownSearchAnswers503WritesSucceedAndTheIndexCatchesUpAfterwards() {
        sampleIndexed();
        List<ProcessHandle> nodes = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.hmbd.searchnode.SearchNode")).toList();
        assertThat(nodes).as("the embedded search node runs as a child process").hasSize(1);
        nodes.get(0).destroy();

        Response down = Poll.until("search reports the outage", Duration.ofSeconds(30),
                () -> anonymous.get("/api/v1/catalog/search?q=患者"), r -> r.statusCode() == 503);
        assertThat(down.contentType()).startsWith("application/problem+json");
        assertThat(down.jsonPath().getString("code")).isEqualTo("search-unavailable");
        // the cause is for the operators' log, not for the caller
        assertThat(down.jsonPath().getString("detail")).doesNotContain("Exception", "Connect", "refused");

        // writes go on: a new standard and its draft are recorded while the index cannot take them
        long org = organization("NATIONAL", "100000");
        long draft = draftEdition(org);
        anonymous.get("/api/v1/catalog/lookup?identifier=DE02.01.039.00").then().statusCode(200);
        JsonPath status = admin.get("/api/v1/catalog/index").then().statusCode(200).extract().jsonPath();
        assertThat(status.getBoolean("reachable")).isFalse();

        // the node is restarted by the server; the queued changes reach it
        JsonPath found = awaitSearch(admin, "editionId=" + draft, j -> j.getLong("total") >= 1);
        assertThat(found.getString("items[0].type")).isEqualTo("EDITION");
        awaitSearch(admin, "size=1", j -> true);
        JsonPath after = admin.get("/api/v1/catalog/index").then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("reachable")).isTrue();
    }

    @Test
    void anIndexLostWithItsDataIsRefilledFromPostgresql() throws Exception {
        long edition = sampleIndexed();
        ProcessHandle node = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("org.hmbd.searchnode.SearchNode"))
                .findFirst().orElseThrow();
        node.destroy();
        node.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        // the node's data folder is gone (a lost disk, a new cluster): nothing of the index survives
        org.springframework.util.FileSystemUtils.deleteRecursively(dataFolder().resolve("search").resolve("data"));
        JsonPath back = awaitSearch(anonymous, "editionId=" + edition + "&size=1", j -> j.getLong("total") >= 34);
        assertThat(back.getMap("facets").keySet()).contains("type");
        JsonPath status = admin.get("/api/v1/catalog/index").then().statusCode(200).extract().jsonPath();
        awaitSearch(admin, "size=1", j -> j.getLong("total") == status.getLong("catalogItems"));
    }

    @Test
    void rebuildMovesTheAliasToAFreshIndexWhileQueriesGoOn() throws Exception {
        sampleIndexed();
        String before = admin.get("/api/v1/catalog/index").then().statusCode(200).extract().jsonPath()
                .getString("indexes[0]");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> {
                while (running.get()) {
                    Response r = anonymous.get("/api/v1/catalog/search?q=患者");
                    if (r.statusCode() != 200 || r.jsonPath().getLong("total") == 0) {
                        failures.add(r.statusCode() + " " + r.asString());
                    }
                    answered.incrementAndGet();
                }
            });
            t.start();
            readers.add(t);
        }
        try {
            sleep(500);
            admin.post("/api/v1/catalog/index/rebuild", Map.of()).then().statusCode(202)
                    .body("running", equalTo(true));
            long org = organization("NATIONAL", "100000");
            long draft = draftEdition(org); // a change while the rebuild runs
            JsonPath status = Poll.until("the rebuild finished", Duration.ofMinutes(2),
                    () -> admin.get("/api/v1/catalog/index").then().statusCode(200).extract().jsonPath(),
                    s -> !s.getBoolean("lastRebuild.running"));
            assertThat(status.getString("lastRebuild.error")).isNull();
            assertThat(status.getLong("lastRebuild.itemsDone")).isEqualTo(status.getLong("lastRebuild.itemsTotal"));
            assertThat(status.getList("indexes", String.class)).hasSize(1).doesNotContain(before);
            sleep(500);
            awaitSearch(admin, "editionId=" + draft, j -> j.getLong("total") >= 1);
            JsonPath settled = admin.get("/api/v1/catalog/index").then().statusCode(200).extract().jsonPath();
            awaitSearch(admin, "size=1", j -> j.getLong("total") == settled.getLong("catalogItems"));
        } finally {
            running.set(false);
            for (Thread t : readers) {
                t.join();
            }
        }
        assertThat(failures).as("queries during the rebuild").isEmpty();
        assertThat(answered.get()).isGreaterThan(3);
    }

    private static Map<String, Integer> counts(JsonPath result, String facet) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        List<Map<String, Object>> values = result.getList("facets." + facet);
        for (Map<String, Object> v : values) {
            counts.put(String.valueOf(v.get("value")), ((Number) v.get("count")).intValue());
        }
        return counts;
    }
}
