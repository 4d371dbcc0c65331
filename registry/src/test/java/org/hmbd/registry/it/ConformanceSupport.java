package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hmbd.registry.shared.BusinessDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Helpers of the conformance tests: the sample edition, submissions, waiting for runs, drafts. */
abstract class ConformanceSupport extends RegistryIT {

    static final Path SAMPLE = Path.of("..", "standards", "hmbd-core-sample", "0.1.0").toAbsolutePath().normalize();
    static final String SAMPLE_CODE = "WS/T 9001-2026";
    static final Set<String> FINISHED = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    @Autowired
    JdbcClient jdbc;

    long sampleEdition() {
        Map<String, Object> suite = Poll.until("the sample suite loaded", Duration.ofMinutes(2), () -> {
            JsonPath suites = anonymous.get("/api/v1/conformance/suites").then().statusCode(200).extract().jsonPath();
            Map<String, Object> s = suites.getMap("find { it.code == '" + SAMPLE_CODE + "' }");
            assertThat(s).as("the shipped sample is registered as a published edition").isNotNull();
            assertThat(s.get("state")).isNotEqualTo("FAILED");
            return s;
        }, s -> "READY".equals(s.get("state")));
        return ((Number) suite.get("editionId")).longValue();
    }

    static byte[] zip(String folder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out); Stream<Path> files = Files.list(SAMPLE.resolve("examples")
                .resolve(folder))) {
            for (Path f : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                z.write(Files.readAllBytes(f));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static Response submit(Api api, long editionId, String fileName, byte[] body, String type) {
        return api.request().contentType(type).body(body)
                .post("/api/v1/conformance/runs?editionId={e}&fileName={f}", editionId, fileName);
    }

    static JsonPath awaitFinished(Api api, long runId) {
        return awaitFinished(api, runId, 120_000);
    }

    static JsonPath awaitFinished(Api api, long runId, long timeoutMillis) {
        return Poll.until("run " + runId + " finished", Duration.ofMillis(timeoutMillis),
                () -> api.get("/api/v1/conformance/runs/{id}", runId).then().statusCode(200).extract().jsonPath(),
                run -> FINISHED.contains(run.getString("status")));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A drafting edition (through a proposal accepted into the work plan). */
    long draftEdition(long organizationId) {
        return draftEdition(organizationId, member(organizationId).id());
    }

    long draftEdition(long organizationId, long leadUserId) {
        Member citizen = member(organizationId);
        long proposal = citizen.api().post("/api/v1/proposals", Map.of("kind", "NEW", "titleZh", "符合性测试用标准 "
                                + unique(), "category", "DATA_SET", "intendedLevel", "WS", "scope", "s",
                        "rationale", "r", "proposingOrganization", "o"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/accept", Map.of("year", BusinessDates.today().getYear(),
                "leadOrganizationId", organizationId, "leadUserId", leadUserId,
                "dueDate", BusinessDates.today().plusMonths(2).toString()), proposal).then().statusCode(200);
        long planItemId = standards.get("/api/v1/proposals/{id}", proposal).then().extract().jsonPath()
                .getLong("planItemId");
        return standards.get("/api/v1/work-plan?size=200").then().extract().jsonPath()
                .getLong("items.find { it.id == " + planItemId + " }.editionId");
    }

    Path storePath(String key) {
        return dataFolder().resolve("submissions").resolve(key);
    }

    byte[] readStored(String key) throws IOException {
        return Files.readAllBytes(storePath(key));
    }

    /** The file the server's logging writes to, as logback has it (logging starts before the test's data folder is known). */
    static Path logFile() {
        ch.qos.logback.classic.LoggerContext context =
                (ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        var appenders = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (appenders.hasNext()) {
            if (appenders.next() instanceof ch.qos.logback.core.FileAppender<?> file) {
                return Path.of(file.getFile());
            }
        }
        throw new AssertionError("no log file appender");
    }
}
