package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Adoption evidence, the institution export, and effectiveness evaluations opening proposals. */
class AdoptionIT extends ConformanceSupport {

    @Test
    void adoptionCountsInstitutionsTestedAndPassingWithinTheViewersRegion() throws Exception {
        long edition = sampleEdition();
        // the province's supervisor reaches the institutions under its organization in the tree
        long gd = organization("PROVINCE", "440000");
        long guangzhouA = institution("440103", "TERTIARY", gd);
        long guangzhouB = institution("440106", "TERTIARY", gd);
        long shenzhen = institution("440304", "SECONDARY", gd);
        Member a = member(guangzhouA, "SUBMITTER");
        Member b = member(guangzhouB, "SUBMITTER");
        Member c = member(shenzhen, "SUBMITTER");
        long runA = submit(a.api(), edition, "valid.zip", zip("valid"), "application/zip").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        long runB = submit(b.api(), edition, "invalid.zip", zip("invalid"), "application/zip").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        long runC = submit(c.api(), edition, "broken.json", "{\"resourceType\":\"Patient\",".getBytes(),
                "application/fhir+json").then().statusCode(202).extract().jsonPath().getLong("id");
        JsonPath doneA = awaitFinished(a.api(), runA);
        JsonPath doneB = awaitFinished(b.api(), runB);
        JsonPath doneC = awaitFinished(c.api(), runC);
        assertThat(doneA.getString("result.levelCode")).isNotNull();
        assertThat(doneB.getString("result.levelCode")).isNotNull();
        assertThat(doneC.getString("result.levelCode")).isNull();

        Member guangdong = member(gd, "SUPERVISOR");
        JsonPath adoption = guangdong.api().get("/api/v1/conformance/editions/{id}/adoption?groupBy=prefecture",
                edition).then().statusCode(200).extract().jsonPath();
        assertThat(adoption.getLong("institutionsTested")).isEqualTo(3);
        assertThat(adoption.getLong("institutionsPassing")).isEqualTo(2);
        assertThat(adoption.getDouble("passRate")).isEqualTo(66.7);
        assertThat(adoption.getList("byRegion.key", String.class)).containsExactly("440100", "440300");
        assertThat(adoption.getList("byRegion.tested", Long.class)).containsExactly(2L, 1L);
        assertThat(adoption.getList("byRegion.passing", Long.class)).containsExactly(2L, 0L);
        assertThat(adoption.getList("byInstitutionGrade.key", String.class)).containsExactly("SECONDARY", "TERTIARY");
        assertThat(adoption.getList("byInstitutionGrade.passing", Long.class)).containsExactly(0L, 2L);
        assertThat(adoption.getList("overTime.tested", Long.class)).last().isEqualTo(3L);
        assertThat(adoption.getList("scoreDistribution.institutions", Long.class).stream().mapToLong(x -> x).sum())
                .isEqualTo(3);
        assertThat(adoption.getLong("scoreDistribution.find { it.from == 90 }.institutions")).isEqualTo(1);
        assertThat(adoption.getList("mostFailedChecks.checkId", String.class)).contains("HMBD-ID-RESIDENT");
        guangdong.api().get("/api/v1/conformance/editions/{id}/adoption?groupBy=street", edition).then()
                .statusCode(400).body("field", equalTo("groupBy"));
        // a grade belongs to institutions only
        admin.post("/api/v1/organizations", Map.of("nameZh", "卫健委 " + unique(), "kind", "HEALTH_ADMINISTRATION",
                "level", "PROVINCE", "regionCode", "440000", "grade", "TERTIARY")).then().statusCode(400)
                .body("field", equalTo("grade"));

        // another province's supervisor does not see Guangdong's institutions
        Member fujian = member(organization("PROVINCE", "350000"), "SUPERVISOR");
        assertThat(fujian.api().get("/api/v1/conformance/editions/{id}/adoption", edition).then().statusCode(200)
                .extract().jsonPath().getList("byRegion.key", String.class)).doesNotContain("440000");
        // an institution sees only itself
        assertThat(a.api().get("/api/v1/conformance/editions/{id}/adoption", edition).then().statusCode(200)
                .extract().jsonPath().getLong("institutionsTested")).isEqualTo(1);
    }

