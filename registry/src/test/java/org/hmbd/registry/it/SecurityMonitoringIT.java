package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Security monitoring and early warning (Art. 25): warnings in the audit trail and its feed, and
 * counts as Prometheus metrics (the tests' thresholds are 3).
 */
class SecurityMonitoringIT extends RegistryIT {

    @Test
    void repeatedRefusalsBruteForceAndBulkExportsRaiseWarningsInTheFeedAndTheMetrics() {
        Member prober = member(organization("INSTITUTION", "350102"));
        for (int i = 0; i < 3; i++) {
            prober.api().get("/api/v1/users").then().statusCode(403);
        }
        Member target = member(organization("INSTITUTION", "350102"));
        for (int i = 0; i < 6; i++) {
            given().port(port).contentType(ContentType.JSON)
                    .body(Api.json(Map.of("username", target.username(), "password", "Wrong-passw0rd-" + i)))
                    .post("/api/v1/auth/token");
        }
        Api auditor = auditor();
        for (int i = 0; i < 3; i++) {
            auditor.get("/api/v1/audit-events/export?format=ndjson&action=nothing-matches").then().statusCode(200);
        }

        auditor.get("/api/v1/security-events?kind=OUT_OF_SCOPE").then().statusCode(200)
                .body("items.actor", hasItem(prober.username()));
        auditor.get("/api/v1/security-events?kind=BRUTE_FORCE").then().statusCode(200)
                .body("items.target", hasItem("account " + target.id()));
        auditor.get("/api/v1/security-events?kind=BULK_DOWNLOAD").then().statusCode(200)
                .body("items.actor", hasItem(org.hamcrest.Matchers.startsWith("u")));
        auditor.get("/api/v1/security-events?kind=NOPE").then().statusCode(400);
        prober.api().get("/api/v1/security-events").then().statusCode(403);

        String metrics = admin.get("/actuator/prometheus").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("hmbd_security_warnings_total{kind=\"OUT_OF_SCOPE\"}")
                .contains("hmbd_security_warnings_total{kind=\"BRUTE_FORCE\"}")
                .contains("hmbd_security_signals_total{kind=\"FORBIDDEN\"}");
        anonymous.get("/actuator/prometheus").then().statusCode(401);
        prober.api().get("/actuator/prometheus").then().statusCode(403);
    }
}
