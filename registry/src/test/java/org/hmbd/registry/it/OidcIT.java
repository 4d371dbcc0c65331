package org.hmbd.registry.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.restassured.response.Response;
import org.hmbd.registry.RegistryApplication;
import org.hmbd.testidp.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OpenID Connect by configuration only (issue 13), against a real provider started by the test
 * (Spring Authorization Server): its JWT signs a local account in, and a browser signs in through
 * it (authorization-code flow); the account's own state and roles decide; a token of the provider
 * naming no account, a forged one, one of another issuer, and a provider sign-in of someone the
 * registry does not know are refused.
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

    @Test
    void aBrowserSignsInThroughTheProviderAndItsSessionActsAsTheLocalAccount() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "oidc-browser-");
        int port = ServerProcess.freePort();
        String base = "http://localhost:" + port;
        try (TestIdentityProvider.Running idp = TestIdentityProvider.start(base + "/login/oauth2/code/oidc")) {
            String[] args = {"--server.port=" + port, "--hmbd.data-dir=" + dataDir,
                    "--hmbd.auth.bootstrap-admin-password=Oidc-Boot-Passw0rd", "--hmbd.auth.oidc.issuer-uri=" + idp.issuer(),
                    "--hmbd.auth.oidc.client-id=registry-browser", "--hmbd.auth.oidc.client-secret=browser-secret"};
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class).run(args)) {
                Api admin = bootstrap(port, "admin");
                long root = admin.get("/api/v1/me").then().extract().jsonPath().getLong("organizationId");
                admin.post("/api/v1/users", Identities.account(Map.of("username", "oidc.member",
                        "displayName", "统一身份认证用户", "organizationId", root,
                        "initialPassword", "Unused-Passw0rd-1"))).then().statusCode(201);
                // the sign-in page offers the provider beside the password form
                assertThat(given().get(base + "/login").then().statusCode(200).extract().asString())
                        .contains("/oauth2/authorization/oidc");

                String session = signInAtTheProvider(base, idp, "oidc.member");
                given().cookie("JSESSIONID", session).get(base + "/api/v1/me").then().statusCode(200)
                        .body("username", equalTo("oidc.member"));
                // someone the provider knows but the registry does not: back to the sign-in page, no session
                Response refused = callback(base, idp, "oidc.stranger");
                assertThat(refused.header("Location")).endsWith("/login?error");
            }
        }
    }

    /** The authorization-code flow as a browser follows it; the registry's session cookie at its end. */
    private static String signInAtTheProvider(String base, TestIdentityProvider.Running idp, String user) {
        Response done = callback(base, idp, user);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.header("Location")).doesNotContain("error");
        return done.cookie("JSESSIONID");
    }

    private static Response callback(String base, TestIdentityProvider.Running idp, String user) {
        Response start = given().redirects().follow(false).get(base + "/oauth2/authorization/oidc");
        assertThat(start.statusCode()).isEqualTo(302);
        String registryCookie = start.cookie("JSESSIONID");
        // the URLs the servers redirect to are sent as they are (already encoded)
        Response toLogin = given().urlEncodingEnabled(false).redirects().follow(false).get(start.header("Location"));
        String idpCookie = toLogin.cookie("JSESSIONID");
        Response page = idpCookie == null ? given().get(idp.issuer() + "/login")
                : given().cookie("JSESSIONID", idpCookie).get(idp.issuer() + "/login");
        if (page.cookie("JSESSIONID") != null) {
            idpCookie = page.cookie("JSESSIONID");
        }
        String csrf = page.htmlPath().getString("**.find { it.@name == '_csrf' }.@value");
        Response signedIn = given().redirects().follow(false).cookie("JSESSIONID", idpCookie)
                .contentType(io.restassured.http.ContentType.URLENC).formParam("username", user)
                .formParam("password", "Idp-Passw0rd-1").formParam("_csrf", csrf).post(idp.issuer() + "/login");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String idpSession = signedIn.cookie("JSESSIONID") != null ? signedIn.cookie("JSESSIONID") : idpCookie;
        // signed in at the provider, the browser asks for the authorization again and gets its code
        Response code = given().urlEncodingEnabled(false).redirects().follow(false).cookie("JSESSIONID", idpSession)
                .get(start.header("Location"));
        assertThat(code.header("Location")).as("the provider's answer: %s", code.statusCode()).isNotNull();
        assertThat(code.header("Location")).startsWith(base + "/login/oauth2/code/oidc?code=");
        Response back = given().urlEncodingEnabled(false).redirects().follow(false)
                .cookie("JSESSIONID", registryCookie).get(code.header("Location"));
        return back;
    }

    private static Api bootstrap(int port, String username) {
        String first = Api.signIn(port, username, "Oidc-Boot-Passw0rd");
        new Api(port, first).post("/api/v1/auth/password", Map.of("currentPassword", "Oidc-Boot-Passw0rd",
                "newPassword", "Oidc-Changed-Passw0rd")).then().statusCode(204);
        return new Api(port, Api.signIn(port, username, "Oidc-Changed-Passw0rd"));
    }
}
