package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Request bodies are bounded before they are read, compressed ones while they are decompressed
 * (issue 13): a gzip bomb sent anonymously to a FHIR terminology operation was inflated whole in
 * memory by HAPI.
 */
class RequestBodyLimitsIT extends ConformanceSupport {

    private static final String EXPAND = "/fhir/ValueSet/$expand";

    @Test
    void anAnonymousGzipBombToATerminologyOperationIsRefusedWhileItInflates() throws Exception {
        byte[] bomb = gzipOfZeros(64L * 1024 * 1024); // 64 MB of zeros, some 65 KB on the wire
        assertThat(bomb.length).isLessThan(200_000);
        given().port(port).contentType("application/fhir+json").header("Content-Encoding", "gzip").body(bomb)
                .post(EXPAND).then().statusCode(413).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].details.coding[0].code", equalTo("payload-too-large"));
        given().port(port).get("/actuator/health").then().statusCode(200);
    }

    @Test
    void aCompressedRequestWithinTheLimitIsDecompressedOnceAndAnswered() throws Exception {
        sampleEdition();
        String parameters = """
                {"resourceType":"Parameters","parameter":[{"name":"url","valueUri":"%s"}]}"""
                .formatted(FhirDistributionIT.SEX_VS);
        given().port(port).contentType("application/fhir+json").header("Content-Encoding", "gzip")
                .body(gzip(parameters.getBytes(StandardCharsets.UTF_8))).post(EXPAND)
                .then().statusCode(200).body("resourceType", equalTo("ValueSet"))
                .body("expansion.contains.code", hasItem("1"));
        String proposal = Api.json(java.util.Map.of("kind", "NEW", "titleZh", "压缩请求 " + unique(),
                "category", "DATA", "intendedLevel", "WS", "scope", "s", "rationale", "r", "proposingOrganization", "o"));
        admin.request().contentType("application/json").header("Content-Encoding", "gzip")
                .body(gzip(proposal.getBytes(StandardCharsets.UTF_8))).post("/api/v1/proposals")
                .then().statusCode(201).body("titleZh", org.hamcrest.Matchers.startsWith("压缩请求"));
    }

    @Test
    void aJsonBodyAboveTheLimitIsRefusedBeforeItIsReadWithOrWithoutItsLength() throws Exception {
        byte[] big = ("{\"kind\":\"NEW\",\"titleZh\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        admin.request().contentType("application/json").body(big).post("/api/v1/proposals").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("payload-too-large"))
                .body("reason", equalTo("limit"));
        // chunked, no Content-Length: counted as it arrives
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + EXPAND))
                .header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("OperationOutcome").contains("payload-too-large");
    }

    @Test
    void validateStreamsItsBodyUnderItsOwnLargerLimit() {
        Member user = member(organization("INSTITUTION", "350102"));
        // between the general limit and the $validate limit: a Patient padded with whitespace
        String padded = "{\"resourceType\":\"Patient\"," + " ".repeat(MAX_BODY_BYTES + 1000) + "\"active\":true}";
        user.api().request().contentType("application/fhir+json").body(padded).post("/fhir/Patient/$validate")
                .then().statusCode(200).body("resourceType", equalTo("OperationOutcome"));
        user.api().request().contentType("application/fhir+json").body(padded).post(EXPAND).then().statusCode(413);
    }

    @Test
    void aBodyInAnUnknownEncodingOrThatDoesNotDecompressIsAClear4xx() {
        given().port(port).contentType("application/fhir+json").header("Content-Encoding", "br")
                .body(new byte[] {1, 2, 3}).post(EXPAND).then().statusCode(415)
                .body("issue[0].details.coding[0].code", equalTo("unsupported-media-type"));
        admin.request().contentType("application/json").header("Content-Encoding", "zstd").body("{}")
                .post("/api/v1/proposals").then().statusCode(415).body("reason", equalTo("content-encoding"));
        admin.request().contentType("application/json").header("Content-Encoding", "gzip")
                .body("not gzip at all".getBytes(StandardCharsets.UTF_8)).post("/api/v1/proposals")
                .then().statusCode(400).body("code", equalTo("malformed-request")).body("reason", equalTo("compressed-body"));
        admin.request().contentType("application/fhir+json").header("Content-Encoding", "gzip")
                .body("not gzip at all".getBytes(StandardCharsets.UTF_8)).post("/fhir/$validate")
                .then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void aCompressedUploadIsCutAtTheUploadLimitCountedDecompressed() throws Exception {
        long edition = sampleEdition();
        Member submitter = member(organization("INSTITUTION", "350102"), "SUBMITTER");
        byte[] bomb = gzipOfZeros(256L * 1024 * 1024); // the upload limit of these tests is 2 MB
        submitter.api().request().contentType("application/x-ndjson").header("Content-Encoding", "gzip").body(bomb)
                .post("/api/v1/conformance/runs?editionId={e}&fileName={f}", edition, "zeros.ndjson")
                .then().statusCode(413).body("code", equalTo("payload-too-large"));
        given().port(port).get("/actuator/health").then().statusCode(200);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gzipOfZeros(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (OutputStream gz = new GZIPOutputStream(out)) {
            for (long written = 0; written < size; written += zeros.length) {
                gz.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
