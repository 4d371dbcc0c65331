package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.ReportJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-runs with the result cache: the report is the report of a run without it, on data this
 * project did not write (the third-party slice), deliberately bad primitives and the sample
 * standard's examples; unchanged resources are not validated again, changed ones are; damaged
 * segments and entries are misses; the folder stays within its bounds.
 */
class ResultCacheTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static List<String> corpus;
    private static JsonNode reference;

    @BeforeAll
    static void referenceRun() throws IOException {
        Path slice = Files.createDirectories(work.resolve("slice"));
        corpus = new ArrayList<>();
        RealisticCorpus.files(slice).forEach(p -> corpus.add(p.toString()));
        corpus.add(RealisticEquivalenceTest.BAD_PRIMITIVES.toString());
        corpus.add(Samples.FOLDER.resolve("examples").toString());
        reference = comparable(Samples.engine().run(corpus, null, 2, null));
    }

    @Test
    void aReRunReportsWhatARunWithoutTheCacheReportsAndValidatesNothingAgain() throws IOException {
        ResultCache cache = ResultCache.open(work.resolve("rerun"), 1L << 30, 4, ResultCache.Sealer.NONE);
        ResultCache.Session first = cache.begin("first");
        JsonNode cold = comparable(Samples.engine().run(corpus, null, 2, null, first));
        first.commit();
        assertSameReport(cold, reference);
        assertThat(first.hits()).isZero();
        assertThat(first.misses()).isGreaterThan(1500);

        ResultCache.Session second = cache.begin("second");
        JsonNode warm = comparable(Samples.engine().run(corpus, null, 2, null, second));
        second.commit();
        assertSameReport(warm, reference);
        assertThat(second.misses()).isZero();
        assertThat(second.hits()).isEqualTo(first.misses());
        assertThat(second.damaged()).isZero();
        // the failures HAPI had on bad primitives were remembered too: the same findings, HAPI not called
        assertThat(reference.path("checks").toString()).contains(CheckIds.VALIDATOR_FAILURE);
        assertThat(cache.names()).containsExactly("second", "first");
    }

    @Test
    void theReportDoesNotDependOnTheNumberOfThreads() throws IOException {
        // which findings are kept, a check's examples and its text are the first in the input, not the first finished
        assertSameReport(comparable(Samples.engine().run(corpus, null, 1, null)), reference);
        assertThat(reference.path("findingsTruncated").asBoolean()).isTrue();
    }

    @Test
    void changedResourcesAreValidatedAgainAndTheReportIsTheFreshOne() throws IOException {
        Path original = work.resolve("slice").resolve("bulk.ndjson");
        List<String> lines = Files.readAllLines(original);
        Path changed = work.resolve("changed").resolve("bulk.ndjson");
        Files.createDirectories(changed.getParent());
        List<String> edited = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i % 10 == 3 && line.startsWith("{")) {
                line = "{\"language\":\"zz-not-a-language\"," + line.substring(1); // 10% changed, a new finding
                n++;
            }
            edited.add(line);
        }
        assertThat(n).isEqualTo(lines.size() / 10);
        Files.write(changed, edited);

        ResultCache cache = ResultCache.open(work.resolve("changed-cache"), 1L << 30, 4, ResultCache.Sealer.NONE);
        try (ResultCache.Session s = cache.begin("month-1")) {
            Samples.engine().run(List.of(original.toString()), null, 2, null, s);
            s.commit();
        }
        JsonNode fresh = comparable(Samples.engine().run(List.of(changed.toString()), null, 2, null));
        try (ResultCache.Session s = cache.begin("month-2")) {
            JsonNode rerun = comparable(Samples.engine().run(List.of(changed.toString()), null, 2, null, s));
            s.commit();
            assertSameReport(rerun, fresh);
            assertThat(s.misses()).isEqualTo(n);
            assertThat(s.hits()).isEqualTo(lines.stream().filter(l -> !l.isBlank()).count() - n);
        }
        assertThat(fresh.toString()).contains("zz-not-a-language");
    }

    @Test
    void damagedEntriesAndTruncatedSegmentsAreMissesNeverWrongResults() throws IOException {
        List<String> input = List.of(work.resolve("slice").resolve("hl7-r4-examples.ndjson").toString());
        JsonNode fresh = comparable(Samples.engine().run(input, null, 2, null));
        Path dir = work.resolve("damaged");
        ResultCache cache = ResultCache.open(dir, 1L << 30, 4, ResultCache.Sealer.NONE);
        try (ResultCache.Session s = cache.begin("good")) {
            Samples.engine().run(input, null, 2, null, s);
            s.commit();
        }
        Path segment = dir.resolve("good" + ResultCache.SUFFIX);
        long size = Files.size(segment);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            for (long at = 4096; at < size / 2; at += size / 40) {
                f.seek(at);
                int b = f.read();
                f.seek(at);
                f.write(b ^ 0x5a);
            }
        }
        try (ResultCache.Session s = cache.begin("after-damage")) {
            JsonNode rerun = comparable(Samples.engine().run(input, null, 2, null, s));
            s.commit();
            assertSameReport(rerun, fresh);
            assertThat(s.damaged()).isPositive();
            assertThat(s.misses()).isPositive();
            assertThat(s.hits()).isPositive();
        }
        // a truncated segment (a disk that filled up, a copy cut short) is not read at all
        Path cut = dir.resolve("after-damage" + ResultCache.SUFFIX);
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(f.length() - 7);
        }
        Files.delete(segment);
        try (ResultCache.Session s = cache.begin("after-truncation")) {
            JsonNode rerun = comparable(Samples.engine().run(input, null, 2, null, s));
            assertSameReport(rerun, fresh);
            assertThat(s.hits()).isZero();
        }
    }

    @Test
    void theFolderKeepsTheNewestSegmentsWithinItsBounds() throws IOException {
        Path dir = work.resolve("bounded");
        ResultCache cache = ResultCache.open(dir, 1L << 30, 2, ResultCache.Sealer.NONE);
        for (String name : List.of("a", "b", "c")) {
            try (ResultCache.Session s = cache.begin(name)) {
                s.store(key(name), List.of(message(name)));
                s.commit();
            }
        }
        assertThat(cache.names()).containsExactly("c", "b");

        ResultCache small = ResultCache.open(work.resolve("small"), 64 * 1024, 8, ResultCache.Sealer.NONE);
        try (ResultCache.Session s = small.begin("big")) {
            for (int i = 0; i < 5000; i++) {
                s.store(key("r" + i), List.of(message("x".repeat(100) + i)));
            }
            s.commit();
        }
        assertThat(small.bytes()).isPositive().isLessThanOrEqualTo(64 * 1024);
        try (ResultCache.Session s = small.begin("next")) {
            assertThat(s.find(key("r0"))).hasSize(1);
            assertThat(s.find(key("r4999"))).isNull(); // beyond the bound: not kept
        }
    }

    @Test
    void aRunThatDoesNotCommitLeavesNothing() throws IOException {
        Path dir = work.resolve("uncommitted");
        ResultCache cache = ResultCache.open(dir, 1L << 20, 2, ResultCache.Sealer.NONE);
        try (ResultCache.Session s = cache.begin("crashed")) {
            s.store(key("x"), List.of(message("x")));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> cache.begin("../escape")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFieldOfHapisMessagesSurvivesAndDeletionDestroysTheSegment() throws IOException {
        SingleValidationMessage full = message("Patient.name[0]: ünïcödé 名字 'x'");
        full.setSliceMessages(List.of("slice a", "slice b"));
        SingleValidationMessage bare = new SingleValidationMessage();
        ResultCache cache = ResultCache.open(work.resolve("fields"), 1L << 20, 2, ResultCache.Sealer.NONE);
        try (ResultCache.Session s = cache.begin("run-1")) {
            s.store(key("full"), List.of(full, bare));
            s.store(key("none"), List.of());
            s.store(key("failed"), ResultCache.FAILED);
            s.commit();
        }
        try (ResultCache.Session s = cache.begin("run-2")) {
            assertThat(s.find(key("full"))).containsExactly(full, bare);
            assertThat(s.find(key("full")).get(0).getSliceMessages()).containsExactly("slice a", "slice b");
            assertThat(s.find(key("none"))).isEmpty();
            assertThat(s.find(key("failed"))).isSameAs(ResultCache.FAILED);
            assertThat(s.find(key("other"))).isNull();
        }
        assertThat(cache.delete("run-1")).isTrue();
        assertThat(cache.names()).isEmpty();
    }

    @Test
    void aSealerThatRefusesAnEntryMakesItAMiss() throws IOException {
        ResultCache.Sealer xor = new ResultCache.Sealer() {
            @Override
            public byte[] seal(byte[] plain, byte[] key) {
                byte[] b = Arrays.copyOf(plain, plain.length + 1);
                for (int i = 0; i < plain.length; i++) {
                    b[i] ^= key[i % key.length];
                }
                b[plain.length] = key[0];
                return b;
            }

            @Override
            public byte[] open(byte[] sealed, byte[] key) throws IOException {
                if (sealed[sealed.length - 1] != key[0]) {
                    throw new IOException("sealed under another key");
                }
                byte[] b = Arrays.copyOf(sealed, sealed.length - 1);
                for (int i = 0; i < b.length; i++) {
                    b[i] ^= key[i % key.length];
                }
                return b;
            }
        };
        Path dir = work.resolve("sealed");
        ResultCache cache = ResultCache.open(dir, 1L << 20, 2, xor);
        try (ResultCache.Session s = cache.begin("run-1")) {
            s.store(key("a"), List.of(message("secret value 张三")));
            s.commit();
        }
        byte[] raw = Files.readAllBytes(dir.resolve("run-1" + ResultCache.SUFFIX));
        assertThat(new String(raw, StandardCharsets.UTF_8)).doesNotContain("secret value").doesNotContain("张三");
        try (ResultCache.Session s = cache.begin("run-2")) {
            assertThat(s.find(key("a")).get(0).getMessage()).isEqualTo("secret value 张三");
        }
        ResultCache other = ResultCache.open(dir, 1L << 20, 2, new ResultCache.Sealer() {
            @Override
            public byte[] seal(byte[] plain, byte[] key) {
                return plain;
            }

            @Override
            public byte[] open(byte[] sealed, byte[] key) throws IOException {
                throw new IOException("not my key");
            }
        });
        try (ResultCache.Session s = other.begin("run-3")) {
            assertThat(s.find(key("a"))).isNull();
            assertThat(s.damaged()).isEqualTo(1);
        }
    }

    @Test
    void keysChangeWithTheTextTheProfileTheYearAndTheEdition() {
        ValidationEngine engine = Samples.engine();
        ZonedDateTime now = ZonedDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
        ResultKeys keys = engine.resultKeys(now);
        byte[] k = keys.key("{\"resourceType\":\"Patient\"}", "http://p");
        assertThat(keys.key("{\"resourceType\":\"Patient\"}", "http://p")).isEqualTo(k);
        assertThat(keys.key("{\"resourceType\":\"Patient\" }", "http://p")).isNotEqualTo(k);
        assertThat(keys.key("{\"resourceType\":\"Patient\"}", null)).isNotEqualTo(k);
        assertThat(engine.resultKeys(now.plusDays(1)).key("{\"resourceType\":\"Patient\"}", "http://p"))
                .as("the same year").isEqualTo(k);
        assertThat(engine.resultKeys(now.plusYears(1)).key("{\"resourceType\":\"Patient\"}", "http://p"))
                .isNotEqualTo(k);
        ValidationEngine base = ValidationEngine.create(StandardContent.base(), Limits.defaults());
        assertThat(base.resultKeys(now).key("{\"resourceType\":\"Patient\"}", "http://p")).isNotEqualTo(k);
        assertThat(engine.invariantsUseNow()).isFalse();
    }

    private static byte[] key(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SingleValidationMessage message(String text) {
        SingleValidationMessage m = new SingleValidationMessage();
        m.setSeverity(ResultSeverityEnum.WARNING);
        m.setLocationString("Patient.name[0]");
        m.setLocationLine(3);
        m.setLocationCol(17);
        m.setMessage(text);
        m.setMessageId("TYPE_SPECIFIC_CHECKS_DT_STRING_WS");
        return m;
    }

    /** Fails with the first place where the reports differ (a whole report is too long to read in a failure). */
    static void assertSameReport(JsonNode actual, JsonNode expected) {
        String where = firstDifference(actual, expected, "");
        assertThat(where).as("first difference between the reports").isNull();
    }

    private static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                String d = firstDifference(a.path(n), b.path(n), path + "." + n);
                if (d != null) {
                    return d;
                }
            }
        } else if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return path + ": " + a.size() + " items, expected " + b.size();
        }
        String x = a.toString();
        String y = b.toString();
        return path + ": " + x.substring(0, Math.min(400, x.length())) + " , expected "
                + y.substring(0, Math.min(400, y.length()));
    }

    /** The report without what differs from run to run (when it was made, how long it took). */
    static JsonNode comparable(Report report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(report, out);
        ObjectNode node = (ObjectNode) JSON.readTree(out.toByteArray());
        node.remove("generatedAt");
        ((ObjectNode) node.path("summary")).remove(List.of("durationMillis", "resourcesPerSecond"));
        return node;
    }
}
