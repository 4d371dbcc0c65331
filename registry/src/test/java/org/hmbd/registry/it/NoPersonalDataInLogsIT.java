package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After a journey through every place personal data passes (registration with an identity, sign-in,
 * wrong passwords, tokens, a password change, patient data sent to $validate and to a run), neither
 * the log file nor anything else the server wrote to it holds an identity number, a real name, a
 * password or a token (issue 13).
 */
class NoPersonalDataInLogsIT extends ConformanceSupport {

    @Test
    void aFullJourneyLeavesNoPersonalDataNorSecretsInTheLog() throws Exception {
        long edition = sampleEdition();
        long hospital = organization("INSTITUTION", "350102");
        String idNumber = Identities.residentId();
        String realName = "卫秘密" + (char) ('甲' + Math.floorMod(unique().hashCode(), 10));
        String username = "logcheck" + unique();
        String password = "Log-Secret-" + unique() + "a";
        long userId = anonymous.post("/api/v1/registrations", Map.of("username", username, "displayName", "检查",
                        "organizationId", hospital, "password", password, "realName", realName, "idNumber", idNumber))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        // the same identity again: refused, and the refusal must not log the number either
        anonymous.post("/api/v1/registrations", Map.of("username", username + "b", "displayName", "检查",
                "organizationId", hospital, "password", password, "realName", realName, "idNumber", idNumber))
                .then().statusCode(409);
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "ACTIVE"), userId).then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().port(port).contentType(ContentType.JSON)
                    .body(Api.json(Map.of("username", username, "password", password + "wrong" + i)))
                    .post("/api/v1/auth/token").then().statusCode(401);
        }
        String signInToken = Api.signIn(port, username, password);
        Api user = new Api(port, signInToken);
        String pat = user.post("/api/v1/me/tokens", Map.of("name", "log", "scopes", List.of("READ"))).then()
                .statusCode(201).extract().path("secret");
        new Api(port, pat).get("/api/v1/me").then().statusCode(200);
        new Api(port, pat + "x").get("/api/v1/me").then().statusCode(401);
        String newPassword = "Log-Changed-" + unique() + "b";
        user.post("/api/v1/auth/password", Map.of("currentPassword", password, "newPassword", newPassword)).then()
                .statusCode(204);

        // a patient's identity in data sent for validation, and in a run
        String patientId = Identities.residentId();
        String patientName = "病人" + (char) ('乙' + Math.floorMod(unique().hashCode(), 10)) + "某";
        String patient = """
                {"resourceType":"Patient","identifier":[{"system":"urn:oid:2.16.156.10011.1.1","value":"%s"}],
                 "name":[{"text":"%s"}],"gender":"male","birthDate":"1990-01-01"}""".formatted(patientId, patientName);
        Member submitter = member(hospital, "SUBMITTER");
        submitter.api().request().contentType("application/fhir+json").body(patient).post("/fhir/Patient/$validate")
                .then().statusCode(200);
        long run = submit(submitter.api(), edition, "p.json", patient.getBytes(StandardCharsets.UTF_8),
                "application/fhir+json").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitFinished(submitter.api(), run);

        Path log = logFile();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the log file is written").contains("hmbd");
        for (String secret : List.of(idNumber, realName, password, newPassword, signInToken, pat, patientId,
                patientName)) {
            assertThat(text).as("the log must not hold %s", secret.substring(0, Math.min(6, secret.length())) + "…")
                    .doesNotContain(secret);
        }
    }
}
