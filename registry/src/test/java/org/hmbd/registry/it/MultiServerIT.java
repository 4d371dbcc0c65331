package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL (the first one's embedded database) and one submissions
 * folder share the queue with no other component: each run is executed once, by either of them.
 */
class MultiServerIT {

    @Test
    void twoServersOnOneDatabaseShareTheRuns() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "multi-it-");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        int pgPort = ServerProcess.freePort();
        byte[] auditKey = new byte[32];
        new SecureRandom().nextBytes(auditKey);
        // servers of one database share its keys: the submissions key and the audit MAC key
        List<String> common = List.of("--hmbd.conformance.encryption.key=" + Base64.getEncoder().encodeToString(key),
                "--hmbd.audit.mac-key=" + Base64.getEncoder().encodeToString(auditKey),
                "--hmbd.conformance.storage-dir=" + root.resolve("shared-submissions"),
                "--hmbd.conformance.poll-interval=300ms", "--hmbd.conformance.validator-threads=1");
        List<String> first = new ArrayList<>(common);
        first.addAll(List.of("--hmbd.data-dir=" + root.resolve("a"), "--hmbd.embedded-database.port=" + pgPort));
        try (ServerProcess a = new ServerProcess(root.resolve("a.log"), first).start();
             // the second server uses the first one's database, as its ordinary role with its password
             ServerProcess b = new ServerProcess(root.resolve("b.log"), second(common, root, pgPort)).start()) {
            Api submitter = a.submitter(a.admin(), "multi.submitter");
            long edition = a.sampleSuite(submitter);
            b.sampleSuite(b.signIn("multi.submitter"));
            byte[] data = CrashRecoveryIT.ndjson(1500);
            List<Long> runs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // submitted through either server
                Api via = i % 2 == 0 ? submitter : b.signIn("multi.submitter");
                runs.add(via.request().contentType("application/x-ndjson").body(data)
                        .post("/api/v1/conformance/runs?editionId={e}&fileName=part.ndjson", edition).then()
                        .statusCode(202).extract().jsonPath().getLong("id"));
            }
            Set<String> workers = new HashSet<>();
            for (long runId : runs) {
                JsonPath run = ConformanceSupport.awaitFinished(submitter, runId, 300_000);
                assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
                assertThat(run.getLong("result.resources")).isEqualTo(1500);
                assertThat(run.getInt("attempts")).as("executed once").isEqualTo(1);
                List<String> reasons = submitter.get("/api/v1/conformance/runs/{id}/history", runId).then()
                        .extract().jsonPath().getList("findAll { it.to == 'RUNNING' }.reason", String.class);
                assertThat(reasons).hasSize(1);
                // "attempt 1 on <pid>@<host>/<uuid>": the worker's node
                workers.add(reasons.get(0).substring(reasons.get(0).indexOf(" on ") + 4));
            }
            assertThat(workers).as("both servers took runs").hasSize(2);
        }
    }

    private static List<String> second(List<String> common, Path root, int pgPort) throws java.io.IOException {
        List<String> second = new ArrayList<>(common);
        second.addAll(List.of("--hmbd.data-dir=" + root.resolve("b"),
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "--spring.datasource.username=hmbd",
                "--spring.datasource.password=" + Files.readString(root.resolve("a.keys/database.password")).strip()));
        return second;
    }
}
