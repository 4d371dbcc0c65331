package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real-name accounts: registration, verification, the account state machine, identity at rest. */
class AccountsIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;

    private Map<String, Object> registration(String username, String idNumber, long org) {
        Map<String, Object> m = new HashMap<>();
        m.put("username", username);
        m.put("displayName", "小明");
        m.put("organizationId", org);
        m.put("password", "Citizen-Passw0rd-1");
        m.put("realName", "王小明");
        m.put("idNumber", idNumber);
        return m;
    }

    private io.restassured.response.Response signIn(String username, String password) {
        return given().port(port).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Api.json(Map.of("username", username, "password", password))).post("/api/v1/auth/token");
    }

    @Test
    void anyoneRegistersAndSignsInOnceAnAdministratorHasVerifiedTheIdentity() {
        long org = organization("INSTITUTION", "350102");
        String id = Identities.residentId();
        String username = "citizen" + unique();
        String body = anonymous.post("/api/v1/registrations", registration(username, id, org)).then().statusCode(201)
                .body("status", equalTo("PENDING_VERIFICATION")).body("roles", hasSize(0))
                .body("realNameMasked", equalTo("王**")).body("idKind", equalTo("RESIDENT_ID_CARD"))
                .body("idNumberMasked", equalTo(id.substring(0, 3) + "***********" + id.substring(14)))
                .extract().asString();
        assertThat(body).doesNotContain(id).doesNotContain("王小明\",\"idKind");
        long userId = new io.restassured.path.json.JsonPath(body).getLong("id");

        signIn(username, "Citizen-Passw0rd-1").then().statusCode(403).body("reason", equalTo("account-pending-verification"));
        signIn(username, "wrong-Passw0rd-1").then().statusCode(401).body("code", equalTo("invalid-credentials"));

        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "ACTIVE"), userId).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        Api citizen = new Api(port, signIn(username, "Citizen-Passw0rd-1").then().statusCode(200)
                .body("passwordChangeRequired", equalTo(false)).extract().path("token"));
        citizen.get("/api/v1/me").then().statusCode(200).body("idNumberMasked", equalTo(
                id.substring(0, 3) + "***********" + id.substring(14)));
        citizen.get("/api/v1/users/{id}/history", userId).then().statusCode(200)
                .body("to", equalTo(List.of("PENDING_VERIFICATION", "ACTIVE")))
                .body("actor", equalTo(List.of(username, "admin")));
    }

    @Test
    void identityNumbersAreCheckedAndBindOneAccountEach() {
        long org = organization("INSTITUTION", "350102");
        String id = Identities.residentId();
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        anonymous.post("/api/v1/registrations", registration("c" + unique(), id.substring(0, 17) + wrong, org))
                .then().statusCode(400).body("field", equalTo("idNumber")).body("reason", equalTo("id-number-check"));
        // a birth date that does not exist, with a right check character
        anonymous.post("/api/v1/registrations", registration("c" + unique(), Identities.withCheck("11010119990230123"), org))
                .then().statusCode(400).body("reason", equalTo("id-number-check"));
        Map<String, Object> passport = registration("c" + unique(), "e12345678", org);
        passport.put("idKind", "PASSPORT");
        anonymous.post("/api/v1/registrations", passport).then().statusCode(201)
                .body("idKind", equalTo("PASSPORT")).body("idNumberMasked", equalTo("E******78"));

        anonymous.post("/api/v1/registrations", registration("c" + unique(), id, org)).then().statusCode(201);
        String again = anonymous.post("/api/v1/registrations", registration("c" + unique(), id.toLowerCase(), org))
                .then().statusCode(409).body("reason", equalTo("identity-taken")).extract().asString();
        assertThat(again).doesNotContain(id);
        anonymous.post("/api/v1/registrations", Map.of("username", "c" + unique(), "displayName", "x",
                "organizationId", org, "password", "Citizen-Passw0rd-1", "idNumber", id)).then().statusCode(400)
                .body("field", equalTo("realName"));
    }

    @Test
    void aLockedOrDisabledAccountNeitherSignsInNorUsesItsTokens() {
        Member m = member(organization("INSTITUTION", "350103"));
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED"), m.id()).then().statusCode(400)
                .body("field", equalTo("reason"));
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED", "reason", "可疑的批量下载"), m.id())
                .then().statusCode(200).body("status", equalTo("LOCKED"))
                .body("allowedTransitions", equalTo(List.of("ACTIVE", "DISABLED")));
        m.api().get("/api/v1/me").then().statusCode(401);
        signIn(m.username(), PASSWORD + "x").then().statusCode(403).body("reason", equalTo("account-locked"));
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "PENDING_VERIFICATION"), m.id()).then()
                .statusCode(409).body("code", equalTo("illegal-transition"));
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "ACTIVE"), m.id()).then().statusCode(200);
        signIn(m.username(), PASSWORD + "x").then().statusCode(200);
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "DISABLED", "reason", "离职"), m.id()).then()
                .statusCode(200);
        signIn(m.username(), PASSWORD + "x").then().statusCode(403).body("reason", equalTo("account-disabled"));
        admin.get("/api/v1/users/{id}/history", m.id()).then().statusCode(200)
                .body("to", equalTo(List.of("ACTIVE", "LOCKED", "ACTIVE", "DISABLED")))
                .body("reason[1]", equalTo("可疑的批量下载"));
    }

    @Test
    void onlyAnAdministratorMovesAccountsAndNeverTheirOwn() {
        Member m = member(organization("INSTITUTION", "350104"));
        Member other = member(organization("INSTITUTION", "350104"));
        m.api().post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED", "reason", "x"), other.id()).then()
                .statusCode(403);
        long adminId = admin.get("/api/v1/me").then().extract().jsonPath().getLong("id");
        admin.post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED", "reason", "x"), adminId).then()
                .statusCode(403).body("reason", equalTo("own-account"));
        m.api().get("/api/v1/users/{id}/history", other.id()).then().statusCode(403);
    }

    @Test
    void theDatabaseHoldsNoIdentityInClear() {
        long org = organization("INSTITUTION", "350105");
        String id = Identities.residentId();
        String username = "clear" + unique();
        anonymous.post("/api/v1/registrations", registration(username, id, org)).then().statusCode(201);
        Map<String, Object> row = jdbc.sql("select * from app_user where username = ?").param(username).query()
                .singleRow();
        StringBuilder everything = new StringBuilder();
        row.forEach((k, v) -> everything.append(v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                : String.valueOf(v)).append('|'));
        assertThat(everything.toString()).doesNotContain(id).doesNotContain(id.substring(6, 14)).doesNotContain("王小明");
        assertThat((String) row.get("id_number_hmac")).matches("[0-9a-f]{64}");
        assertThat(((byte[]) row.get("id_number_enc")).length).isGreaterThan(12 + 16);
    }
}
