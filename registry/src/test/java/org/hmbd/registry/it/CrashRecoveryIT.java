package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The real server jar, killed with SIGKILL in the middle of a run and started again on the same
 * data folder: the run is taken up again and completes, nothing accepted is lost.
 */
class CrashRecoveryIT {

    private static final String ADMIN_PASSWORD = "Admin-Passw0rd-2026";
    private static final int RESOURCES = 12_000;
    private Process server;
    private Path log;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("registry-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after 'package': no server jar in target/"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void start(Path dataDir, int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar().toAbsolutePath().toString(), "--server.port=" + port,
                "--hmbd.data-dir=" + dataDir, "--hmbd.auth.bootstrap-admin-password=Initial-Passw0rd",
                "--hmbd.conformance.lease=3s", "--hmbd.conformance.heartbeat=500ms",
                "--hmbd.conformance.poll-interval=500ms", "--hmbd.conformance.validator-threads=1"));
        server = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.currentTimeMillis() + 180_000;
        while (true) {
            assertThat(server.isAlive()).as("server running; see " + log).isTrue();
            try {
                if (Api.anonymous(port).get("/actuator/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            assertThat(System.currentTimeMillis()).as("server up in time; see " + log).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Many realistic resources: the sample's valid examples with fresh ids, one per line. */
    private static byte[] ndjson() throws IOException {
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
        for (int i = 0; i < RESOURCES; i++) {
            ObjectNode r = (ObjectNode) templates.get(i % templates.size()).deepCopy();
            r.put("id", r.path("id").asString() + "-" + i);
            out.append(json.writeValueAsString(r)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRunInterruptedByKillingTheServerCompletesAfterItComesBack() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-it-");
        log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = freePort();
        start(dataDir, port);

        String first = Api.signIn(port, "admin", "Initial-Passw0rd");
        new Api(port, first).post("/api/v1/auth/password",
                Map.of("currentPassword", "Initial-Passw0rd", "newPassword", ADMIN_PASSWORD)).then().statusCode(204);
        Api admin = new Api(port, Api.signIn(port, "admin", ADMIN_PASSWORD));
        long org = admin.post("/api/v1/organizations", Map.of("nameZh", "崩溃恢复测试医院", "kind",
                "HEALTHCARE_INSTITUTION", "level", "INSTITUTION", "regionCode", "350102")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        admin.post("/api/v1/users", Map.of("username", "crash.submitter", "displayName", "测试", "organizationId", org,
                "roles", List.of("SUBMITTER"), "initialPassword", "Member-Passw0rd-1")).then().statusCode(201);
        String t = Api.signIn(port, "crash.submitter", "Member-Passw0rd-1");
        new Api(port, t).post("/api/v1/auth/password", Map.of("currentPassword", "Member-Passw0rd-1",
                "newPassword", "Member-Passw0rd-2")).then().statusCode(204);
        Api submitter = new Api(port, Api.signIn(port, "crash.submitter", "Member-Passw0rd-2"));

        long edition = awaitSuite(submitter);
        byte[] data = ndjson();
        long runId = submitter.request().contentType("application/x-ndjson").body(data)
                .post("/api/v1/conformance/runs?editionId={e}&fileName=bulk.ndjson", edition).then().statusCode(202)
                .extract().jsonPath().getLong("id");

        // wait until the run is well under way, then kill the server without warning
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath run = submitter.get("/api/v1/conformance/runs/{id}", runId).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(run.getString("status")).as("still running when killed").isIn("QUEUED", "RUNNING");
            if (run.getLong("progress.resourcesDone") >= 1000) {
                break;
            }
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(200);
        }
        server.destroyForcibly().waitFor();

        start(dataDir, port);
        submitter = new Api(port, Api.signIn(port, "crash.submitter", "Member-Passw0rd-2"));
        deadline = System.currentTimeMillis() + 300_000;
        JsonPath run;
        while (true) {
            run = submitter.get("/api/v1/conformance/runs/{id}", runId).then().statusCode(200).extract().jsonPath();
            if (run.getString("status").equals("SUCCEEDED") || run.getString("status").equals("FAILED")) {
                break;
            }
            assertThat(System.currentTimeMillis()).as("run completed after restart").isLessThan(deadline);
            Thread.sleep(500);
        }
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

    private static long awaitSuite(Api api) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonPath suites = api.get("/api/v1/conformance/suites").then().statusCode(200).extract().jsonPath();
            if ("READY".equals(suites.getString("find { it.code == '" + ConformanceSupport.SAMPLE_CODE + "' }.state"))) {
                return suites.getLong("find { it.code == '" + ConformanceSupport.SAMPLE_CODE + "' }.editionId");
            }
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
