package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real server jar, killed with SIGKILL in the middle of a run and started again on the same
 * data folder: the run is taken up again and completes, nothing accepted is lost.
 */
class CrashRecoveryIT {

    private static final int RESOURCES = 12_000;

    /** Many realistic resources: the sample's valid examples with fresh ids, one per line. */
    static byte[] ndjson(int count) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Path valid = ConformanceSupport.SAMPLE.resolve("examples/valid");
        List<JsonNode> templates = new ArrayList<>();
        for (String line : Files.readAllLines(valid.resolve("patients.ndjson"))) {
            if (!line.isBlank()) {
                templates.add(json.readTree(line));
            }
        }
        for (String f : List.of("encounter.json", "condition.json", "observation-heart-rate.json")) {
            templates.add(json.readTree(Files.readString(valid.resolve(f))));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            ObjectNode r = (ObjectNode) templates.get(i % templates.size()).deepCopy();
            r.put("id", r.path("id").asString() + "-" + i);
            out.append(json.writeValueAsString(r)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRunInterruptedByKillingTheServerCompletesAfterItComesBack() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-it-");
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<String> args = List.of("--hmbd.data-dir=" + dataDir, "--hmbd.conformance.lease=3s",
                "--hmbd.conformance.heartbeat=500ms", "--hmbd.conformance.poll-interval=500ms",
                "--hmbd.conformance.validator-threads=1");
        long runId;
        byte[] data = ndjson(RESOURCES);
        try (ServerProcess server = new ServerProcess(log, args).start()) {
            Api submitter = server.submitter(server.admin(), "crash.submitter");
            long edition = server.sampleSuite(submitter);
            runId = submitter.request().contentType("application/x-ndjson").body(data)
                    .post("/api/v1/conformance/runs?editionId={e}&fileName=bulk.ndjson", edition).then()
                    .statusCode(202).extract().jsonPath().getLong("id");

            // wait until the run is well under way, then kill the server without warning
            long id = runId;
            Poll.until("the run well under way", Duration.ofMinutes(2), () -> {
                JsonPath run = submitter.get("/api/v1/conformance/runs/{id}", id).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(run.getString("status")).as("still running when killed").isIn("QUEUED", "RUNNING");
                return run.getLong("progress.resourcesDone");
            }, done -> done >= 1000);
            server.kill();
        }

        try (ServerProcess server = new ServerProcess(log, args).start()) {
            Api submitter = server.signIn("crash.submitter");
            JsonPath run = ConformanceSupport.awaitFinished(submitter, runId, 300_000);
            assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(run.getLong("result.resources")).isEqualTo(RESOURCES);
            assertThat(run.getInt("attempts")).isEqualTo(2);
            List<Map<String, Object>> history = submitter.get("/api/v1/conformance/runs/{id}/history", runId).then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(history).anySatisfy(h -> {
                assertThat(h.get("from")).isEqualTo("RUNNING");
                assertThat(h.get("to")).isEqualTo("QUEUED");
                assertThat((String) h.get("reason")).contains("lease expired");
            });
            // the accepted upload is intact: same digest as what was sent
            assertThat(run.getString("files[0].sha256")).isEqualTo(ConformanceSupport.sha256(data));
        }
    }
}
