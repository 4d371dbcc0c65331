package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hierarchical authorization (issue 13): organizations form the administrative tree; a role reaches
 * the subtree of its account's organization only.
 */
class HierarchyIT extends ConformanceSupport {


    @Test
    void organizationsArePlacedUnderAParentOfAHigherLevelWhoseRegionHoldsTheirs() {
        long fj = organization("PROVINCE", "350000");
        admin.get("/api/v1/organizations/{id}", fj).then().body("parentId", equalTo((int) root()));
        long fuzhou = organization("PREFECTURE", "350100", fj);
        long gulou = organization("COUNTY", "350102", fuzhou);
        long hospital = organization("INSTITUTION", "350102", gulou);
        admin.post("/api/v1/organizations", Map.of("nameZh", "错层 " + unique(), "kind", "HEALTH_ADMINISTRATION",
                        "level", "COUNTY", "regionCode", "350102", "parentId", hospital)).then().statusCode(400)
                .body("field", equalTo("parentId")).body("reason", equalTo("parent-level"));
        admin.post("/api/v1/organizations", Map.of("nameZh", "错区 " + unique(), "kind", "HEALTH_ADMINISTRATION",
                        "level", "PREFECTURE", "regionCode", "330100", "parentId", fj)).then().statusCode(400)
                .body("reason", equalTo("parent-region"));
        admin.post("/api/v1/organizations", Map.of("nameZh", "无上级 " + unique(), "kind", "HEALTH_ADMINISTRATION",
                        "level", "COUNTY", "regionCode", "350102", "parentId", 987654321)).then().statusCode(400)
                .body("reason", equalTo("unknown-organization"));
    }

    @Test
    void anOrganizationAdministratorManagesItsSubtreeAndNothingElse() {
        long fj = organization("PROVINCE", "350000");
        long fuzhou = organization("PREFECTURE", "350100", fj);
        long hospital = organization("INSTITUTION", "350102", fuzhou);
        long zj = organization("PROVINCE", "330000");
        long zjHospital = organization("INSTITUTION", "330102", zj);
        Api fjAdmin = member(fj, "ORG_ADMIN").api();

        // organizations below it
        fjAdmin.post("/api/v1/organizations", Map.of("nameZh", "鼓楼区卫健局 " + unique(), "kind",
                "HEALTH_ADMINISTRATION", "level", "COUNTY", "regionCode", "350102", "parentId", fuzhou))
                .then().statusCode(201);
        fjAdmin.post("/api/v1/organizations", Map.of("nameZh", "西湖区卫健局 " + unique(), "kind",
                        "HEALTH_ADMINISTRATION", "level", "COUNTY", "regionCode", "330106", "parentId", zj))
                .then().statusCode(403).body("reason", equalTo("outside-subtree"));

        // accounts below it, with the roles it may grant
        long submitter = fjAdmin.post("/api/v1/users", Identities.account(Map.of("username", "fj" + unique(),
                        "displayName", "林", "organizationId", hospital, "roles", List.of("SUBMITTER"),
                        "initialPassword", PASSWORD))).then().statusCode(201).extract().jsonPath().getLong("user.id");
        fjAdmin.post("/api/v1/users", Identities.account(Map.of("username", "zj" + unique(), "displayName", "周",
                "organizationId", zjHospital, "initialPassword", PASSWORD))).then().statusCode(403)
                .body("reason", equalTo("outside-subtree"));
        for (String role : List.of("EXPERT", "STANDARDS_ADMIN", "AUDIT_ADMIN", "SYSTEM_ADMIN", "SECURITY_ADMIN")) {
            fjAdmin.post("/api/v1/users", Identities.account(Map.of("username", "r" + unique(), "displayName", "郑",
                            "organizationId", hospital, "roles", List.of(role), "initialPassword", PASSWORD)))
                    .then().statusCode(403).body("reason", equalTo("role-not-grantable"));
        }
        long outsider = member(zjHospital).id();
        List<Long> listed = fjAdmin.get("/api/v1/users?size=200").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
        assertThat(listed).contains(submitter).doesNotContain(outsider);
        fjAdmin.get("/api/v1/users/{id}", outsider).then().statusCode(403);
        fjAdmin.get("/api/v1/users/{id}", submitter).then().statusCode(200);

        // registrations are verified by an administrator over the account's organization
        long inside = register(hospital);
        long outside = register(zjHospital);
        fjAdmin.post("/api/v1/users/{id}/transitions", Map.of("to", "ACTIVE"), outside).then().statusCode(403)
                .body("reason", equalTo("outside-subtree"));
        fjAdmin.post("/api/v1/users/{id}/transitions", Map.of("to", "ACTIVE"), inside).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        // an account with no administrator role manages nothing
        Member plain = member(fj);
        plain.api().post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED", "reason", "x"), submitter).then()
                .statusCode(403);
        plain.api().get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void aSupervisorSeesItsOwnSubtreeNotTheWholeRegionCode() {
        long edition = sampleEdition();
        long fj = organization("PROVINCE", "350000");
        long gulou = organization("COUNTY", "350102", fj);
        long hospitalA = organization("INSTITUTION", "350102", gulou);
        long hospitalB = organization("INSTITUTION", "350102", gulou);
        Member submitterA = member(hospitalA, "SUBMITTER");
        long run = submitterA.api().post("/api/v1/conformance/runs", Map.of("editionId", edition)).then()
                .statusCode(201).extract().jsonPath().getLong("id");

        member(gulou, "SUPERVISOR").api().get("/api/v1/conformance/runs/{id}", run).then().statusCode(200);
        member(fj, "SUPERVISOR").api().get("/api/v1/conformance/runs/{id}", run).then().statusCode(200);
        // a supervisor at a neighbouring hospital of the same county used to see the whole county
        member(hospitalB, "SUPERVISOR").api().get("/api/v1/conformance/runs/{id}", run).then().statusCode(404);
        // and one at any national-level body used to see everything
        long nationalBody = organization("NATIONAL", "100000");
        member(nationalBody, "SUPERVISOR").api().get("/api/v1/conformance/runs/{id}", run).then().statusCode(404);
    }

    private long register(long org) {
        return anonymous.post("/api/v1/registrations", Map.of("username", "reg" + unique(), "displayName", "注册",
                        "organizationId", org, "password", "Citizen-Passw0rd-1", "realName", "注册人",
                        "idNumber", Identities.residentId()))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
