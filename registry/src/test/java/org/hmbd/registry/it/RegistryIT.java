package org.hmbd.registry.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the real server on a random port, on a real PostgreSQL started
 * the way the embedded default starts it, in a fresh data folder shared by the test classes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(RenderedTemplates.class)
abstract class RegistryIT {

    static final String ADMIN_INITIAL_PASSWORD = "Initial-Passw0rd";
    static final String ADMIN_PASSWORD = "Nation-Passw0rd-2026";
    static final String SECURITY_PASSWORD = "Guard-Passw0rd-2026";
    static final String PASSWORD = "Member-Passw0rd-1";
    static final String MAX_ARTIFACT_SIZE = "64KB";
    static final String MAX_UPLOAD_SIZE = "2MB";
    static final int MAX_VALIDATE_BYTES = 1024 * 1024;
    static final int MAX_BODY_BYTES = 512 * 1024;
    static final int SESSION_MAX_AGE_SECONDS = 20;
    static final int MAX_RUN_BYTES = 8 * 1024 * 1024;
    private static final Path DATA_DIR = dataDir();
    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort
    int port;

    /** The system administrator ({@code admin}): accounts and organizations. */
    Api admin;
    /** The security administrator ({@code security}): grants roles. */
    Api security;
    /** A standards administrator at the root: work plan, publication, categories. */
    Api standards;
    Api anonymous;
    private static final Map<Integer, Member> STANDARDS = new java.util.concurrent.ConcurrentHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hmbd.data-dir", DATA_DIR::toString);
        registry.add("hmbd.auth.bootstrap-admin-password", () -> ADMIN_INITIAL_PASSWORD);
        // every test signs in from 127.0.0.1: the per-address back-off is shown by SignInThrottleIT
        registry.add("hmbd.auth.lockout.address-free-attempts", () -> "1000000");
        // long enough that a locked account is still locked at the end of the test that locked it
        registry.add("hmbd.auth.lockout.base-delay", () -> "60s");
        // short enough to watch a browser session reach it (BrowserSessionIT)
        registry.add("hmbd.auth.session-max-age", () -> SESSION_MAX_AGE_SECONDS + "s");
        registry.add("hmbd.standards.max-artifact-size", () -> MAX_ARTIFACT_SIZE);
        registry.add("hmbd.conformance.max-upload-size", () -> MAX_UPLOAD_SIZE);
        registry.add("hmbd.conformance.max-validate-size", () -> MAX_VALIDATE_BYTES + "B");
        registry.add("hmbd.conformance.max-run-bytes", () -> MAX_RUN_BYTES + "B");
        // short, so that AuditFailsClosedIT sees a held chain refuse a write quickly
        registry.add("hmbd.audit.lock-timeout", () -> "1s");
        registry.add("hmbd.security.out-of-scope-threshold", () -> "3");
        registry.add("hmbd.security.bulk-download-threshold", () -> "3");
        // below the $validate limit, so that the two are told apart
        registry.add("hmbd.web.max-body-size", () -> MAX_BODY_BYTES + "B");
        registry.add("hmbd.conformance.poll-interval", () -> "500ms");
        registry.add("hmbd.conformance.heartbeat", () -> "1s");
        registry.add("hmbd.conformance.retention-check-interval", () -> "2s");
        registry.add("hmbd.conformance.superseded-grace-period", () -> "P0D");
        registry.add("hmbd.search.poll-interval", () -> "200ms");
        registry.add("hmbd.search.retry-interval", () -> "1s");
        registry.add("hmbd.search.batch-size", () -> "50");
        // long enough to observe search down after the node is killed, before it is restarted
        registry.add("hmbd.search.embedded.restart-delay", () -> "15s");
    }

    /** The data folder of the server under test. */
    static Path dataFolder() {
        return DATA_DIR;
    }

    private static Path dataDir() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void signInAdmin() {
        anonymous = Api.anonymous(port);
        synchronized (RegistryIT.class) {
            String token;
            try {
                token = Api.signIn(port, "admin", ADMIN_PASSWORD);
            } catch (AssertionError firstTime) {
                token = Api.signIn(port, "admin", ADMIN_INITIAL_PASSWORD);
                new Api(port, token).post("/api/v1/auth/password",
                        Map.of("currentPassword", ADMIN_INITIAL_PASSWORD, "newPassword", ADMIN_PASSWORD))
                        .then().statusCode(204);
                // the change ended the token it was made with
                token = Api.signIn(port, "admin", ADMIN_PASSWORD);
            }
            admin = new Api(port, token);
            security = new Api(port, firstSignIn("security", SECURITY_PASSWORD));
            standards = STANDARDS.computeIfAbsent(port, p -> member(root(), "STANDARDS_ADMIN")).api();
        }
    }

    /** Signs a bootstrap account in, changing its initial password the first time. */
    private String firstSignIn(String username, String password) {
        try {
            return Api.signIn(port, username, password);
        } catch (AssertionError firstTime) {
            String token = Api.signIn(port, username, ADMIN_INITIAL_PASSWORD);
            new Api(port, token).post("/api/v1/auth/password",
                    Map.of("currentPassword", ADMIN_INITIAL_PASSWORD, "newPassword", password)).then().statusCode(204);
            return Api.signIn(port, username, password);
        }
    }

    /** The root of the organization tree (the national commission). */
    long root() {
        return admin.get("/api/v1/me").then().extract().jsonPath().getLong("organizationId");
    }

    /** The standards administrator's user name. */
    String standardsUsername() {
        return STANDARDS.get(port).username();
    }

    /** A unique suffix, so tests sharing the database never collide. */
    static String unique() {
        return SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long organization(String level, String region) {
        return admin.post("/api/v1/organizations", Map.of("nameZh", "测试机构 " + unique(), "nameEn", "Test org",
                        "kind", "HEALTHCARE_INSTITUTION", "level", level, "regionCode", region))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An organization under a given parent in the administrative tree. */
    long organization(String level, String region, long parentId) {
        return admin.post("/api/v1/organizations", Map.of("nameZh", "测试机构 " + unique(), "nameEn", "Test org",
                        "kind", level.equals("INSTITUTION") ? "HEALTHCARE_INSTITUTION" : "HEALTH_ADMINISTRATION",
                        "level", level, "regionCode", region, "parentId", parentId))
                .then().statusCode(201).body("parentId", org.hamcrest.Matchers.equalTo((int) parentId))
                .extract().jsonPath().getLong("id");
    }

    /** An institution with its hospital grade, under a given parent. */
    long institution(String region, String grade, long parentId) {
        return admin.post("/api/v1/organizations", Map.of("nameZh", "测试医院 " + unique(), "kind",
                        "HEALTHCARE_INSTITUTION", "level", "INSTITUTION", "regionCode", region, "grade", grade,
                        "parentId", parentId))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An institution with its hospital grade. */
    long institution(String region, String grade) {
        return admin.post("/api/v1/organizations", Map.of("nameZh", "测试医院 " + unique(), "kind",
                        "HEALTHCARE_INSTITUTION", "level", "INSTITUTION", "regionCode", region, "grade", grade))
                .then().statusCode(201).body("grade", org.hamcrest.Matchers.equalTo(grade))
                .extract().jsonPath().getLong("id");
    }

    /**
     * Creates an account in an organization (the system administrator), has the security
     * administrator grant its roles, changes its first password, and signs it in.
     */
    Member member(long organizationId, String... roles) {
        String username = "u" + unique();
        long id = admin.post("/api/v1/users", Identities.account(Map.of("username", username,
                        "displayName", "测试用户 " + username, "organizationId", organizationId,
                        "initialPassword", PASSWORD)))
                .then().statusCode(201).extract().jsonPath().getLong("user.id");
        if (roles.length > 0) {
            security.put("/api/v1/users/{id}/roles", Map.of("roles", List.of(roles), "reason", "测试 test"), id)
                    .then().statusCode(200);
        }
        String first = Api.signIn(port, username, PASSWORD);
        new Api(port, first).post("/api/v1/auth/password",
                Map.of("currentPassword", PASSWORD, "newPassword", PASSWORD + "x")).then().statusCode(204);
        return new Member(id, username, new Api(port, Api.signIn(port, username, PASSWORD + "x")));
    }

    record Member(long id, String username, Api api) {
    }

    private Api auditor;

    /** A national audit administrator (role AUDIT_ADMIN, held alone): the only reader of the whole audit trail. */
    Api auditor() {
        if (auditor == null) {
            // at the root of the tree: the whole trail
            auditor = member(root(), "AUDIT_ADMIN").api();
        }
        return auditor;
    }

    /** Signs in with the browser's sign-in form; the session cookie. */
    String formSession(String username, String password) {
        io.restassured.response.Response form = io.restassured.RestAssured.given().port(port).get("/login");
        String csrf = form.htmlPath().getString("**.find { it.@name == '_csrf' }.@value");
        io.restassured.response.Response signedIn = io.restassured.RestAssured.given().port(port).redirects()
                .follow(false).cookie("JSESSIONID", form.cookie("JSESSIONID"))
                .contentType(io.restassured.http.ContentType.URLENC).formParam("username", username)
                .formParam("password", password).formParam("_csrf", csrf).post("/login");
        signedIn.then().statusCode(302).header("Location", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.endsWith("error")));
        return signedIn.cookie("JSESSIONID") != null ? signedIn.cookie("JSESSIONID") : form.cookie("JSESSIONID");
    }
}