    @Test
    void anInstitutionsConformanceIsExportedForAccreditation() throws Exception {
        long edition = sampleEdition();
        long gd = organization("PROVINCE", "440000");
        long hospital = organization("INSTITUTION", "440105", gd);
        Member submitter = member(hospital, "SUBMITTER");
        long run = submit(submitter.api(), edition, "patients.ndjson",
                Files.readAllBytes(SAMPLE.resolve("examples/valid/patients.ndjson")), "application/x-ndjson").then()
                .statusCode(202).extract().jsonPath().getLong("id");
        awaitFinished(submitter.api(), run);

        submitter.api().get("/api/v1/conformance/organizations/{id}/status", hospital).then().statusCode(200)
                .body("standards[0].editionCode", equalTo(SAMPLE_CODE)).body("standards[0].runId", equalTo((int) run))
                .body("standards[0].levelCode", equalTo("L3")).body("standards[0].certificateNumber", notNullValue());
        String csv = member(gd, "SUPERVISOR").api()
                .get("/api/v1/conformance/organizations/{id}/status?format=csv", hospital).then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("\uFEFForganization_id,organization,region_code,standard,edition_code");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(SAMPLE_CODE, ",L3,", ",true,");
        member(organization("INSTITUTION", "440106"), "SUBMITTER").api()
                .get("/api/v1/conformance/organizations/{id}/status", hospital).then().statusCode(404);
    }

    @Test
    void anEvaluationConcludingRevisionOpensARevisionProposal() {
        long edition = sampleEdition();
        long commission = organization("NATIONAL", "100000");
        Member expert = member(commission, "EXPERT");
        Member submitter = member(organization("INSTITUTION", "440107"), "SUBMITTER");

        submitter.api().post("/api/v1/conformance/editions/{id}/evaluations",
                Map.of("conclusion", "KEEP", "reasons", "r"), edition).then().statusCode(403);
        expert.api().post("/api/v1/conformance/editions/{id}/evaluations",
                Map.of("conclusion", "MAYBE", "reasons", "r"), edition).then().statusCode(400)
                .body("field", equalTo("conclusion"));
        expert.api().post("/api/v1/conformance/editions/{id}/evaluations", Map.of("conclusion", "KEEP"), edition)
                .then().statusCode(400).body("field", equalTo("reasons"));
        expert.api().post("/api/v1/conformance/editions/{id}/evaluations",
                Map.of("conclusion", "KEEP", "reasons", "r"), draftEdition(commission)).then().statusCode(409);

        JsonPath keep = expert.api().post("/api/v1/conformance/editions/{id}/evaluations",
                        Map.of("conclusion", "KEEP", "reasons", "通过率良好"), edition).then().statusCode(201)
                .extract().jsonPath();
        assertThat(keep.getString("proposalId")).isNull();
        assertThat(keep.getLong("metrics.editionId")).isEqualTo(edition);

        JsonPath revise = expert.api().post("/api/v1/conformance/editions/{id}/evaluations",
                        Map.of("conclusion", "REVISE", "reasons", "身份证号校验失败率高，需补充说明"), edition)
                .then().statusCode(201).body("conclusion", equalTo("REVISE")).extract().jsonPath();
        long proposal = revise.getLong("proposalId");
        long standardId = anonymous.get("/api/v1/editions/{id}", edition).then().extract().jsonPath()
                .getLong("standardId");
        admin.get("/api/v1/proposals/{id}", proposal).then().statusCode(200).body("kind", equalTo("REVISION"))
                .body("status", equalTo("SUBMITTED")).body("targetStandardId", equalTo((int) standardId))
                .body("rationale", equalTo("身份证号校验失败率高，需补充说明"));
        assertThat(expert.api().get("/api/v1/conformance/editions/{id}/evaluations", edition).then().statusCode(200)
                .extract().jsonPath().getList("conclusion", String.class)).containsSubsequence("KEEP", "REVISE");
        // the metrics are the national picture: an institution, or a province's supervisor, sees the
        // conclusions without them (issue 13: they went to any account)
        for (Member viewer : List.of(submitter, member(organization("PROVINCE", "440000"), "SUPERVISOR"))) {
            JsonPath seen = viewer.api().get("/api/v1/conformance/editions/{id}/evaluations", edition).then()
                    .statusCode(200).extract().jsonPath();
            assertThat(seen.getList("conclusion", String.class)).containsSubsequence("KEEP", "REVISE");
            assertThat(seen.getList("metrics")).containsOnlyNulls();
        }
        assertThat(expert.api().get("/api/v1/conformance/editions/{id}/evaluations", edition).then().extract()
                .jsonPath().getList("metrics.editionId", Long.class)).containsOnly(edition);
        // the proposal takes the lifecycle's road: it can be withdrawn or decided like any other
        assertThat(List.of("SUBMITTED")).contains(admin.get("/api/v1/proposals/{id}", proposal).then().extract()
                .jsonPath().getString("status"));
    }
}
