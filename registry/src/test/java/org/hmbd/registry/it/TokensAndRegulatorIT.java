package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal access tokens with scopes, and the regulator port they reach (issue 13, Art. 38). */
class TokensAndRegulatorIT extends ConformanceSupport {

    private String token(Api api, String name, List<String> scopes) {
        return api.post("/api/v1/me/tokens", Map.of("name", name, "scopes", scopes)).then().statusCode(201)
                .body("secret", startsWith("hmbd_pat_")).body("token.scopes", org.hamcrest.Matchers.hasSize(scopes.size()))
                .extract().path("secret");
    }

    @Test
    void aPersonalTokenDoesWhatItsScopesAllowAndEndsWhenRevokedOrThePasswordChanges() {
        Member m = member(organization("INSTITUTION", "350102"));
        Api reader = new Api(port, token(m.api(), "只读脚本", List.of("READ")));
        reader.get("/api/v1/me").then().statusCode(200).body("username", equalTo(m.username()));
        reader.post("/api/v1/proposals", Map.of("kind", "NEW", "titleZh", "x")).then().statusCode(403)
                .body("reason", equalTo("token-scope"));
        // a token never mints tokens nor changes the password
        reader.post("/api/v1/me/tokens", Map.of("name", "more", "scopes", List.of("READ"))).then().statusCode(403)
                .body("reason", equalTo("token-scope-none"));
        reader.post("/api/v1/auth/password", Map.of("currentPassword", PASSWORD + "x", "newPassword", PASSWORD + "z"))
                .then().statusCode(403);
        JsonPath listed = m.api().get("/api/v1/me/tokens").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getString("[0].name")).isEqualTo("只读脚本");
        assertThat(listed.getString("[0].lastUsedAt")).isNotNull();
        assertThat(listed.prettify()).doesNotContain("hmbd_pat_");
        long id = listed.getLong("[0].id");
        m.api().delete("/api/v1/me/tokens/{id}", id).then().statusCode(204);
        reader.get("/api/v1/me").then().statusCode(401);
        m.api().delete("/api/v1/me/tokens/{id}", 987654321).then().statusCode(404);

