package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Limits per run (issue 13): total size once decompressed, and time. */
class RunLimitsIT extends ConformanceSupport {

    @Test
    void aZipThatInflatesBeyondTheRunLimitFailsTheRunWithAClearText() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350102"), "SUBMITTER");
        // some 12 MB of NDJSON in a zip well under the 2 MB upload limit
        byte[] line = Files.readAllLines(SAMPLE.resolve("examples/valid/patients.ndjson")).get(0)
                .concat("\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("patients.ndjson"));
            for (long written = 0; written < 12L * 1024 * 1024; written += line.length) {
                z.write(line);
            }
        }
        assertThat(zip.size()).isLessThan(2 * 1024 * 1024);
        long run = submit(submitter.api(), edition, "big.zip", zip.toByteArray(), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        JsonPath done = awaitFinished(submitter.api(), run);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("failure")).contains("解压后超过", MAX_RUN_BYTES + " bytes per run");
        // and the security monitoring saw a run stopped by a limit
        auditor().get("/api/v1/security-events?kind=RUN_LIMIT").then().statusCode(200)
                .body("items.target", org.hamcrest.Matchers.hasItem("conformance-run/" + run + " size"));
    }

    @Test
    void aRunLongerThanItsTimeLimitIsStopped() throws Exception {
        Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "limits-it-");
        List<String> args = List.of("--hmbd.data-dir=" + root.resolve("data"), "--hmbd.conformance.max-run-duration=2s",
                "--hmbd.conformance.heartbeat=300ms", "--hmbd.conformance.lease=10s",
                "--hmbd.conformance.validator-threads=1");
        try (ServerProcess server = new ServerProcess(root.resolve("server.log"), args).start()) {
            Api submitter = server.submitter(server.admin(), "limits.submitter");
            long edition = server.sampleSuite(submitter);
            long run = submitter.request().contentType("application/x-ndjson").body(CrashRecoveryIT.ndjson(40_000))
                    .post("/api/v1/conformance/runs?editionId={e}&fileName=bulk.ndjson", edition).then()
                    .statusCode(202).extract().jsonPath().getLong("id");
            JsonPath done = ConformanceSupport.awaitFinished(submitter, run, 120_000);
            assertThat(done.getString("status")).isEqualTo("FAILED");
            assertThat(done.getString("failure")).contains("time limit");
            assertThat(done.getLong("progress.resourcesDone")).isLessThan(40_000);
        }
    }
}
