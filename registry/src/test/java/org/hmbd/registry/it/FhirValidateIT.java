package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import ca.uhn.fhir.context.FhirContext;
import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** {@code $validate} on HAPI's RestfulServer under /fhir: OperationOutcome for every answer. */
class FhirValidateIT extends ConformanceSupport {

    static final String PATIENT_PROFILE = "http://fhir.hmbd-registry.org/sample/core/StructureDefinition/hmbd-patient";

    static byte[] example(String relative) throws Exception {
        return Files.readAllBytes(SAMPLE.resolve("examples").resolve(relative));
    }

    JsonPath validate(Api api, String path, byte[] body, int status) {
        return api.request().contentType("application/fhir+json").body(body).post(path).then().statusCode(status)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"))
                .extract().jsonPath();
    }

    @Test
    void validatesOneResourceAgainstAnEditionAndAnswersWithAnOperationOutcome() throws Exception {
        long edition = sampleEdition();
        Member user = member(organization("INSTITUTION", "350102"));

        JsonPath valid = validate(user.api(), "/fhir/Patient/$validate?edition=" + edition,
                example("valid/patient-zhang.json"), 200);
        assertThat(valid.getList("issue.severity", String.class)).doesNotContain("error", "fatal");

        JsonPath invalid = validate(user.api(), "/fhir/Patient/$validate?edition=" + edition,
                example("invalid/patient-wrong-check-character.json"), 200);
        assertThat(invalid.getList("issue.details.coding.code.flatten()", String.class)).contains("HMBD-ID-RESIDENT");
        assertThat(invalid.getString("issue.find { it.details.coding[0].code == 'HMBD-ID-RESIDENT' }.severity"))
                .isEqualTo("error");

        // the same at system level, with the resource inside Parameters and the edition chosen by profile
        String parameters = Api.json(Map.of("resourceType", "Parameters", "parameter", List.of(
                Map.of("name", "resource", "resource", new JsonPath(new String(
                        example("invalid/patient-wrong-check-character.json"), "UTF-8")).getMap("$")),
                Map.of("name", "profile", "valueCanonical", PATIENT_PROFILE))));
        JsonPath viaProfile = validate(user.api(), "/fhir/$validate", parameters.getBytes("UTF-8"), 200);
        assertThat(viaProfile.getList("issue.details.coding.code.flatten()", String.class)).contains("HMBD-ID-RESIDENT");
    }

    @Test
    void badDataIsAnIssueAndBadRequestsAreOperationOutcomesToo() throws Exception {
        long edition = sampleEdition();
        Member user = member(organization("INSTITUTION", "350102"));

        assertThat(validate(user.api(), "/fhir/Patient/$validate?edition=" + edition,
                "{\"resourceType\":\"Patient\",".getBytes(), 200)
                .getList("issue.details.coding.code.flatten()", String.class)).contains("HMBD-INPUT-MALFORMED");
        JsonPath mismatch = validate(user.api(), "/fhir/Observation/$validate?edition=" + edition,
                example("valid/patient-zhang.json"), 200);
        assertThat(mismatch.getString("issue[0].severity")).isEqualTo("error");
        assertThat(mismatch.getString("issue[0].code")).isEqualTo("invalid");
        JsonPath unknownProfile = validate(user.api(), "/fhir/$validate?profile=http://example.org/none",
                example("valid/patient-zhang.json"), 200);
        assertThat(unknownProfile.getString("issue[0].code")).isEqualTo("not-found");

        validate(user.api(), "/fhir/Patient/$validate?edition=987654", example("valid/patient-zhang.json"), 404);
        validate(user.api(), "/fhir/Patient/$validate?edition=abc", example("valid/patient-zhang.json"), 400);
        validate(user.api(), "/fhir/Patient/$validate?edition=" + draftEdition(organization("INSTITUTION", "350102")),
                example("valid/patient-zhang.json"), 422);
        validate(user.api(), "/fhir/$validate", new byte[0], 400);
    }

    @Test
    void xmlIsValidatedLikeJsonWithTheEditionInTheUrlOrInParameters() throws Exception {
        long edition = sampleEdition();
        Member user = member(organization("INSTITUTION", "350102"));
        FhirContext ctx = FhirContext.forR4Cached();
        IBaseResource invalid = ctx.newJsonParser().parseResource(
                new String(example("invalid/patient-wrong-check-character.json"), StandardCharsets.UTF_8));
        String xml = ctx.newXmlParser().encodeResourceToString(invalid);

        JsonPath inUrl = user.api().request().contentType("application/fhir+xml").accept("application/fhir+json")
                .body(xml)
                .post("/fhir/Patient/$validate?edition=" + edition).then().statusCode(200)
                .extract().jsonPath();
        assertThat(inUrl.getList("issue.details.coding.code.flatten()", String.class)).contains("HMBD-ID-RESIDENT");

        // the edition inside an XML Parameters counts too (it used to be ignored in XML)
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("resource").setResource((Resource) invalid);
        parameters.addParameter().setName("edition").setValue(new StringType(String.valueOf(edition)));
        JsonPath inBody = user.api().request().contentType("application/fhir+xml").accept("application/fhir+json")
                .body(ctx.newXmlParser().encodeResourceToString(parameters))
                .post("/fhir/$validate").then().statusCode(200).extract().jsonPath();
        assertThat(inBody.getList("issue.details.coding.code.flatten()", String.class)).contains("HMBD-ID-RESIDENT");

        // a Patient in XML sent to the Observation endpoint is named as such
        JsonPath mismatch = user.api().request().contentType("application/fhir+xml")
                .accept("application/fhir+json").body(xml)
                .post("/fhir/Observation/$validate?edition=" + edition).then().statusCode(200)
                .extract().jsonPath();
        assertThat(mismatch.getString("issue[0].code")).isEqualTo("invalid");
        assertThat(mismatch.getString("issue[0].diagnostics")).contains("Patient", "Observation");
    }

    @Test
    void aBodyAboveTheConfiguredLimitIs413InBothLanguages() throws Exception {
        Member user = member(organization("INSTITUTION", "350102"));
        byte[] big = new byte[MAX_VALIDATE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        user.api().request().contentType("application/fhir+json").header("Accept-Language", "en").body(big)
                .post("/fhir/$validate").then().statusCode(413).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", equalTo("The body exceeds 1,048,576 bytes."));
        user.api().request().config(RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                        .overwriteHeadersWithName("Accept-Language")))
                .contentType("application/fhir+json").header("Accept-Language", "zh-CN").body(big)
                .post("/fhir/$validate").then().statusCode(413)
                .body("issue[0].diagnostics", equalTo("请求体超过 1,048,576 字节。"));
    }

    @Test
    void theFhirEndpointNeedsASignedInAccount() throws Exception {
        anonymous.request().contentType("application/fhir+json").body(example("valid/patient-zhang.json"))
                .post("/fhir/$validate").then().statusCode(401).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("login"))
                .body("issue[0].details.coding[0].code", equalTo("unauthenticated"));
        Member user = member(organization("INSTITUTION", "350102"));
        user.api().get("/fhir/metadata").then().statusCode(200).body("resourceType", equalTo("CapabilityStatement"))
                .body("rest[0].operation.name", hasItem("validate"))
                .body("rest[0].resource.find { it.type == 'Patient' }.operation.name", hasItem("validate"))
                .body("rest[0].resource.type", hasItem("Patient"));
    }
}
