package org.hmbd.registry.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.hmbd.registry.standard.Artifacts;
import org.hmbd.validator.content.FhirPackage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Catalog search benchmark (not a test; run by {@code registry/benchmark-search.sh}).
 * <ul>
 * <li>{@code generate <out.tgz> <items>}: the sample standard's package with a generated catalog of
 *     data elements (realistic Chinese and English names and definitions, WS 363-style identifiers)
 *     and data sets of 20 elements each;</li>
 * <li>{@code measure <es-url> <jdbc-url> <http-base> <token> <seconds> <concurrency...>}: the same
 *     queries against Elasticsearch (the server's own query: full text, six facets, highlighting),
 *     PostgreSQL {@code ILIKE} (the baseline: substring match over the same fields, total and the same
 *     six facet counts, first page) and the server's search endpoint (HTTP end to end); latency p50/p99
 *     and throughput per engine and concurrency, printed as a Markdown table.</li>
 * </ul>
 */
public final class CatalogSearchBenchmark {

    static final String[][] SUBJECTS = {
        {"患者", "Patient"}, {"母亲", "Mother"}, {"新生儿", "Newborn"}, {"门诊", "Outpatient"}, {"住院", "Inpatient"},
        {"手术", "Surgery"}, {"麻醉", "Anaesthesia"}, {"检验", "Laboratory test"}, {"检查", "Examination"},
        {"用药", "Medication"}, {"护理", "Nursing"}, {"随访", "Follow-up"}, {"疫苗接种", "Vaccination"},
        {"传染病报告", "Infectious disease report"}, {"慢性病管理", "Chronic disease management"},
        {"孕产妇", "Maternal"}, {"儿童保健", "Child health"}, {"健康体检", "Health check-up"}, {"急诊", "Emergency"},
        {"转诊", "Referral"}, {"家庭医生签约", "Family doctor contract"}, {"精神卫生", "Mental health"},
        {"口腔", "Dental"}, {"康复", "Rehabilitation"}, {"中医", "Traditional Chinese medicine"}};
    static final String[][] ATTRIBUTES = {
        {"姓名", "name", "S1", "A..50"}, {"出生日期", "date of birth", "D", "D8"},
        {"性别代码", "sex code", "S3", "N1"}, {"身份证件号码", "identity document number", "S1", "AN18"},
        {"联系电话号码", "telephone number", "S1", "AN..20"}, {"现住址", "current address", "S1", "AN..200"},
        {"收缩压", "systolic blood pressure", "N", "N2..3"}, {"舒张压", "diastolic blood pressure", "N", "N2..3"},
        {"身高", "body height", "N", "N4,1"}, {"体重", "body weight", "N", "N3..5,1"},
        {"体温", "body temperature", "N", "N4,1"}, {"心率", "heart rate", "N", "N..3"},
        {"呼吸频率", "respiratory rate", "N", "N..3"}, {"空腹血糖", "fasting blood glucose", "N", "N..4,1"},
        {"糖化血红蛋白", "glycated haemoglobin", "N", "N..4,1"}, {"诊断名称", "diagnosis name", "S1", "AN..100"},
        {"诊断代码", "diagnosis code", "S3", "AN..20"}, {"药物名称", "drug name", "S1", "AN..50"},
        {"药物剂量", "drug dose", "N", "N..12,2"}, {"给药途径代码", "route of administration code", "S3", "N1..3"},
        {"开始日期时间", "start date and time", "DT", "DT15"}, {"结束日期时间", "end date and time", "DT", "DT15"},
        {"责任医师姓名", "responsible physician name", "S1", "A..50"}, {"科室名称", "department name", "S1", "AN..50"},
        {"机构代码", "institution code", "S1", "AN18"}, {"结果值", "result value", "S1", "AN..100"},
        {"结果单位", "result unit", "S1", "AN..20"}, {"参考值范围", "reference range", "S1", "AN..50"},
        {"标本类型代码", "specimen type code", "S3", "N1..2"}, {"过敏史", "allergy history", "S1", "AN..1000"},
        {"既往史", "past medical history", "S1", "AN..1000"}, {"吸烟状况代码", "smoking status code", "S3", "N1"},
        {"饮酒频率代码", "drinking frequency code", "S3", "N1"}, {"血型代码", "blood type code", "S3", "N1"},
        {"婚姻状况代码", "marital status code", "S3", "N2"}, {"职业类别代码", "occupation code", "S3", "N1..3"},
        {"医疗费用总额", "total medical cost", "N", "N..10,2"}, {"医保类型代码", "insurance type code", "S3", "N2"},
        {"签名日期时间", "signature date and time", "DT", "DT15"}, {"备注", "remarks", "S1", "AN..500"}};
    static final String[][] QUALIFIERS = {
        {"", ""}, {"首次", "first"}, {"末次", "last"}, {"入院时", "at admission"}, {"出院时", "at discharge"},
        {"术前", "pre-operative"}, {"术后", "post-operative"}, {"随访时", "at follow-up"}, {"筛查时", "at screening"},
        {"复诊时", "at revisit"}};

    private CatalogSearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]));
            case "measure" -> measure(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]),
                    Arrays.stream(args, 6, args.length).mapToInt(Integer::parseInt).toArray());
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ----------------------------------------------------------------------------------------- generate

    static void generate(Path out, int items) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode catalog = json.createObjectNode();
        catalog.put("notice", "生成的基准测试内容 / Generated benchmark content");
        ArrayNode elements = catalog.putArray("dataElements");
        ArrayNode sets = catalog.putArray("dataSets");
        Random random = new Random(42);
        int setSize = 20;
        int dataSets = Math.max(1, items / 100);
        int dataElements = items - dataSets;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < dataElements; i++) {
            String[] s = SUBJECTS[i % SUBJECTS.length];
            String[] a = ATTRIBUTES[(i / SUBJECTS.length) % ATTRIBUTES.length];
            String[] q = QUALIFIERS[(i / (SUBJECTS.length * ATTRIBUTES.length)) % QUALIFIERS.length];
            int version = i / (SUBJECTS.length * ATTRIBUTES.length * QUALIFIERS.length);
            String id = String.format("DE%02d.%02d.%03d.%02d", 1 + i % 10, (i / 10) % 100, (i / 1000) % 1000,
                    version % 100);
            ids.add(id);
            ObjectNode de = elements.addObject().put("identifier", id);
            de.putObject("name").put("zh", s[0] + q[0] + a[0])
                    .put("en", s[1] + (q[1].isEmpty() ? "" : " " + q[1]) + " " + a[1]);
            de.putObject("definition")
                    .put("zh", s[0] + q[0] + "记录的" + a[0] + "，按" + a[3] + "格式填写，第 " + (version + 1) + " 版")
                    .put("en", "The " + a[1] + " recorded for the " + s[1].toLowerCase() + " " + q[1]
                            + ", in format " + a[3] + ", version " + (version + 1));
            de.put("dataType", a[2]).put("format", a[3]);
        }
        for (int i = 0; i < dataSets; i++) {
            String[] s = SUBJECTS[i % SUBJECTS.length];
            ObjectNode ds = sets.addObject().put("identifier", String.format("DS%05d", i + 1));
            ds.putObject("name").put("zh", s[0] + "基本数据集（第 " + (i + 1) + " 部分）")
                    .put("en", s[1] + " basic data set (part " + (i + 1) + ")");
            ds.putObject("definition").put("zh", s[0] + "业务活动中记录的数据元集合")
                    .put("en", "Data elements recorded in " + s[1].toLowerCase() + " activities");
            ArrayNode members = ds.putArray("elements");
            for (int k = 0; k < setSize; k++) {
                members.addObject().put("identifier", ids.get(random.nextInt(ids.size())))
                        .put("required", random.nextBoolean());
            }
        }
        Path sample = Path.of("standards", "hmbd-core-sample", "0.1.0");
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(sample.resolve("package"))) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        FhirPackage.write(files, Files.readAllBytes(sample.resolve("manifest.json")),
                Map.of(Artifacts.CATALOG_FILE, json.writeValueAsBytes(catalog)), tgz);
        Files.write(out, tgz.toByteArray());
        System.err.printf("generated %d data elements and %d data sets into %s (%d bytes)%n", dataElements, dataSets,
                out, tgz.size());
    }

    // ------------------------------------------------------------------------------------------ measure

    /** The queries: terms alone, subject + term, English, identifiers (exact). */
    static List<String> queries() {
        List<String> q = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String[] s = SUBJECTS[random.nextInt(SUBJECTS.length)];
            String[] a = ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
            switch (i % 4) {
                case 0 -> q.add(a[0]);
                case 1 -> q.add(s[0] + a[0]);
                case 2 -> q.add(a[1]);
                default -> q.add(String.format("DE%02d.%02d.%03d.%02d", 1 + random.nextInt(10), random.nextInt(100),
                        random.nextInt(10), 0));
            }
        }
        return q;
    }

    interface Engine {
        long search(String q) throws Exception;
    }

    static void measure(String esUrl, String jdbcUrl, String httpBase, String token, int seconds, int[] concurrency)
            throws Exception {
        URI es = URI.create(esUrl);
        RestClient rest = RestClient.builder(new HttpHost(es.getHost(), es.getPort(), es.getScheme())).build();
        SearchIndex index = new SearchIndex(new ElasticsearchClient(new RestClientTransport(rest,
                new JacksonJsonpMapper())), new SearchProperties(null, null, null, null, null, null, null, null, null,
                null), JsonMapper.builder().build());
        Map<String, java.util.Set<String>> noFilters = Map.of();
        Engine elastic = q -> index.search(new SearchIndex.Request(q, noFilters, null, false, "relevance", 0, 20))
                .total();
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbcUrl, System.getenv().getOrDefault("PGUSER", "hmbd"),
                        System.getenv("PGPASSWORD"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Engine postgres = q -> ilike(connections.get(), q);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Engine endpoint = q -> {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(httpBase + "/api/v1/catalog/search?q="
                    + URLEncoder.encode(q, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.body().length();
        };
        List<String> queries = queries();
        // the engines agree on what they find: report result counts for a few queries
        for (String q : queries.subList(0, 4)) {
            System.out.printf("query %-28s elasticsearch total %6d, ILIKE total %6d%n", q, elastic.search(q),
                    postgres.search(q));
        }
        System.out.println();
        System.out.println("| engine | concurrency | queries | throughput (q/s) | p50 (ms) | p99 (ms) |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        Map<String, Engine> engines = new java.util.LinkedHashMap<>();
        engines.put("Elasticsearch (server query: text, 6 facets, highlight)", elastic);
        engines.put("PostgreSQL ILIKE (baseline: substring, 6 facets)", postgres);
        engines.put("HTTP /api/v1/catalog/search (end to end)", endpoint);
        Map<String, double[]> results = new java.util.LinkedHashMap<>();
        for (int c : concurrency) {
            for (Map.Entry<String, Engine> e : engines.entrySet()) {
                run(e.getValue(), queries, c, 3); // warm-up
                double[] r = run(e.getValue(), queries, c, seconds);
                results.put(e.getKey() + "@" + c, r);
                System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f |%n", e.getKey(), c, (long) r[0], r[1], r[2],
                        r[3]);
            }
        }
        System.out.println();
        for (int c : concurrency) {
            double[] esR = results.get(engines.keySet().iterator().next() + "@" + c);
            double[] pgR = results.get(new ArrayList<>(engines.keySet()).get(1) + "@" + c);
            System.out.printf("concurrency %d: Elasticsearch/ILIKE throughput %.1fx, p50 ILIKE/Elasticsearch %.1fx, "
                    + "p99 ILIKE/Elasticsearch %.1fx%n", c, esR[1] / pgR[1], pgR[2] / esR[2], pgR[3] / esR[3]);
        }
        rest.close();
    }

    /** The baseline: what a search over PostgreSQL alone does: ILIKE on every text field, total, facets, first page. */
    static long ilike(Connection c, String q) throws Exception {
        String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " where (name_zh ilike ? or name_en ilike ? or definition_zh ilike ? or definition_en ilike ?"
                + " or identifier ilike ? or terms ilike ? or standard_code ilike ?)";
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement("select item_type, status, category, level, year, "
                + "organization, count(*) from catalog_item" + where + " group by grouping sets ((item_type), "
                + "(status), (category), (level), (year), (organization))")) {
            for (int i = 1; i <= 7; i++) {
                ps.setString(i, like);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        total += rs.getLong(7);
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select " + CatalogStore.COLUMNS + " from catalog_item" + where
                + " order by name_zh, item_key limit 20")) {
            for (int i = 1; i <= 7; i++) {
                ps.setString(i, like);
            }
            try (ResultSet rs = ps.executeQuery()) {
                CatalogStore rows = new CatalogStore(null, null, null, null, JsonMapper.builder().build());
                while (rs.next()) {
                    rows.map(rs, 0);
                }
            }
        }
        return total;
    }

    /** Runs queries on {@code threads} threads for {@code seconds}; returns count, q/s, p50 ms, p99 ms. */
    static double[] run(Engine engine, List<String> queries, int threads, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        List<long[]> perThread = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] lat = new long[2_000_000];
            perThread.add(lat);
            Thread w = new Thread(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < lat.length - 1) {
                    String q = queries.get(next.getAndIncrement() % queries.size());
                    long t0 = System.nanoTime();
                    try {
                        engine.search(q);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    lat[++n] = System.nanoTime() - t0;
                }
                lat[0] = n;
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        for (long[] lat : perThread) {
            for (int i = 1; i <= lat[0]; i++) {
                all.add(lat[i]);
            }
        }
        all.sort(null);
        double p50 = all.get(all.size() / 2) / 1e6;
        double p99 = all.get(Math.min(all.size() - 1, (int) (all.size() * 0.99))) / 1e6;
        return new double[] {all.size(), all.size() / wall, p50, p99};
    }
}
