package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.RegistryApplication;
import org.hmbd.testidp.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OpenID Connect bearer tokens by configuration only (issue 13), against a real provider started
 * by the test (Spring Authorization Server): its JWT signs a local account in; the account's own
 * state and roles decide; a token of the provider naming no account, a forged one, and one of
 * another issuer are refused.
 */
class OidcIT {

    private static String jwt(TestIdentityProvider.Running idp, String client) {
        return given().baseUri(idp.issuer()).auth().preemptive()
                .basic(client, client.equals("oidc.member") ? "secret" : "other-secret")
                .formParam("grant_type", "client_credentials").formParam("scope", "registry")
                .post("/oauth2/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aTokenOfTheConfiguredProviderSignsInItsLocalAccountAndNothingElseDoes() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "oidc-data-");
        try (TestIdentityProvider.Running idp = TestIdentityProvider.start();
             TestIdentityProvider.Running other = TestIdentityProvider.start()) {
            String[] args = {"--server.port=0", "--hmbd.data-dir=" + dataDir,
                    "--hmbd.auth.bootstrap-admin-password=Oidc-Boot-Passw0rd", "--hmbd.auth.oidc.issuer-uri=" + idp.issuer()};
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class).run(args)) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                Api admin = bootstrap(port, "admin");
                Api security = bootstrap(port, "security");
                long root = admin.get("/api/v1/me").then().extract().jsonPath().getLong("organizationId");
                long id = admin.post("/api/v1/users", Identities.account(Map.of("username", "oidc.member",
                                "displayName", "统一身份认证用户", "organizationId", root,
                                "initialPassword", "Unused-Passw0rd-1")))
                        .then().statusCode(201).extract().jsonPath().getLong("user.id");
                security.put("/api/v1/users/{id}/roles", Map.of("roles", List.of("STANDARDS_ADMIN"),
                        "reason", "统一身份认证 OIDC"), id).then().statusCode(200);

                Api member = new Api(port, jwt(idp, "oidc.member"));
                assertThat(jwt(idp, "oidc.member")).contains(".").hasSizeGreaterThan(200);
                member.get("/api/v1/me").then().statusCode(200).body("username", equalTo("oidc.member"))
                        .body("roles", equalTo(List.of("STANDARDS_ADMIN")));
                // its roles are the account's: it acts as a standards administrator, not more
                member.get("/api/v1/users").then().statusCode(403).body("reason", equalTo("role"));

                // a provider's token naming no local account; the right shape from another issuer; a forgery
                new Api(port, jwt(idp, "oidc.stranger")).get("/api/v1/me").then().statusCode(401)
                        .body("code", equalTo("invalid-token"));
                new Api(port, jwt(other, "oidc.member")).get("/api/v1/me").then().statusCode(401);
                String token = jwt(idp, "oidc.member");
                String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(
                        token.lastIndexOf('.') + 5);
                new Api(port, forged).get("/api/v1/me").then().statusCode(401);
                new Api(port, "not.a.jwt").get("/api/v1/me").then().statusCode(401);

                // the account's state still decides: locked, its provider's tokens no longer sign in
                admin.post("/api/v1/users/{id}/transitions", Map.of("to", "LOCKED", "reason", "离职 left"), id).then()
                        .statusCode(200);
                member.get("/api/v1/me").then().statusCode(401);
                // the registry's own tokens still work beside the provider's
                admin.get("/api/v1/me").then().statusCode(200);
            }
        }
    }

    private static Api bootstrap(int port, String username) {
        String first = Api.signIn(port, username, "Oidc-Boot-Passw0rd");
        new Api(port, first).post("/api/v1/auth/password", Map.of("currentPassword", "Oidc-Boot-Passw0rd",
                "newPassword", "Oidc-Changed-Passw0rd")).then().statusCode(204);
        return new Api(port, Api.signIn(port, username, "Oidc-Changed-Passw0rd"));
    }
}
