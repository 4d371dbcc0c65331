package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The system, security and audit administrators are three roles, each held alone, apart from the
 * standards roles (issue 13, GB/T 22239-2019 level 3): each does its own work and nothing else.
 */
class SeparationOfDutiesIT extends RegistryIT {

    private static Map<String, Object> roles(List<String> roles) {
        return Map.of("roles", roles, "reason", "职责分离 separation of duties");
    }

    @Test
    void theServerStartsWithASystemAndASecurityAdministratorEachHoldingOneRole() {
        admin.get("/api/v1/me").then().statusCode(200).body("roles", contains("SYSTEM_ADMIN"));
        security.get("/api/v1/me").then().statusCode(200).body("roles", contains("SECURITY_ADMIN"));
    }

    @Test
    void anAdministratorRoleIsHeldAloneAndNoStandardsRoleGoesWithAccountManagement() {
        long account = member(root()).id();
        long institutionAccount = member(organization("INSTITUTION", "110102")).id();
        for (List<String> together : List.of(List.of("AUDIT_ADMIN", "SUPERVISOR"), List.of("SYSTEM_ADMIN", "SECURITY_ADMIN"),
                List.of("SECURITY_ADMIN", "STANDARDS_ADMIN"), List.of("SYSTEM_ADMIN", "EXPERT"),
                List.of("AUDIT_ADMIN", "SYSTEM_ADMIN"), List.of("ORG_ADMIN", "EXPERT"),
                List.of("ORG_ADMIN", "STANDARDS_ADMIN"))) {
            security.put("/api/v1/users/{id}/roles", roles(together), account).then().statusCode(400)
                    .body("field", equalTo("roles")).body("reason", equalTo("roles-separated"));
        }
        // the national roles belong to the root of the tree
        for (String national : List.of("SYSTEM_ADMIN", "SECURITY_ADMIN", "STANDARDS_ADMIN")) {
            security.put("/api/v1/users/{id}/roles", roles(List.of(national)), institutionAccount).then()
                    .statusCode(400).body("reason", equalTo("role-national"));
        }
        security.get("/api/v1/users/{id}", account).then().body("roles", equalTo(List.of()));
        security.put("/api/v1/users/{id}/roles", roles(List.of("STANDARDS_ADMIN", "SUPERVISOR")), account).then()
                .statusCode(200).body("roles", containsInAnyOrder("STANDARDS_ADMIN", "SUPERVISOR"));
    }

    @Test
    void theSystemAdministratorManagesAccountsButGrantsNoRole() {
        long hospital = organization("INSTITUTION", "350102");
        admin.post("/api/v1/users", Identities.account(Map.of("username", "g" + unique(), "displayName", "王",
                        "organizationId", hospital, "roles", List.of("SUBMITTER"), "initialPassword", PASSWORD)))
                .then().statusCode(403).body("reason", equalTo("role-not-grantable"));
        Member m = member(hospital);
        admin.put("/api/v1/users/{id}/roles", roles(List.of("SUBMITTER")), m.id()).then().statusCode(403)
                .body("code", equalTo("forbidden"));
        // nor does it read the trail or act on standards
        admin.get("/api/v1/audit-events").then().statusCode(403);
        admin.post("/api/v1/categories", Map.of("code", "SOD" + System.nanoTime() % 100000, "nameZh", "x",
                "nameEn", "x")).then().statusCode(403);
        admin.get("/api/v1/security-events").then().statusCode(403);
    }

    @Test
    void theSecurityAdministratorGrantsRolesButCreatesOrLocksNoAccount() {
        long hospital = organization("INSTITUTION", "350102");
        security.post("/api/v1/users", Identities.account(Map.of("username", "s" + unique(), "displayName", "陈",
                "organizationId", hospital, "initialPassword", PASSWORD))).then().statusCode(403);
        security.post("/api/v1/organizations", Map.of("nameZh", "安全员建的 " + unique(), "kind", "OTHER",
                "level", "INSTITUTION", "regionCode", "350102")).then().statusCode(403);
        Member m = member(hospital);
        security.post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED", "reason", "x"), m.id()).then()
                .statusCode(403);
        security.get("/api/v1/audit-events").then().statusCode(403);
        security.get("/api/v1/security-events").then().statusCode(200);

        // a reason for every change, recorded with who and when
        security.put("/api/v1/users/{id}/roles", Map.of("roles", List.of("SUBMITTER")), m.id()).then()
                .statusCode(400).body("field", equalTo("reason"));
        security.put("/api/v1/users/{id}/roles", Map.of("roles", List.of("SUBMITTER", "SUPERVISOR"),
                "reason", "负责本院数据上报"), m.id()).then().statusCode(200);
        security.put("/api/v1/users/{id}/roles", Map.of("roles", List.of("SUBMITTER"), "reason", "岗位调整"), m.id())
                .then().statusCode(200).body("roles", contains("SUBMITTER"));
        security.get("/api/v1/users/{id}/role-history", m.id()).then().statusCode(200)
                .body("role", contains("SUBMITTER", "SUPERVISOR", "SUPERVISOR"))
                .body("granted", contains(true, true, false))
                .body("reason", contains("负责本院数据上报", "负责本院数据上报", "岗位调整"))
                .body("actor", contains("security", "security", "security"));
        admin.get("/api/v1/users/{id}/role-history", m.id()).then().statusCode(200);
        m.api().get("/api/v1/users/{id}/role-history", m.id()).then().statusCode(200);

        // never its own roles
        long self = security.get("/api/v1/me").then().extract().jsonPath().getLong("id");
        security.put("/api/v1/users/{id}/roles", roles(List.of("SECURITY_ADMIN", "AUDIT_ADMIN")), self).then()
                .statusCode(403).body("reason", equalTo("own-account"));
    }

    @Test
    void theStandardsAdministratorActsOnStandardsOnly() {
        standards.post("/api/v1/organizations", Map.of("nameZh", "标准管理员建的 " + unique(), "kind", "OTHER",
                "level", "INSTITUTION", "regionCode", "350102")).then().statusCode(403);
        standards.get("/api/v1/users").then().statusCode(403);
        standards.get("/api/v1/audit-events").then().statusCode(403);
        standards.get("/api/v1/catalog/index").then().statusCode(403);
        standards.post("/api/v1/categories", Map.of("code", "SOD" + System.nanoTime() % 100000, "parentCode",
                "TECHNICAL", "nameZh", "职责分离", "nameEn", "Separation")).then().statusCode(201);
    }

    @Test
    void aRoleGrantedOrWithdrawnAppliesToTheTokensAndSessionsAlreadyOpen() {
        Member m = member(root());
        String session = formSession(m.username(), PASSWORD + "x");
        m.api().get("/api/v1/users").then().statusCode(403);
        given().port(port).cookie("JSESSIONID", session).get("/api/v1/users").then().statusCode(403);

        security.put("/api/v1/users/{id}/roles", roles(List.of("ORG_ADMIN")), m.id()).then().statusCode(200);
        m.api().get("/api/v1/users").then().statusCode(200);
        given().port(port).cookie("JSESSIONID", session).get("/api/v1/users").then().statusCode(200);

        security.put("/api/v1/users/{id}/roles", roles(List.of()), m.id()).then().statusCode(200);
        m.api().get("/api/v1/users").then().statusCode(403);
        given().port(port).cookie("JSESSIONID", session).get("/api/v1/users").then().statusCode(403);
    }
}
