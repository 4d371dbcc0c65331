package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hmbd.validator.content.FhirPackage;
import org.hmbd.registry.shared.BusinessDates;
import org.junit.jupiter.api.Test;

/**
 * The conformance testing service through HTTP, on real PostgreSQL, with the validator engine:
 * institutions submit data and get scored reports, certificates, comparisons; visibility by
 * organization and region; refusals; cancellation and re-runs; retention.
 */
class ConformanceIT extends ConformanceSupport {

    @Test
    void validDataReachesTheHighestLevelAndEarnsAVerifiableCertificate() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350102"), "SUBMITTER");
        byte[] data = zip("valid");

        long runId = submit(submitter.api(), edition, "valid.zip", data, "application/zip").then().statusCode(202)
                .body("status", oneOf("QUEUED", "RUNNING", "SUCCEEDED")).body("files[0].sha256", equalTo(sha256(data)))
                .body("files[0].sizeBytes", equalTo(data.length))
                .extract().jsonPath().getLong("id");
        JsonPath run = awaitFinished(submitter.api(), runId);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getDouble("result.score")).isEqualTo(100.0);
        assertThat(run.getString("result.levelCode")).isEqualTo("L3");
        assertThat(run.getBoolean("result.passed")).isTrue();
        // 11 resources on their own, and a Bundle validated whole with its 4 entries
        assertThat(run.getLong("result.resources")).isEqualTo(16);
        assertThat(run.getInt("progress.percent")).isEqualTo(100);
        assertThat(run.getDouble("result.scores.dimensions.STRUCTURE.score")).isEqualTo(100.0);
        String certificate = run.getString("certificateNumber");
        // not sequential: a number cannot be guessed from another (issue 13)
        assertThat(certificate).matches("HMBD-\\d{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");

        // the stored report is the one the certificate's digest names
        byte[] report = submitter.api().get("/api/v1/conformance/runs/{id}/report", runId).then().statusCode(200)
                .contentType("application/json").extract().asByteArray();
        assertThat(sha256(report)).isEqualTo(run.getString("result.reportSha256"));
        assertThat(new JsonPath(new String(report, "UTF-8")).getString("schema")).isEqualTo("hmbd-validation-report/1");
        assertThat(submitter.api().get("/api/v1/conformance/runs/{id}/report?format=html", runId).then().statusCode(200)
                .contentType("text/html").extract().asString()).contains("WS/T 9001-2026");
        assertThat(submitter.api().get("/api/v1/conformance/runs/{id}/report?format=csv", runId).then().statusCode(200)
                .contentType("text/csv").extract().asString()).startsWith("\uFEFFcheck_id,");
        submitter.api().get("/api/v1/conformance/runs/{id}/report?format=pdf", runId).then().statusCode(400)
                .body("field", equalTo("format"));

        // anyone verifies the certificate; a made-up number is not genuine
        anonymous.get("/api/v1/certificates/{n}", certificate).then().statusCode(200)
                .body("genuine", equalTo(true)).body("valid", equalTo(true)).body("validity", equalTo("VALID"))
                .body("levelCode", equalTo("L3")).body("editionCode", equalTo(SAMPLE_CODE))
                .body("validUntil", equalTo(BusinessDates.today().plusYears(1).toString()))
                .body("reportSha256", equalTo(sha256(report)))
                // what the public needs, no more: not the run behind it, nor the institution's region
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("runId")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("regionCode")));
        anonymous.get("/api/v1/certificates/{n}", "HMBD-1999-000001").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));

        submitter.api().get("/api/v1/conformance/runs/{id}/history", runId).then().statusCode(200)
                .body("to", equalTo(List.of("AWAITING_DATA", "QUEUED", "RUNNING", "SUCCEEDED")))
                .body("actor[0]", equalTo(submitter.username())).body("actor[2]", equalTo("system"));
    }

    @Test
    void invalidDataScoresLowerWithFindingsByCheckAndAComparisonWithThePreviousRun() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350103"), "SUBMITTER");
        long first = submit(submitter.api(), edition, "valid.zip", zip("valid"), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        awaitFinished(submitter.api(), first);
        long second = submit(submitter.api(), edition, "invalid.zip", zip("invalid"), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        JsonPath run = awaitFinished(submitter.api(), second);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getDouble("result.score")).isLessThan(100.0);
        assertThat(run.getBoolean("result.passed")).isFalse();
        assertThat(run.getLong("result.errors")).isPositive();

        List<String> checks = submitter.api().get("/api/v1/conformance/runs/{id}/checks", second).then()
                .statusCode(200).extract().jsonPath().getList("checkId");
        assertThat(checks).contains("HMBD-ID-RESIDENT", "HMBD-ID-USCC", "HMBD-DATE-FUTURE", "HMBD-SEX-SPECIFIC");

        submitter.api().get("/api/v1/conformance/runs/{id}/findings?checkId=HMBD-ID-RESIDENT", second).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].severity", equalTo("ERROR"))
                .body("items[0].resourceType", equalTo("Patient"))
                .body("items[0].messageZh", notNullValue());
        JsonPath errors = submitter.api().get("/api/v1/conformance/runs/{id}/findings?severity=ERROR&size=200", second)
                .then().statusCode(200).extract().jsonPath();
        assertThat(errors.getLong("total")).isEqualTo(run.getLong("result.errors"));
        assertThat(errors.getList("items.severity", String.class)).containsOnly("ERROR");
        submitter.api().get("/api/v1/conformance/runs/{id}/findings?dimension=PLAUSIBILITY&resourceType=Condition",
                second).then().statusCode(200).body("items.checkId", hasItem("HMBD-SEX-SPECIFIC"))
                .body("items.dimension", not(hasItem("STRUCTURE")));
        submitter.api().get("/api/v1/conformance/runs/{id}/findings?severity=FATALISH", second).then()
                .statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("severity"));
        // no identity number in clear in any message
        assertThat(errors.getList("items.messageZh", String.class)).noneMatch(m -> m.matches(".*\\d{17}[\\dX].*"));

        JsonPath comparison = submitter.api().get("/api/v1/conformance/runs/{id}/comparison", second).then()
                .statusCode(200).extract().jsonPath();
        assertThat(comparison.getLong("previousRunId")).isEqualTo(first);
        assertThat(comparison.getList("comparison.newChecks.checkId", String.class)).contains("HMBD-ID-RESIDENT");
        assertThat(comparison.getDouble("comparison.overallBefore")).isEqualTo(100.0);
        assertThat(comparison.getDouble("comparison.overallAfter")).isEqualTo(run.getDouble("result.score"));
        submitter.api().get("/api/v1/conformance/runs/{id}/comparison", first).then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void institutionsSeeOnlyTheirOwnRunsAndSupervisorsOnlyTheirRegion() throws Exception {
        long edition = sampleEdition();
        long fj = organization("PROVINCE", "350000");
        long hospital = organization("INSTITUTION", "350104", fj);
        Member submitter = member(hospital, "SUBMITTER");
        Member colleague = member(hospital);
        Member otherHospital = member(organization("INSTITUTION", "110105"), "SUBMITTER");
        Member fujian = member(fj, "SUPERVISOR");
        Member beijing = member(organization("PROVINCE", "110000"), "SUPERVISOR");
        Member fujianNoRole = member(fj);

        long runId = submit(submitter.api(), edition, "patients.ndjson",
                Files.readAllBytes(SAMPLE.resolve("examples/valid/patients.ndjson")), "application/x-ndjson").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        awaitFinished(submitter.api(), runId);

        otherHospital.api().get("/api/v1/conformance/runs/{id}", runId).then().statusCode(404);
        otherHospital.api().get("/api/v1/conformance/runs/{id}/findings", runId).then().statusCode(404);
        assertThat(otherHospital.api().get("/api/v1/conformance/runs?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).doesNotContain(runId);
        beijing.api().get("/api/v1/conformance/runs/{id}", runId).then().statusCode(404);
        fujianNoRole.api().get("/api/v1/conformance/runs/{id}", runId).then().statusCode(404);
        fujian.api().get("/api/v1/conformance/runs/{id}", runId).then().statusCode(200);
        assertThat(fujian.api().get("/api/v1/conformance/runs?organizationId={o}", hospital).then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).contains(runId);
        // the national view belongs to a supervisor at the root; the administrators read no submitted data
        member(root(), "SUPERVISOR").api().get("/api/v1/conformance/runs/{id}", runId).then().statusCode(200);
        admin.get("/api/v1/conformance/runs/{id}", runId).then().statusCode(404);
        standards.get("/api/v1/conformance/runs/{id}", runId).then().statusCode(404);
        colleague.api().get("/api/v1/conformance/runs/{id}/checks", runId).then().statusCode(200);
        anonymous.get("/api/v1/conformance/runs/{id}", runId).then().statusCode(401);

        // seeing is not acting: only a submitter of the organization re-runs or cancels
        colleague.api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), runId).then().statusCode(403)
                .body("code", equalTo("forbidden")).body("reason", equalTo("role"));
        fujian.api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), runId).then().statusCode(403);
        // a submitter who sees the run (a supervisor above) still changes only its own organization's runs
        member(fj, "SUPERVISOR", "SUBMITTER").api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), runId)
                .then().statusCode(403).body("reason", equalTo("own-organization-runs"));
        colleague.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then().statusCode(403);

        // certificates follow the same visibility; verification by number stays public
        String certificate = submitter.api().get("/api/v1/conformance/runs/{id}", runId).then().extract().jsonPath()
                .getString("certificateNumber");
        assertThat(fujian.api().get("/api/v1/certificates?organizationId={o}", hospital).then().statusCode(200)
                .extract().jsonPath().getList("items.number", String.class)).contains(certificate);
        assertThat(beijing.api().get("/api/v1/certificates?organizationId={o}", hospital).then().statusCode(200)
                .extract().jsonPath().getLong("total")).isZero();
    }

    @Test
    void refusesUntestableEditionsAndBadUploadsWithClearProblems() throws IOException {
        long edition = sampleEdition();
        long hospital = organization("INSTITUTION", "350105");
        Member submitter = member(hospital, "SUBMITTER");

        submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", 999_999)).then().statusCode(404)
                .body("code", equalTo("not-found"));
        submitter.api().post("/api/v1/conformance/runs", Map.of()).then().statusCode(400)
                .body("field", equalTo("editionId"));
        long draft = draftEdition(hospital);
        submitter.api().request().header("Accept-Language", "en").contentType("application/json")
                .body(Api.json(Map.of("editionId", draft))).post("/api/v1/conformance/runs").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("edition-not-testable"))
                .body("reason", equalTo("not-published"))
                // RFC 9457: "status" is the HTTP status; the edition's own state has its own member
                .body("status", equalTo(409)).body("currentStatus", equalTo("DRAFTING"))
                .body("detail", equalTo("Edition " + draft + " is not published; data can be tested only against "
                        + "published editions."));

        long runId = submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201).body("status", equalTo("AWAITING_DATA")).extract().jsonPath().getLong("id");
        submitter.api().post("/api/v1/conformance/runs/{id}/submission", Map.of(), runId).then().statusCode(409)
                .body("code", equalTo("conflict")).body("reason", equalTo("run-without-files"));
        submitter.api().request().contentType("application/x-ndjson").body(new byte[0])
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, "empty.ndjson").then().statusCode(400)
                .body("field", equalTo("body"));
        submitter.api().request().contentType("application/x-ndjson").body("{}".getBytes())
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, ".hidden").then().statusCode(400)
                .body("field", equalTo("name"));
        byte[] tooBig = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(tooBig, (byte) ' ');
        submitter.api().request().contentType("application/x-ndjson").body(tooBig)
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, "big.ndjson").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("payload-too-large"));
        submitter.api().get("/api/v1/conformance/runs/{id}", runId).then().body("files.size()", equalTo(0))
                .body("progress.bytesTotal", equalTo(0));
        submitter.api().request().contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}".getBytes())
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, "p.json").then().statusCode(201)
                .body("name", equalTo("p.json"));
        submitter.api().request().contentType("application/fhir+json").body("{}".getBytes())
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, "p.json").then().statusCode(409);
        submitter.api().post("/api/v1/conformance/runs/{id}/submission", Map.of(), runId).then().statusCode(202)
                .body("status", oneOf("QUEUED", "RUNNING", "SUCCEEDED"));
        submitter.api().request().contentType("application/fhir+json").body("{}".getBytes())
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, "late.json").then().statusCode(409);
        // malformed data is a finding, not a failed run
        JsonPath run = awaitFinished(submitter.api(), runId);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        // the stored file is encrypted at rest
        String key = jdbc.sql("select storage_key from run_upload where run_id = ?").param(runId)
                .query(String.class).single();
        assertThat(new String(readStored(key), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("HMBDENC2").doesNotContain("Patient");
    }

    @Test
    void aStoredFileThatIsNotTheOneUploadedFailsTheRunWithAReferenceNotItsInternals() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350112"), "SUBMITTER");
        long first = submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        long second = submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        for (long run : List.of(first, second)) {
            submitter.api().request().contentType("application/fhir+json")
                    .body(("{\"resourceType\":\"Patient\",\"id\":\"r" + run + "\"}").getBytes())
                    .put("/api/v1/conformance/runs/{id}/files/{name}", run, "p.json").then().statusCode(201);
        }
        // someone with access to the store swaps the first run's file for the second's: both are genuine
        // files of this server, but each is bound to its own run and name, so the swapped one does not open
        String a = jdbc.sql("select storage_key from run_upload where run_id = ?").param(first).query(String.class).single();
        String b = jdbc.sql("select storage_key from run_upload where run_id = ?").param(second).query(String.class).single();
        Files.copy(storePath(b), storePath(a), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        submitter.api().post("/api/v1/conformance/runs/{id}/submission", Map.of(), first).then().statusCode(202);
        JsonPath run = awaitFinished(submitter.api(), first);
        assertThat(run.getString("status")).isEqualTo("FAILED");
        assertThat(run.getString("failure")).contains("reference ").doesNotContain("Exception").doesNotContain("integrity")
                .doesNotContain(a);
        assertThat(awaitFinishedAfterSubmit(submitter, second).getString("status")).isEqualTo("SUCCEEDED");
    }

    private JsonPath awaitFinishedAfterSubmit(Member submitter, long run) {
        submitter.api().post("/api/v1/conformance/runs/{id}/submission", Map.of(), run).then().statusCode(202);
        return awaitFinished(submitter.api(), run);
    }

    @Test
    void aRunIsCancelledWhileWaitingAndReRunOnTheSameFiles() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350111"), "SUBMITTER");
        long runId = submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        submitter.api().request().contentType("application/x-ndjson")
                .body(Files.readAllBytes(SAMPLE.resolve("examples/valid/patients.ndjson")))
                .put("/api/v1/conformance/runs/{id}/files/{name}", runId, "patients.ndjson").then().statusCode(201);
        submitter.api().post("/api/v1/conformance/runs/{id}/cancellation", Map.of("reason", "wrong file"), runId)
                .then().statusCode(202).body("status", equalTo("CANCELLED"));
        submitter.api().post("/api/v1/conformance/runs/{id}/cancellation", Map.of(), runId).then().statusCode(409)
                .body("code", equalTo("illegal-transition"));
        submitter.api().post("/api/v1/conformance/runs/{id}/submission", Map.of(), runId).then().statusCode(409)
                .body("code", equalTo("illegal-transition"));

        long rerun = submitter.api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), runId).then()
                .statusCode(201).body("status", oneOf("QUEUED", "RUNNING", "SUCCEEDED")).body("rerunOf", equalTo((int) runId))
                .body("files[0].name", equalTo("patients.ndjson")).extract().jsonPath().getLong("id");
        JsonPath done = awaitFinished(submitter.api(), rerun);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getLong("result.resources")).isEqualTo(4);
    }

    @Test
    void theRetentionJobDestroysSubmittedDataAndRecordsItInTheAuditLog() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350121"), "SUBMITTER");
        long runId = submit(submitter.api(), edition, "patients.ndjson",
                Files.readAllBytes(SAMPLE.resolve("examples/valid/patients.ndjson")), "application/x-ndjson").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        awaitFinished(submitter.api(), runId);
        String key = jdbc.sql("select storage_key from run_upload where run_id = ?").param(runId)
                .query(String.class).single();
        assertThat(readStored(key)).isNotEmpty();

        // the run ended longer ago than the retention period (90 days by default)
        jdbc.sql("update conformance_run set finished_at = now() - interval '91 days' where id = ?").param(runId)
                .update();
        Poll.until("the run's data destroyed", Duration.ofSeconds(30),
                () -> submitter.api().get("/api/v1/conformance/runs/{id}", runId).then().extract().jsonPath()
                        .getString("dataDestroyedAt"), java.util.Objects::nonNull);
        assertThat(Files.exists(storePath(key))).isFalse();
        auditor().get("/api/v1/audit-events?target=conformance-run/{id}", runId).then().statusCode(200)
                .body("items.action", hasItem("DESTROY submitted data")).body("items.actor", hasItem("system"));
        // the report stays; the data is gone, so no re-run
        submitter.api().get("/api/v1/conformance/runs/{id}/report", runId).then().statusCode(200);
        submitter.api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), runId).then().statusCode(409)
                .body("code", equalTo("conflict")).body("reason", equalTo("run-data-destroyed"));
    }

    @Test
    void aReRunOfUnchangedDataReusesRememberedResultsSealedPerOrganizationWithTheSameReport() throws Exception {
        // third-party data (Synthea), not written by this project
        byte[] bulk;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of("..", "validator", "src", "test",
                "resources", "corpus", "third-party", "bulk.ndjson.gz")))) {
            List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .limit(400).toList();
            bulk = (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        long edition = sampleEdition();
        long hospital = organization("INSTITUTION", "350125");
        Member submitter = member(hospital, "SUBMITTER");
        long first = submit(submitter.api(), edition, "bulk.ndjson", bulk, "application/x-ndjson").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        assertThat(awaitFinished(submitter.api(), first).getString("status")).isEqualTo("SUCCEEDED");
        long rerun = submitter.api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), first).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertThat(awaitFinished(submitter.api(), rerun).getString("status")).isEqualTo("SUCCEEDED");

        assertThat(comparableReport(submitter.api(), rerun)).isEqualTo(comparableReport(submitter.api(), first));
        Poll.until("the re-run's log line", Duration.ofSeconds(10), () -> Files.readString(logFile()),
                log -> log.contains("run " + rerun + " finished"));
        assertThat(Files.readString(logFile())).containsPattern("run " + rerun
                + " finished in \\d+ ms: 400 resources, 400 re-used from the result cache, 0 validated");

        // one segment per run in the organization's own folder, sealed: no text of HAPI's messages in it
        Path cache = dataFolder().resolve("submissions").resolve("result-cache").resolve(Long.toString(hospital));
        Path segment = cache.resolve("run-" + rerun + ".hrc");
        assertThat(cache.resolve("run-" + first + ".hrc")).exists();
        assertThat(segment).exists();
        String raw = new String(Files.readAllBytes(segment), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("loinc.org").doesNotContain("ValueSet").doesNotContain("Observation");

        // destroyed with the runs' data (the re-run shares the first run's files: both age out together)
        jdbc.sql("update conformance_run set finished_at = now() - interval '91 days' where id in (?, ?)")
                .param(first).param(rerun).update();
        Poll.until("the re-run's data destroyed", Duration.ofSeconds(30),
                () -> submitter.api().get("/api/v1/conformance/runs/{id}", rerun).then().extract().jsonPath()
                        .getString("dataDestroyedAt"), java.util.Objects::nonNull);
        Poll.until("the first run's data destroyed", Duration.ofSeconds(30),
                () -> submitter.api().get("/api/v1/conformance/runs/{id}", first).then().extract().jsonPath()
                        .getString("dataDestroyedAt"), java.util.Objects::nonNull);
        assertThat(segment).doesNotExist();
        assertThat(cache.resolve("run-" + first + ".hrc")).doesNotExist();
        auditor().get("/api/v1/audit-events?target=conformance-run/{id}", rerun).then().statusCode(200)
                .body("items.detail", hasItem(org.hamcrest.Matchers.containsString(
                        "its remembered validation results destroyed")));
    }

    /** A run's stored report without when it was made and how long it took. */
    private static com.fasterxml.jackson.databind.JsonNode comparableReport(Api api, long run) throws IOException {
        byte[] report = api.get("/api/v1/conformance/runs/{id}/report", run).then().statusCode(200).extract()
                .asByteArray();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(report);
        node.remove("generatedAt");
        ((com.fasterxml.jackson.databind.node.ObjectNode) node.path("summary"))
                .remove(List.of("durationMillis", "resourcesPerSecond"));
        return node;
    }

    @Test
    void anEditionPublishedWithValidatorContentGetsItsOwnTestSuite() throws Exception {
        long hospital = organization("INSTITUTION", "350181");
        Member lead = member(hospital);
        Member expert = member(hospital, "EXPERT");
        long editionId = draftEdition(hospital, lead.id());

        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> list = Files.list(SAMPLE.resolve("package"))) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        FhirPackage.write(files, Files.readAllBytes(SAMPLE.resolve("manifest.json")), tgz);
        lead.api().request().contentType("application/gzip").body(tgz.toByteArray())
                .put("/api/v1/editions/{id}/artifacts/{name}", editionId, "fhir-package.tgz").then().statusCode(201);

        lead.api().transition(editionId, Map.of("to", "PUBLIC_COMMENT")).then().statusCode(200);
        lead.api().transition(editionId, Map.of("to", "EXPERT_REVIEW")).then().statusCode(200);
        expert.api().transition(editionId, Map.of("to", "APPROVED")).then().statusCode(200);
        String number = "WS/T " + (60000 + (int) (editionId % 30000));
        standards.transition(editionId, Map.of("to", "PUBLISHED", "code", number + "-" + BusinessDates.today().getYear(),
                "effectiveDate", BusinessDates.today().toString())).then().statusCode(200);

        Poll.until("the suite loaded after publication", Duration.ofMinutes(2),
                () -> anonymous.get("/api/v1/conformance/suites").then().extract().jsonPath()
                        .getString("find { it.editionId == " + editionId + " }.state"), "READY"::equals);
        Member submitter = member(hospital, "SUBMITTER");
        long runId = submit(submitter.api(), editionId, "invalid.zip", zip("invalid"), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        JsonPath run = awaitFinished(submitter.api(), runId);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getString("editionCode")).isEqualTo(number + "-" + BusinessDates.today().getYear());
        assertThat(run.getLong("result.errors")).isPositive();

        // a revision is published: the edition is superseded, and beyond the grace period (zero in
        // these tests) no longer testable; its results and certificates stay
        long standardId = anonymous.get("/api/v1/editions/{id}", editionId).then().extract().jsonPath()
                .getLong("standardId");
        long proposal = lead.api().post("/api/v1/proposals", Map.of("kind", "REVISION", "titleZh", "修订 " + unique(),
                        "category", "DATA_SET", "intendedLevel", "WS", "scope", "s", "rationale", "r",
                        "proposingOrganization", "o", "targetStandardId", standardId))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/accept", Map.of("year", BusinessDates.today().getYear(),
                "leadOrganizationId", hospital, "leadUserId", lead.id(),
                "dueDate", BusinessDates.today().plusMonths(2).toString()), proposal).then().statusCode(200);
        long planItemId = standards.get("/api/v1/proposals/{id}", proposal).then().extract().jsonPath()
                .getLong("planItemId");
        long revision = standards.get("/api/v1/work-plan?size=200").then().extract().jsonPath()
                .getLong("items.find { it.id == " + planItemId + " }.editionId");
        lead.api().transition(revision, Map.of("to", "PUBLIC_COMMENT")).then().statusCode(200);
        lead.api().transition(revision, Map.of("to", "EXPERT_REVIEW")).then().statusCode(200);
        expert.api().transition(revision, Map.of("to", "APPROVED")).then().statusCode(200);
        LocalDate nextYear = LocalDate.of(BusinessDates.today().getYear() + 1, 1, 1);
        standards.transition(revision, Map.of("to", "PUBLISHED", "code", number + "-" + nextYear.getYear(),
                "effectiveDate", nextYear.toString())).then().statusCode(200);
        anonymous.get("/api/v1/editions/{id}", editionId).then().body("status", equalTo("SUPERSEDED"));
        submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", editionId)).then().statusCode(409)
                .body("code", equalTo("edition-not-testable")).body("reason", equalTo("superseded"));
        submitter.api().post("/api/v1/conformance/runs/{id}/reruns", Map.of(), runId).then().statusCode(409)
                .body("reason", equalTo("superseded"));
        submitter.api().get("/api/v1/conformance/runs/{id}/checks", runId).then().statusCode(200);
        // the revision carries no validator content of its own
        submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", revision)).then().statusCode(409)
                .body("reason", equalTo("no-content"));
    }

    @Test
    void severalInstitutionsSubmitAtOnceAndEachGetsItsOwnResult() throws Exception {
        long edition = sampleEdition();
        List<Long> orgs = List.of(organization("INSTITUTION", "350121"), organization("INSTITUTION", "350122"),
                organization("INSTITUTION", "350123"));
        List<Member> submitters = orgs.stream().map(o -> member(o, "SUBMITTER")).toList();
        List<byte[]> data = List.of(zip("valid"), zip("invalid"), zip("valid"));
        List<java.util.concurrent.CompletableFuture<Long>> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < orgs.size(); i++) {
            Api api = submitters.get(i).api();
            byte[] body = data.get(i);
            submitted.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> submit(api, edition, "data.zip",
                    body, "application/zip").then().statusCode(202).extract().jsonPath().getLong("id")));
        }
        for (int i = 0; i < orgs.size(); i++) {
            long runId = submitted.get(i).get(60, java.util.concurrent.TimeUnit.SECONDS);
            JsonPath run = awaitFinished(submitters.get(i).api(), runId);
            assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
            assertThat(run.getLong("organizationId")).isEqualTo(orgs.get(i));
            if (i == 1) {
                assertThat(run.getDouble("result.score")).isLessThan(100.0);
                assertThat(run.getLong("result.errors")).isPositive();
            } else {
                assertThat(run.getDouble("result.score")).isEqualTo(100.0);
                assertThat(run.getLong("result.resources")).isEqualTo(16);
            }
        }
    }

    @Test
    void realWorldDataThatBreaksHapiNeitherHangsItsRunNorHoldsUpOtherInstitutions() throws Exception {
        long edition = sampleEdition();
        Member first = member(organization("INSTITUTION", "350131"), "SUBMITTER");
        Member second = member(organization("INSTITUTION", "350132"), "SUBMITTER");
        // third-party generated patients (a Synthea transaction Bundle) and, in the middle of valid
        // NDJSON, a reference on which HL7's validator itself throws
        byte[] bundle;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of("..", "validator", "src", "test",
                "resources", "corpus", "third-party", "bundle-1.json.gz")))) {
            bundle = in.readAllBytes();
        }
        String valid = Files.readString(SAMPLE.resolve("examples/valid/patients.ndjson")).strip();
        String broken = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"subject\":{\"reference\":\"//\"}}";
        byte[] ndjson = (valid + "\n" + broken + "\n" + valid + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("synthea-patient.json"));
            zip.write(bundle);
            zip.putNextEntry(new java.util.zip.ZipEntry("mixed.ndjson"));
            zip.write(ndjson);
        }
        long runId = submit(first.api(), edition, "real.zip", zipped.toByteArray(), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        long other = submit(second.api(), edition, "valid.zip", zip("valid"), "application/zip").then()
                .statusCode(202).extract().jsonPath().getLong("id");

        JsonPath run = awaitFinished(first.api(), runId);
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getLong("result.resources")).isEqualTo(1 + 24 + 9);
        first.api().get("/api/v1/conformance/runs/{id}/findings?checkId=HMBD-INPUT-REFERENCE", runId).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].location", equalTo("Observation.subject"))
                .body("items[0].messageZh", equalTo("引用“//”不是有效的引用"));
        // the foreign US Core profiles are reported as not checked, never as errors of the data
        List<String> errorChecks = first.api().get("/api/v1/conformance/runs/{id}/checks", runId).then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.severity == 'ERROR' }.checkId");
        assertThat(errorChecks).doesNotContain("FHIR-Validation_VAL_Profile_Unknown", "FHIR-Object_must_have_some_content");
        assertThat(first.api().get("/api/v1/conformance/runs/{id}/checks", runId).then().extract().jsonPath()
                .getList("checkId", String.class)).contains("HMBD-NOT-CHECKED-PROFILE");

        JsonPath otherRun = awaitFinished(second.api(), other);
        assertThat(otherRun.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(otherRun.getDouble("result.score")).isEqualTo(100.0);
    }
}