        Api another = new Api(port, token(m.api(), "另一个", List.of("READ", "ADMINISTER")));
        another.get("/api/v1/me").then().statusCode(200);
        m.api().post("/api/v1/auth/password", Map.of("currentPassword", PASSWORD + "x", "newPassword", PASSWORD + "y"))
                .then().statusCode(204);
        another.get("/api/v1/me").then().statusCode(401).body("code", equalTo("invalid-token"));
    }

    @Test
    void tokensAreNamedScopedAndExpireWithinAYear() {
        Api m = member(organization("INSTITUTION", "350102")).api();
        m.post("/api/v1/me/tokens", Map.of("name", "x", "scopes", List.of())).then().statusCode(400)
                .body("field", equalTo("scopes"));
        m.post("/api/v1/me/tokens", Map.of("name", "x", "scopes", List.of("EVERYTHING"))).then().statusCode(400)
                .body("field", equalTo("scopes"));
        m.post("/api/v1/me/tokens", Map.of("scopes", List.of("READ"))).then().statusCode(400).body("field", equalTo("name"));
        m.post("/api/v1/me/tokens", Map.of("name", "x", "scopes", List.of("READ"), "expiresInDays", 400)).then()
                .statusCode(400).body("field", equalTo("expiresInDays"));
        m.post("/api/v1/me/tokens", Map.of("name", "x", "scopes", List.of("READ"), "expiresInDays", 7)).then()
                .statusCode(201).body("token.expiresAt", notNullValue());
    }

    @Test
    void aSubmitTokenSubmitsAndAnAdministratorAboveSeesAndRevokesIt() {
        long edition = sampleEdition();
        long fj = organization("PROVINCE", "350000");
        long hospital = organization("INSTITUTION", "350102", fj);
        Member submitter = member(hospital, "SUBMITTER");
        Api ci = new Api(port, token(submitter.api(), "上报程序", List.of("SUBMIT")));
        ci.post("/api/v1/conformance/runs", Map.of("editionId", edition)).then().statusCode(201);
        ci.get("/api/v1/conformance/runs").then().statusCode(403).body("reason", equalTo("token-scope"));

        Api fjAdmin = member(fj, "ORG_ADMIN").api();
        long tokenId = fjAdmin.get("/api/v1/users/{id}/tokens", submitter.id()).then().statusCode(200)
                .body("[0].name", equalTo("上报程序")).extract().jsonPath().getLong("[0].id");
        member(organization("PROVINCE", "330000"), "ORG_ADMIN").api()
                .delete("/api/v1/users/{id}/tokens/{t}", submitter.id(), tokenId).then().statusCode(403);
        fjAdmin.delete("/api/v1/users/{id}/tokens/{t}", submitter.id(), tokenId).then().statusCode(204);
        ci.post("/api/v1/conformance/runs", Map.of("editionId", edition)).then().statusCode(401);
    }

    @Test
    void theRegulatorPortShowsASupervisorsSubtreeReadOnlyWithARegulatorToken() {
        long edition = sampleEdition();
        long fj = organization("PROVINCE", "350000");
        long hospital = organization("INSTITUTION", "350102", fj);
        long zj = organization("PROVINCE", "330000");
        long zjHospital = organization("INSTITUTION", "330102", zj);
        Member submitter = member(hospital, "SUBMITTER");
        long run = submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201).extract().jsonPath().getLong("id");
        member(zjHospital, "SUBMITTER").api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201);

        Member supervisor = member(fj, "SUPERVISOR");
        Api regulator = new Api(port, token(supervisor.api(), "监管平台对接", List.of("REGULATOR_READ")));
        JsonPath institutions = regulator.get("/api/v1/regulator/institutions?size=200").then().statusCode(200)
                .extract().jsonPath();
        assertThat(institutions.getList("items.id", Long.class)).contains(hospital).doesNotContain(zjHospital);
        assertThat(institutions.getLong("items.find { it.id == " + hospital + " }.runs")).isEqualTo(1);
        String runs = regulator.get("/api/v1/regulator/runs?organizationId={o}", hospital).then().statusCode(200)
                .body("items[0].id", equalTo((int) run)).body("items[0].status", equalTo("AWAITING_DATA"))
                .extract().asString();
        assertThat(runs).doesNotContain("submittedBy").doesNotContain(submitter.username()).doesNotContain("files");
        regulator.get("/api/v1/regulator/certificates").then().statusCode(200);
        regulator.get("/api/v1/regulator/editions/{id}/adoption", edition).then().statusCode(200);
        JsonPath events = regulator.get("/api/v1/regulator/audit-events?action=conformance/runs&size=100").then()
                .statusCode(200).extract().jsonPath();
        assertThat(events.getList("items.actor", String.class)).contains(submitter.username());
        assertThat(events.getList("items.target", String.class)).contains("/api/v1/conformance/runs/" + run);

        // read-only, the port only, supervisors only
        regulator.get("/api/v1/conformance/runs").then().statusCode(403).body("reason", equalTo("token-scope"));
        regulator.post("/api/v1/proposals", Map.of()).then().statusCode(403);
        submitter.api().get("/api/v1/regulator/institutions").then().statusCode(403);
        Api zjRegulator = member(zj, "SUPERVISOR").api();
        assertThat(zjRegulator.get("/api/v1/regulator/institutions?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.id", Long.class)).contains(zjHospital).doesNotContain(hospital);
        assertThat(zjRegulator.get("/api/v1/regulator/audit-events?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.actor", String.class)).doesNotContain(submitter.username());
        // each regulator read is itself in the audit trail
        auditor().get("/api/v1/audit-events?actorName={a}&action=regulator", supervisor.username()).then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(5));
    }
}
