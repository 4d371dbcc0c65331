package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole life of a standard through HTTP: proposal, work plan, drafting, public comment with
 * dispositions, expert review, publication, revision and supersession, abolition; with the
 * refusals for the wrong party and for bad input at each step.
 */
class LifecycleJourneyIT extends RegistryIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcClient jdbc;

    Member lead;
    Member drafter;
    Member expert;
    Member citizen;
    Member outsider;

    void people() {
        long province = organization("PROVINCE", "350000");
        long hospital = organization("INSTITUTION", "350102");
        lead = member(province);
        drafter = member(hospital);
        expert = member(province, "EXPERT");
        citizen = member(hospital);
        outsider = member(hospital);
    }

    Map<String, Object> proposal(String kind, Long target) {
        Map<String, Object> p = new HashMap<>(Map.of("kind", kind, "titleZh", "电子病历共享文档规范 " + unique(),
                "titleEn", "EMR shared documents", "category", "DATA_SET", "intendedLevel", "WS",
                "scope", "适用于医疗机构电子病历共享。", "rationale", "统一数据交换。",
                "proposingOrganization", "某市第一人民医院"));
        if (target != null) {
            p.put("targetStandardId", target);
        }
        return p;
    }

    Map<String, Object> accept(Long leadUserId) {
        Map<String, Object> a = new HashMap<>(Map.of("year", TODAY.getYear(), "leadOrganizationId",
                organization("PROVINCE", "320000"), "dueDate", TODAY.plusMonths(6).toString()));
        if (leadUserId != null) {
            a.put("leadUserId", leadUserId);
        }
        return a;
    }

    JsonPath planItem(long proposalId) {
        List<Map<String, Object>> items = standards.get("/api/v1/work-plan?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Object> item = items.stream()
                .filter(i -> ((Number) i.get("proposalId")).longValue() == proposalId).findFirst().orElseThrow();
        return new JsonPath(Api.json(item));
    }

    static String number() {
        return "WS/T " + ThreadLocalRandom.current().nextInt(10000, 99999);
    }

    @Test
    void aStandardGoesFromProposalToPublicationRevisionAndAbolition() {
        people();

        // --- proposal (Art. 9) -------------------------------------------------------------
        anonymous.post("/api/v1/proposals", proposal("NEW", null)).then().statusCode(401)
                .body("code", equalTo("unauthenticated"));
        Map<String, Object> noScope = proposal("NEW", null);
        noScope.remove("scope");
        citizen.api().post("/api/v1/proposals", noScope).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation-failed"))
                .body("field", equalTo("scope"));
        Map<String, Object> badCategory = proposal("NEW", null);
        badCategory.put("category", "NO_SUCH");
        citizen.api().post("/api/v1/proposals", badCategory).then().statusCode(400).body("field", equalTo("category"));
        citizen.api().post("/api/v1/proposals", proposal("REPLACE", null)).then().statusCode(400)
                .body("field", equalTo("kind"));

        long proposalId = citizen.api().post("/api/v1/proposals", proposal("NEW", null)).then().statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("allowedTransitions", contains("ACCEPTED", "REJECTED", "WITHDRAWN"))
                .extract().jsonPath().getLong("id");

        // --- work plan (Art. 8) --------------------------------------------------------------
        citizen.api().post("/api/v1/proposals/{id}/accept", accept(lead.id()), proposalId).then().statusCode(403)
                .body("code", equalTo("forbidden"));
        Map<String, Object> noDue = accept(lead.id());
        noDue.remove("dueDate");
        standards.post("/api/v1/proposals/{id}/accept", noDue, proposalId).then().statusCode(400)
                .body("field", equalTo("dueDate"));
        standards.post("/api/v1/proposals/{id}/accept", accept(lead.id()), proposalId).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("planItemId", notNullValue());
        standards.post("/api/v1/proposals/{id}/accept", accept(lead.id()), proposalId).then().statusCode(409)
                .body("code", equalTo("illegal-transition")).body("allowedTransitions", empty());

        JsonPath item = planItem(proposalId);
        assertThat(item.getString("state")).isEqualTo("IN_PROGRESS");
        assertThat(item.getBoolean("overdue")).isFalse();
        assertThat(item.getString("editionStatus")).isEqualTo("DRAFTING");
        long editionId = item.getLong("editionId");
        long standardId = item.getLong("standardId");
        long groupId = item.getLong("workingGroupId");

        // drafts are not public
        anonymous.get("/api/v1/editions/{id}", editionId).then().statusCode(404);
        anonymous.get("/api/v1/standards/{id}", standardId).then().statusCode(404);

        // --- working group (Art. 10) -----------------------------------------------------------
        outsider.api().post("/api/v1/working-groups/{id}/members", Map.of("userId", outsider.id(), "role", "DRAFTER"),
                groupId).then().statusCode(403);
        lead.api().post("/api/v1/working-groups/{id}/members", Map.of("userId", drafter.id(), "role", "DRAFTER"),
                groupId).then().statusCode(200).body("members.role", hasItems("LEAD", "DRAFTER"));
        lead.api().post("/api/v1/working-groups/{id}/members", Map.of("userId", drafter.id(), "role", "DRAFTER"),
                groupId).then().statusCode(409).body("code", equalTo("conflict"))
                .body("reason", equalTo("already-member"));

        // --- draft content: every upload a new revision ---------------------------------------
        String rev1 = "{\"resourceType\":\"StructureDefinition\",\"version\":\"1\"}";
        String rev2 = "{\"resourceType\":\"StructureDefinition\",\"version\":\"2\"}";
        drafter.api().request().contentType(ContentType.JSON).body(rev1)
                .put("/api/v1/editions/{id}/artifacts/{name}", editionId, "patient-profile.json")
                .then().statusCode(201).body("revision", equalTo(1));
        drafter.api().request().contentType(ContentType.JSON).body(rev2)
                .put("/api/v1/editions/{id}/artifacts/{name}", editionId, "patient-profile.json")
                .then().statusCode(201).body("revision", equalTo(2));
        outsider.api().request().contentType(ContentType.JSON).body(rev1)
                .put("/api/v1/editions/{id}/artifacts/{name}", editionId, "patient-profile.json")
                .then().statusCode(403);
        drafter.api().request().contentType(ContentType.JSON).body(rev1)
                .put("/api/v1/editions/{id}/artifacts/{name}", editionId, "../etc/passwd").then().statusCode(400);
        lead.api().get("/api/v1/editions/{id}/artifacts/{name}/revisions", editionId, "patient-profile.json")
                .then().statusCode(200).body("revision", contains(1, 2));
        assertThat(lead.api().get("/api/v1/editions/{id}/artifacts/{name}/revisions/1", editionId,
                "patient-profile.json").then().statusCode(200).extract().asString()).isEqualTo(rev1);
        assertThat(lead.api().get("/api/v1/editions/{id}/artifacts/{name}", editionId, "patient-profile.json")
                .then().statusCode(200).extract().asString()).isEqualTo(rev2);

        // --- public comment (Art. 11) -----------------------------------------------------------
        drafter.api().transition(editionId, Map.of("to", "PUBLIC_COMMENT")).then().statusCode(403)
                .body("code", equalTo("forbidden"));
        lead.api().transition(editionId, Map.of("to", "APPROVED")).then().statusCode(409)
                .body("code", equalTo("illegal-transition"))
                .body("allowedTransitions", contains("PUBLIC_COMMENT", "WITHDRAWN"));
        lead.api().transition(editionId, Map.of("to", "PUBLIC_COMMENT")).then().statusCode(200)
                .body("status", equalTo("PUBLIC_COMMENT"))
                .body("commentDeadline", equalTo(TODAY.plusDays(30).toString()));
        drafter.api().request().contentType(ContentType.JSON).body(rev1)
                .put("/api/v1/editions/{id}/artifacts/{name}", editionId, "patient-profile.json")
                .then().statusCode(409);

        anonymous.post("/api/v1/editions/{id}/comments", Map.of("text", "匿名意见"), editionId).then().statusCode(401);
        outsider.api().post("/api/v1/editions/{id}/comments", Map.of("text", " "), editionId).then().statusCode(400)
                .body("field", equalTo("text"));
        long c1 = outsider.api().post("/api/v1/editions/{id}/comments",
                        Map.of("section", "4.2 性别代码", "text", "建议补充未说明的性别代码 9。"), editionId)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long c2 = citizen.api().post("/api/v1/editions/{id}/comments", Map.of("text", "Please add English names."),
                editionId).then().statusCode(201).extract().jsonPath().getLong("id");

        // --- expert review -------------------------------------------------------------------------
        lead.api().transition(editionId, Map.of("to", "EXPERT_REVIEW")).then().statusCode(200);
        citizen.api().post("/api/v1/editions/{id}/comments", Map.of("text", "too late"), editionId).then()
                .statusCode(409);
        expert.api().transition(editionId, Map.of("to", "APPROVED")).then().statusCode(409)
                .body("code", equalTo("comments-without-disposition")).body("openComments", equalTo(2));

        outsider.api().put("/api/v1/editions/{e}/comments/{c}/disposition", Map.of("disposition", "ACCEPTED"),
                editionId, c1).then().statusCode(403);
        drafter.api().put("/api/v1/editions/{e}/comments/{c}/disposition", Map.of("disposition", "ACCEPTED"),
                editionId, c1).then().statusCode(200).body("disposition", equalTo("ACCEPTED"));
        drafter.api().put("/api/v1/editions/{e}/comments/{c}/disposition", Map.of("disposition", "NOT_ACCEPTED"),
                editionId, c2).then().statusCode(400).body("field", equalTo("reason"));
        drafter.api().put("/api/v1/editions/{e}/comments/{c}/disposition",
                Map.of("disposition", "NOT_ACCEPTED", "reason", "英文名称见附录 B。"), editionId, c2)
                .then().statusCode(200);
        lead.api().get("/api/v1/editions/{id}/comments?disposed=false", editionId).then().statusCode(200)
                .body("total", equalTo(0));

        lead.api().transition(editionId, Map.of("to", "APPROVED")).then().statusCode(403);
        expert.api().transition(editionId, Map.of("to", "DRAFTING")).then().statusCode(400)
                .body("field", equalTo("reason"));
        expert.api().transition(editionId, Map.of("to", "APPROVED")).then().statusCode(200)
                .body("status", equalTo("APPROVED"));

        // --- publication -------------------------------------------------------------------------
        String number = number();
        int year = TODAY.getYear();
        expert.api().transition(editionId, Map.of("to", "PUBLISHED", "code", number + "-" + year,
                "effectiveDate", TODAY.plusMonths(3).toString())).then().statusCode(403);
        standards.transition(editionId, Map.of("to", "PUBLISHED", "code", number + "-" + year)).then().statusCode(400)
                .body("field", equalTo("effectiveDate"));
        standards.transition(editionId, Map.of("to", "PUBLISHED", "code", "GB/T 1-" + year,
                "effectiveDate", TODAY.plusMonths(3).toString())).then().statusCode(400).body("field", equalTo("code"));
        standards.transition(editionId, Map.of("to", "PUBLISHED", "code", number + "-1999",
                "effectiveDate", TODAY.plusMonths(3).toString())).then().statusCode(400).body("field", equalTo("code"));
        standards.transition(editionId, Map.of("to", "PUBLISHED", "code", number + "—" + year,
                        "effectiveDate", TODAY.plusMonths(3).toString())).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("code", equalTo(number + "-" + year))
                .body("publishedAt", notNullValue());

        anonymous.get("/api/v1/standards/{id}", standardId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("number", equalTo(number))
                .body("currentEditionId", equalTo((int) editionId));
        anonymous.get("/api/v1/editions/{id}/artifacts/{name}", editionId, "patient-profile.json")
                .then().statusCode(200);
        anonymous.get("/api/v1/editions/{id}/history", editionId).then().statusCode(200)
                .body("to", contains("DRAFTING", "PUBLIC_COMMENT", "EXPERT_REVIEW", "APPROVED", "PUBLISHED"))
                .body("actor", contains(standardsUsername(), lead.username(), lead.username(), expert.username(),
                        standardsUsername()));
        assertThat(planItem(proposalId).getString("state")).isEqualTo("DONE");
        anonymous.get("/api/v1/standards?q={q}", number).then().statusCode(200).body("total", equalTo(1));

        // --- revision supersedes the edition in force ----------------------------------------------
        long revisionProposal = citizen.api().post("/api/v1/proposals", proposal("REVISION", standardId))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/accept", accept(lead.id()), revisionProposal).then().statusCode(200);
        long revisionEdition = planItem(revisionProposal).getLong("editionId");
        long revisionProposal2 = citizen.api().post("/api/v1/proposals", proposal("REVISION", standardId))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/accept", accept(lead.id()), revisionProposal2).then().statusCode(409)
                .body("code", equalTo("conflict"));
        walkToApproved(revisionEdition);
        String nextYear = String.valueOf(year + 1);
        standards.transition(revisionEdition, Map.of("to", "PUBLISHED", "code", "WS/T 1-" + nextYear,
                "effectiveDate", TODAY.plusYears(1).withDayOfYear(1).toString())).then().statusCode(400)
                .body("field", equalTo("code"));
        standards.transition(revisionEdition, Map.of("to", "PUBLISHED", "code", number + "-" + nextYear,
                        "effectiveDate", TODAY.plusYears(1).withDayOfYear(1).toString())).then().statusCode(200)
                .body("supersedesId", equalTo((int) editionId));
        anonymous.get("/api/v1/editions/{id}", editionId).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED")).body("supersededById", equalTo((int) revisionEdition));
        anonymous.get("/api/v1/editions/{id}/history", editionId).then()
                .body("to[-1]", equalTo("SUPERSEDED"));
        anonymous.get("/api/v1/standards/{id}", standardId).then()
                .body("currentEditionId", equalTo((int) revisionEdition))
                .body("currentCode", equalTo(number + "-" + nextYear));

        // --- abolition (Art. 14) ---------------------------------------------------------------------
        long abolition = citizen.api().post("/api/v1/proposals", proposal("ABOLITION", standardId))
                .then().statusCode(201).extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/accept", accept(null), abolition).then().statusCode(200);
        assertThat(planItem(abolition).getString("state")).isEqualTo("IN_PROGRESS");
        lead.api().transition(revisionEdition, Map.of("to", "ABOLISHED", "reason", "被新标准取代")).then()
                .statusCode(403);
        standards.transition(revisionEdition, Map.of("to", "ABOLISHED")).then().statusCode(400)
                .body("field", equalTo("reason"));
        standards.transition(revisionEdition, Map.of("to", "ABOLISHED", "reason", "评估结论：废止")).then()
                .statusCode(200).body("status", equalTo("ABOLISHED")).body("allowedTransitions", empty());
        anonymous.get("/api/v1/standards/{id}", standardId).then().body("status", equalTo("ABOLISHED"));
        assertThat(planItem(abolition).getString("state")).isEqualTo("DONE");
        citizen.api().post("/api/v1/proposals", proposal("REVISION", standardId)).then().statusCode(400)
                .body("field", equalTo("targetStandardId"));
    }

    private void walkToApproved(long editionId) {
        lead.api().transition(editionId, Map.of("to", "PUBLIC_COMMENT",
                "commentDeadline", TODAY.plusDays(10).toString())).then().statusCode(200);
        lead.api().transition(editionId, Map.of("to", "EXPERT_REVIEW")).then().statusCode(200);
        expert.api().transition(editionId, Map.of("to", "APPROVED")).then().statusCode(200);
    }

    @Test
    void proposalsAreRejectedWithAReasonOrWithdrawnByTheirProposer() {
        people();
        long p1 = citizen.api().post("/api/v1/proposals", proposal("NEW", null)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/reject", Map.of(), p1).then().statusCode(400)
                .body("field", equalTo("reason"));
        citizen.api().post("/api/v1/proposals/{id}/reject", Map.of("reason", "x"), p1).then().statusCode(403);
        standards.post("/api/v1/proposals/{id}/reject", Map.of("reason", "与现行标准重复"), p1).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        standards.get("/api/v1/proposals/{id}/history", p1).then().statusCode(200)
                .body("to", contains("SUBMITTED", "REJECTED")).body("reason[1]", equalTo("与现行标准重复"));

        long p2 = citizen.api().post("/api/v1/proposals", proposal("NEW", null)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        outsider.api().post("/api/v1/proposals/{id}/withdraw", Map.of(), p2).then().statusCode(403);
        standards.post("/api/v1/proposals/{id}/withdraw", Map.of(), p2).then().statusCode(403);
        citizen.api().post("/api/v1/proposals/{id}/withdraw", Map.of("reason", "已合并到其他提案"), p2).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        standards.post("/api/v1/proposals/{id}/accept", accept(lead.id()), p2).then().statusCode(409)
                .body("code", equalTo("illegal-transition"));

        standards.get("/api/v1/proposals?status=REJECTED&size=200").then().statusCode(200)
                .body("items.id", hasItems((int) p1));
        standards.get("/api/v1/proposals?status=NOPE").then().statusCode(400).body("field", equalTo("status"));
    }

    @Test
    void overduePlanItemsAreVisibleAndAWithdrawnFirstDraftWithdrawsItsStandard() {
        people();
        long p = citizen.api().post("/api/v1/proposals", proposal("NEW", null)).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        standards.post("/api/v1/proposals/{id}/accept", accept(lead.id()), p).then().statusCode(200);
        JsonPath item = planItem(p);
        // time passes: the due date is now behind us
        jdbc.sql("update plan_item set due_date = ? where id = ?")
                .params(java.sql.Date.valueOf(TODAY.minusDays(1)), item.getLong("id")).update();
        List<Integer> overdue = standards.get("/api/v1/work-plan?overdue=true&size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(overdue).contains(item.getInt("id"));
        assertThat(planItem(p).getBoolean("overdue")).isTrue();

        long edition = item.getLong("editionId");
        lead.api().transition(edition, Map.of("to", "WITHDRAWN", "reason", "x")).then().statusCode(403);
        standards.transition(edition, Map.of("to", "WITHDRAWN", "reason", "工作组解散")).then().statusCode(200);
        assertThat(planItem(p).getString("state")).isEqualTo("CANCELLED");
        assertThat(planItem(p).getBoolean("overdue")).isFalse();
        standards.get("/api/v1/standards/{id}", item.getLong("standardId")).then().body("status", equalTo("WITHDRAWN"));
    }
}
