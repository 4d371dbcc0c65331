package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No audit, no write (issue 13): a write whose audit record cannot be appended is refused and
 * changes nothing. The chain's end is held by another database session, as a stuck or failing
 * audit writer would hold it; nothing is mocked.
 */
class AuditFailsClosedIT extends RegistryIT {

    @Autowired
    DataSource dataSource;

    @Test
    void aWriteWhoseAuditRecordCannotBeWrittenIsRefusedAndChangesNothing() throws Exception {
        Member citizen = member(organization("INSTITUTION", "350102"));
        String title = "审计不可用时的提案 " + unique();
        Map<String, String> proposal = Map.of("kind", "NEW", "titleZh", title, "category", "DATA",
                "intendedLevel", "WS", "scope", "s", "rationale", "r", "proposingOrganization", "o");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("select seq from audit_chain_head where id = 1 for update");
            }
            long started = System.nanoTime();
            citizen.api().request().header("Accept-Language", "en").contentType("application/json")
                    .body(Api.json(proposal)).post("/api/v1/proposals").then().statusCode(503)
                    .contentType("application/problem+json").body("code", equalTo("audit-unavailable"))
                    .body("detail", equalTo("The audit record of this request could not be written, so nothing "
                            + "was changed (no audit, no write). Try again later."));
            // bounded by hmbd.audit.lock-timeout: the request did not hang on the held chain
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
            holder.rollback();
        }
        citizen.api().get("/api/v1/proposals?q={q}", title).then().statusCode(200).body("total", equalTo(0));

        // with the chain free again the same write goes through, attempt and outcome recorded
        citizen.api().post("/api/v1/proposals", proposal).then().statusCode(201);
        citizen.api().get("/api/v1/proposals?q={q}", title).then().statusCode(200).body("total", equalTo(1));
        assertThat(auditor().get("/api/v1/audit-events?actorName={a}&action={act}&size=10", citizen.username(),
                        "POST /api/v1/proposals").then().statusCode(200).extract().jsonPath()
                .getList("items.outcome", String.class)).containsExactly("SUCCESS", "ATTEMPT");
    }
}
