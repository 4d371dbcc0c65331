package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Errors are problem+json with a stable code, never a 500; sign-in, roles and the audit trail. */
class ProblemsAndSecurityIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void answersInChineseByDefaultAndInEnglishOnRequest() {
        given().port(port).get("/api/v1/proposals").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated")).body("title", equalTo("未登录"));
        given().port(port).header("Accept-Language", "en").get("/api/v1/proposals").then().statusCode(401)
                .body("title", equalTo("Not signed in"));
    }

    @Test
    void aPasswordChangeEndsEveryTokenIssuedBefore() {
        Member m = member(organization("INSTITUTION", "110105"));
        String other = Api.signIn(port, m.username(), PASSWORD + "x");
        m.api().get("/api/v1/me").then().statusCode(200);
        m.api().post("/api/v1/auth/password", Map.of("currentPassword", PASSWORD + "x",
                "newPassword", PASSWORD + "y")).then().statusCode(204);
        // the token used for the change and another one issued before it: both ended
        m.api().get("/api/v1/me").then().statusCode(401).body("code", equalTo("invalid-token"));
        new Api(port, other).get("/api/v1/me").then().statusCode(401).body("code", equalTo("invalid-token"));
        new Api(port, Api.signIn(port, m.username(), PASSWORD + "y")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aLongPasswordIsHashedWholeAndAnOverlongOneIsRefusedClearlyNeverA500() {
        Member m = member(organization("INSTITUTION", "110105"));
        // 80 characters, 240 bytes in UTF-8: bcrypt read 72 bytes at most; Argon2id reads them all
        String longOne = "国家健康医疗大数据标准安全服务管理办法".repeat(4) + "ab12";
        m.api().post("/api/v1/auth/password", Map.of("currentPassword", PASSWORD + "x", "newPassword", longOne))
                .then().statusCode(204);
        given().port(port).contentType(ContentType.JSON)
                .body(Map.of("username", m.username(), "password", longOne.substring(0, 24) + "x"))
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-credentials"));
        Api signedIn = new Api(port, Api.signIn(port, m.username(), longOne));
        signedIn.get("/api/v1/me").then().statusCode(200);
        String overlong = "a1".repeat(65);
        signedIn.post("/api/v1/auth/password", Map.of("currentPassword", longOne, "newPassword", overlong))
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("newPassword")).body("reason", equalTo("password-too-long"));
        given().port(port).contentType(ContentType.JSON)
                .body(Map.of("username", m.username(), "password", "x".repeat(100_000)))
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-credentials"));
        signedIn.post("/api/v1/auth/password", Map.of("currentPassword", longOne, "newPassword", "Woaini1314"))
                .then().statusCode(400).body("reason", equalTo("password-common"));
        signedIn.post("/api/v1/auth/password", Map.of("currentPassword", longOne,
                "newPassword", m.username() + "-2026a")).then().statusCode(400).body("reason", equalTo("password-username"));
    }

    @Test
    void thirtyWrongPasswordsInARowLockTheAccountSoTheRightOneNoLongerSignsIn() {
        Member m = member(organization("INSTITUTION", "110106"));
        int refused = 0;
        int locked = 0;
        for (int i = 0; i < 30; i++) {
            int status = given().port(port).contentType(ContentType.JSON)
                    .body(Api.json(Map.of("username", m.username(), "password", "Wrong-passw0rd-" + i)))
                    .post("/api/v1/auth/token").then().extract().statusCode();
            if (status == 401) {
                refused++;
            } else if (status == 429) {
                locked++;
            } else {
                throw new AssertionError("attempt " + i + " answered " + status);
            }
        }
        assertThat(refused).as("the free attempts, then the one that earned the lock").isEqualTo(6);
        assertThat(locked).isPositive();
        given().port(port).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Api.json(Map.of("username", m.username(), "password", PASSWORD + "x")))
                .post("/api/v1/auth/token").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("code", equalTo("too-many-requests")).body("reason", equalTo("sign-in-locked"))
                .body("detail", startsWith("Too many failed sign-ins"));
        // the sign-in form is held back the same way
        io.restassured.response.Response form = given().port(port).get("/login");
        String csrf = form.htmlPath().getString("**.find { it.@name == '_csrf' }.@value");
        given().port(port).redirects().follow(false).cookie("JSESSIONID", form.cookie("JSESSIONID"))
                .contentType(ContentType.URLENC).formParam("username", m.username())
                .formParam("password", PASSWORD + "x").formParam("_csrf", csrf)
                .post("/login").then().statusCode(302).header("Location", org.hamcrest.Matchers.endsWith("/login?error"));
        // a token issued before stays valid: the lock holds back sign-ins, not the account's work
        m.api().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void refusesUnknownOrRevokedTokensAndWrongPasswords() {
        anonymous.request().header("Authorization", "Bearer hmbd_nope").get("/api/v1/me").then().statusCode(401)
                .body("code", equalTo("invalid-token"));
        given().port(port).contentType(ContentType.JSON)
                .body(Api.json(Map.of("username", "admin", "password", "wrong-password-1")))
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-credentials"));
        given().port(port).contentType(ContentType.JSON)
                .body(Api.json(Map.of("username", "nobody-" + unique(), "password", "wrong-password-1")))
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-credentials"));

        String token = Api.signIn(port, "admin", ADMIN_PASSWORD);
        Api api = new Api(port, token);
        api.get("/api/v1/me").then().statusCode(200).body("username", equalTo("admin"));
        api.post("/api/v1/auth/logout", Map.of()).then().statusCode(204);
        api.get("/api/v1/me").then().statusCode(401).body("code", equalTo("invalid-token"));
    }

    @Test
    void aNewAccountMustChangeItsPasswordBeforeAnythingElse() {
        long org = organization("COUNTY", "350102");
        String username = "new" + unique();
        admin.post("/api/v1/users", Identities.account(Map.of("username", username, "displayName", "张三",
                        "organizationId", org)))
                .then().statusCode(201).body("oneTimePassword", notNullValue());
        String oneTime = admin.get("/api/v1/users?organizationId={o}", org).then().statusCode(200)
                .extract().path("items[0].username");
        assertThat(oneTime).isEqualTo(username);

        long org2 = organization("COUNTY", "350103");
        Map<String, Object> created = admin.post("/api/v1/users", Identities.account(Map.of("username", "x" + unique(),
                        "displayName", "李四", "organizationId", org2))).then().statusCode(201)
                .extract().jsonPath().getMap("$");
        String user = (String) ((Map<?, ?>) created.get("user")).get("username");
        String password = (String) created.get("oneTimePassword");
        Api first = new Api(port, given().port(port).contentType(ContentType.JSON)
                .body(Api.json(Map.of("username", user, "password", password))).post("/api/v1/auth/token")
                .then().statusCode(200).body("passwordChangeRequired", equalTo(true)).extract().path("token"));
        first.get("/api/v1/proposals").then().statusCode(403).body("code", equalTo("password-change-required"));
        first.get("/api/v1/me").then().statusCode(200);
        first.post("/api/v1/auth/password", Map.of("currentPassword", password, "newPassword", "short"))
                .then().statusCode(400).body("field", equalTo("newPassword"));
        first.post("/api/v1/auth/password", Map.of("currentPassword", "wrong", "newPassword", "Long-enough-1"))
                .then().statusCode(400).body("field", equalTo("currentPassword"));
        first.post("/api/v1/auth/password", Map.of("currentPassword", password, "newPassword", "Long-enough-1"))
                .then().statusCode(204);
        // the change ended the token it was made with (issue 13: tokens issued before a password change)
        first.get("/api/v1/proposals").then().statusCode(401).body("code", equalTo("invalid-token"));
        new Api(port, Api.signIn(port, user, "Long-enough-1")).get("/api/v1/proposals").then().statusCode(200);
    }

    @Test
    void onlyTheNationalAdministrationManagesAccountsAndCategories() {
        Member someone = member(organization("INSTITUTION", "110105"));
        someone.api().post("/api/v1/organizations", Map.of("nameZh", "x" + unique(), "kind", "ENTERPRISE",
                "level", "INSTITUTION", "regionCode", "110105")).then().statusCode(403).body("code", equalTo("forbidden"));
        someone.api().post("/api/v1/users", Map.of("username", "y" + unique(), "displayName", "y",
                "organizationId", 1)).then().statusCode(403);
        someone.api().get("/api/v1/users").then().statusCode(403);
        someone.api().get("/api/v1/audit-events").then().statusCode(403);
        someone.api().post("/api/v1/categories", Map.of("code", "X" + System.nanoTime() % 100000, "nameZh", "x",
                "nameEn", "x")).then().statusCode(403);
        someone.api().get("/api/v1/users/{id}", someone.id()).then().statusCode(200);
        someone.api().get("/api/v1/users/{id}", 1).then().statusCode(403);

        String code = "HEALTH_INFO_" + (System.nanoTime() % 100000);
        standards.post("/api/v1/categories", Map.of("code", code, "parentCode", "TECHNICAL", "nameZh", "健康信息",
                "nameEn", "Health information")).then().statusCode(201).body("parentCode", equalTo("TECHNICAL"));
        standards.put("/api/v1/categories/{code}", Map.of("parentCode", code, "nameZh", "技术类标准",
                "nameEn", "Technical"), "TECHNICAL").then().statusCode(400).body("field", equalTo("parentCode"));
        anonymous.get("/api/v1/categories/TECHNICAL").then().statusCode(200)
                .body("children.code", hasItem(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NATIONAL:350000", "PROVINCE:350100", "COUNTY:990101", "INSTITUTION:12345"})
    void refusesRegionCodesThatDoNotFitTheLevel(String levelAndCode) {
        String[] parts = levelAndCode.split(":");
        admin.post("/api/v1/organizations", Map.of("nameZh", "机构" + unique(), "kind", "HEALTHCARE_INSTITUTION",
                "level", parts[0], "regionCode", parts[1])).then().statusCode(400)
                .body("field", equalTo("regionCode"));
    }

    @Test
    void badRequestsGetProblemsNeverAServerError() {
        admin.get("/api/v1/proposals/not-a-number").then().statusCode(400).body("field", equalTo("id"));
        admin.get("/api/v1/proposals/987654321").then().statusCode(404).body("code", equalTo("not-found"));
        admin.get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        admin.get("/api/v1/proposals?size=500").then().statusCode(400).body("field", equalTo("size"));
        admin.get("/api/v1/proposals?page=-1").then().statusCode(400).body("field", equalTo("page"))
                .body("reason", equalTo("between"));
        // a page whose offset would not fit used to overflow into a server error
        for (String list : List.of("/api/v1/proposals", "/api/v1/standards", "/api/v1/conformance/runs",
                "/api/v1/audit-events", "/api/v1/organizations")) {
            (list.contains("audit") ? auditor() : admin).get(list + "?page=2147483647&size=200").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("page"));
        }
        admin.get("/api/v1/proposals?page=10737418&size=200").then().statusCode(200).body("items", hasSize(0));
        admin.request().contentType(ContentType.JSON).body("{\"kind\": ").post("/api/v1/proposals").then()
                .statusCode(400).body("code", equalTo("malformed-request"));
        admin.request().contentType(ContentType.JSON).body("[1,2]").post("/api/v1/proposals").then()
                .statusCode(400).body("code", equalTo("malformed-request"));
        admin.request().contentType(ContentType.TEXT).body("hello").post("/api/v1/proposals").then()
                .statusCode(415).body("code", equalTo("unsupported-media-type"));
        admin.request().delete("/api/v1/proposals").then().statusCode(405).body("code", equalTo("method-not-allowed"));
        admin.post("/api/v1/editions/{id}/transitions", Map.of("to", "PUBLISHED"), 987654321).then()
                .statusCode(404);
        admin.post("/api/v1/proposals", Map.of("kind", "NEW", "titleZh", "x".repeat(301))).then().statusCode(400)
                .body("field", equalTo("titleZh"));
        admin.post("/api/v1/proposals", Map.of("kind", "NEW", "titleZh", "a\u0000b")).then().statusCode(400)
                .body("field", equalTo("titleZh"));
        standards.request().contentType(ContentType.JSON).body("{\"year\":\"abc\"}")
                .post("/api/v1/proposals/{id}/accept", 1).then().statusCode(400);
    }

    @Test
    void everyWriteIsAuditedIncludingRefusals() {
        String ghost = "ghost" + unique();
        given().port(port).contentType(ContentType.JSON)
                .body(Api.json(Map.of("username", ghost, "password", "Wrong-passw0rd")))
                .post("/api/v1/auth/token").then().statusCode(401);
        // a made-up name is never written to the audit trail: the attempt is recorded, anonymously
        auditor().get("/api/v1/audit-events?actorName={a}", ghost).then().statusCode(200).body("items", hasSize(0));
        auditor().get("/api/v1/audit-events?actorName=anonymous&action=auth/token&outcome=FAILURE").then().statusCode(200)
                .body("items[0].outcome", equalTo("FAILURE")).body("items[0].detail", equalTo("invalid-credentials"));
        Member m = member(organization("INSTITUTION", "440106"));
        given().port(port).contentType(ContentType.JSON)
                .body(Api.json(Map.of("username", m.username().toUpperCase(), "password", "Wrong-passw0rd")))
                .post("/api/v1/auth/token").then().statusCode(401);
        auditor().get("/api/v1/audit-events?actorName={a}&action=auth/token", m.username()).then().statusCode(200)
                .body("items[0].outcome", equalTo("FAILURE")).body("items[0].detail", equalTo("invalid-credentials"));
        m.api().post("/api/v1/organizations", Map.of("nameZh", "x")).then().statusCode(403);
        long org = organization("INSTITUTION", "440106");

        // traceable to the responsible person: account id, masked real name, organization (Art. 23)
        auditor().get("/api/v1/audit-events?actorName={a}&action=organizations", m.username()).then().statusCode(200)
                .body("items[0].status", equalTo(403)).body("items[0].detail", equalTo("forbidden"))
                .body("items[0].actorId", equalTo((int) m.id())).body("items[0].actorNameMasked", equalTo("测试**"))
                .body("items[0].organizationId", notNullValue());
        auditor().get("/api/v1/audit-events?target={t}", "/api/v1/organizations/" + org).then().statusCode(200)
                .body("items[0].actor", equalTo("admin")).body("items[0].outcome", equalTo("SUCCESS"))
                .body("items[0].action", startsWith("POST /api/v1/organizations"));
        anonymous.post("/api/v1/proposals", Map.of()).then().statusCode(401);
        // the refusal's audit row may be committed just after the response: wait for it to be the newest
        Poll.until("the anonymous refusal audited", java.time.Duration.ofSeconds(10),
                () -> auditor().get("/api/v1/audit-events?actorName=anonymous&action=proposals").then()
                        .statusCode(200).extract().jsonPath().getInt("items[0].status"), status -> status == 401);
    }

    @Test
    void historyAndAuditRowsCannotBeChangedOrDeleted() {
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .rootCause().hasMessageContaining("append-only");
        for (String table : List.of("edition_transition", "proposal_transition", "artifact_revision",
                "conformance_run_transition", "effectiveness_evaluation")) {
            // refused whether or not any row matches: statement-level triggers
            assertThatThrownBy(() -> jdbc.sql("delete from " + table).update())
                    .as(table).rootCause().hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("update " + table + " set id = id where id < 0").update())
                    .as(table).rootCause().hasMessageContaining("append-only");
        }
        // TRUNCATE fires no row trigger: statement-level triggers refuse it
        for (String table : List.of("audit_event", "audit_chain_head", "edition_transition", "proposal_transition",
                "artifact_revision", "conformance_run_transition", "effectiveness_evaluation")) {
            assertThatThrownBy(() -> jdbc.sql("truncate " + table + " cascade").update())
                    .as(table).rootCause().hasMessageContaining("append-only");
        }
        auditor().get("/api/v1/audit-events/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void onlyTheAuditAdministratorReadsExportsAndVerifiesTheAuditTrailAndEachReadIsRecorded() {
        admin.get("/api/v1/audit-events").then().statusCode(403).body("code", equalTo("forbidden"));
        admin.get("/api/v1/audit-events/verification").then().statusCode(403);
        admin.get("/api/v1/audit-events/export").then().statusCode(403);
        Api auditor = auditor();
        auditor.get("/api/v1/audit-events/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("problem", org.hamcrest.Matchers.nullValue())
                .body("summary", startsWith("The audit chain is intact"));
        String csv = auditor.get("/api/v1/audit-events/export?format=csv&action={a}", "POST /api/v1/users").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("\uFEFFid,seq,at,actor,action,target,outcome,status,detail,client_ip,hash\r\n")
                .contains("POST /api/v1/users");
        String ndjson = auditor.get("/api/v1/audit-events/export?format=ndjson&action={a}", "POST /api/v1/users").then().statusCode(200)
                .extract().asString();
        assertThat(ndjson.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"id\":")
                .contains("\"action\":\"POST /api/v1/users"));
        auditor.get("/api/v1/audit-events/export?format=xlsx").then().statusCode(400).body("field", equalTo("format"));
        auditor.get("/api/v1/audit-events?action=audit-events/export").then().statusCode(200)
                .body("items[0].action", equalTo("GET /api/v1/audit-events/export"));
        // and nothing else
        auditor.post("/api/v1/organizations", Map.of("nameZh", "x", "kind", "OTHER", "level", "INSTITUTION",
                "regionCode", "110101")).then().statusCode(403);
        auditor.get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void readsOfFindingsReportsAndPersonalFieldsAndValidateCallsAreAudited() {
        Member m = member(organization("INSTITUTION", "350102"));
        m.api().get("/api/v1/me").then().statusCode(200);
        admin.get("/api/v1/users/{id}", m.id()).then().statusCode(200);
        m.api().request().contentType("application/fhir+json").body("{\"resourceType\":\"Patient\"}")
                .post("/fhir/Patient/$validate").then().statusCode(200);
        m.api().get("/api/v1/conformance/runs/{id}/findings", 987654321).then().statusCode(404);
        Api auditor = auditor();
        auditor.get("/api/v1/audit-events?actorName={a}&action=GET /api/v1/me", m.username()).then().statusCode(200)
                .body("items[0].outcome", equalTo("SUCCESS"));
        auditor.get("/api/v1/audit-events?actorName=admin&target={t}", "/api/v1/users/" + m.id()).then()
                .statusCode(200).body("items[0].action", equalTo("GET /api/v1/users/{id}"));
        auditor.get("/api/v1/audit-events?actorName={a}&action=validate", m.username()).then().statusCode(200)
                .body("items[0].status", equalTo(200));
        auditor.get("/api/v1/audit-events?actorName={a}&action=findings", m.username()).then().statusCode(200)
                .body("items[0].status", equalTo(404));
        // an anonymous terminology call is a read: not audited (it would let anyone fill the trail)
        long before = auditor.get("/api/v1/audit-events?actorName=anonymous&size=1").then().extract().jsonPath()
                .getLong("total");
        given().port(port).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"url\",\"valueUri\":\"http://x\"}]}")
                .post("/fhir/ValueSet/$expand");
        assertThat(auditor.get("/api/v1/audit-events?actorName=anonymous&size=1").then().extract().jsonPath()
                .getLong("total")).isEqualTo(before);
    }

    @Test
    void aProvincialAuditAdministratorReadsTheRecordsOfItsProvincesAccountsOnly() {
        long fj = organization("PROVINCE", "350000");
        long zj = organization("PROVINCE", "330000");
        Member fjMember = member(organization("INSTITUTION", "350102", fj));
        Member zjMember = member(organization("INSTITUTION", "330102", zj));
        fjMember.api().get("/api/v1/me").then().statusCode(200);
        zjMember.api().get("/api/v1/me").then().statusCode(200);
        Api fjAuditor = member(fj, "AUDIT_ADMIN").api();
        List<String> actors = fjAuditor.get("/api/v1/audit-events?size=200").then().statusCode(200).extract()
                .jsonPath().getList("items.actor", String.class);
        assertThat(actors).contains(fjMember.username()).doesNotContain(zjMember.username(), "admin", "anonymous");
        String export = fjAuditor.get("/api/v1/audit-events/export?format=ndjson").then().statusCode(200).extract()
                .asString();
        assertThat(export).contains(fjMember.username()).doesNotContain(zjMember.username());
        assertThat(auditor().get("/api/v1/audit-events?actorName={a}", zjMember.username()).then().extract()
                .jsonPath().getList("items")).isNotEmpty();
    }
}
