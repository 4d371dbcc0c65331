package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Secure by default: every operation of the API description answers an anonymous caller with 401,
 * except the few that are deliberately public, listed here with their reason.
 */
class EndpointSecurityIT extends RegistryIT {

    /** method + path template of the deliberately public operations. */
    private static final Set<String> PUBLIC = Set.of(
            "POST /api/v1/auth/token",                                  // signing in
            "POST /api/v1/registrations",                               // anyone registers (Art. 9), verified later
            "GET /api/v1/standards", "GET /api/v1/standards/{id}",      // published standards (Art. 37)
            "GET /api/v1/standards/{id}/editions",
            "GET /api/v1/editions", "GET /api/v1/editions/{id}", "GET /api/v1/editions/{id}/history",
            "GET /api/v1/editions/{editionId}/artifacts", "GET /api/v1/editions/{editionId}/artifacts/{name}",
            "GET /api/v1/editions/{editionId}/artifacts/{name}/revisions",
            "GET /api/v1/editions/{editionId}/artifacts/{name}/revisions/{revision}",
            "GET /api/v1/categories", "GET /api/v1/categories/{code}",
            "GET /api/v1/certificates/{number}",                        // certificate verification
            "GET /api/v1/conformance/suites",                           // what can be tested against
            "GET /api/v1/catalog/search", "GET /api/v1/catalog/items/{key}", // the resource catalog (Art. 37)
            "GET /api/v1/catalog/lookup", "GET /api/v1/catalog/diff",
            "GET /api/v1/catalog/editions/{id}/items",                  // an edition's contents, JSON or CSV
            "GET /api/v1/catalog/editions/{id}/package",                // and its own FHIR package
            "GET /api/v1/packages", "GET /api/v1/packages/{name}",      // FHIR packages of public editions
            "GET /api/v1/packages/{name}/{version}");

    @Test
    void everyOperationNeedsASignedInAccountUnlessDeliberatelyPublic() {
        Map<String, Map<String, Object>> paths = anonymous.get("/v3/api-docs").then().statusCode(200).extract()
                .jsonPath().getMap("paths");
        assertThat(paths).isNotEmpty();
        List<String> checked = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                String op = method.toUpperCase() + " " + path.getKey();
                String concrete = path.getKey().replaceAll("\\{[^}]+}", "1");
                Response r = anonymous.request().contentType("application/json").body("{}")
                        .request(method.toUpperCase(), concrete);
                String code = r.contentType().startsWith("application/problem+json") ? r.jsonPath().getString("code")
                        : null;
                if (PUBLIC.contains(op)) {
                    // answered on its merits (found, not found, wrong password…), never "sign in first"
                    assertThat(code).as(op + " is public").isNotIn("unauthenticated", "forbidden");
                } else {
                    assertThat(r.statusCode()).as(op + " needs an account").isEqualTo(401);
                    assertThat(code).as(op).isEqualTo("unauthenticated");
                }
                checked.add(op);
            }
        }
        // the list is not empty by accident: the conformance, audit and account operations are in it
        assertThat(checked).contains("POST /api/v1/conformance/runs", "GET /api/v1/audit-events",
                "POST /api/v1/users", "GET /api/v1/conformance/runs/{id}/report");
        assertThat(checked.size()).isGreaterThan(50);
        assertThat(checked).containsAll(PUBLIC);
    }
}
