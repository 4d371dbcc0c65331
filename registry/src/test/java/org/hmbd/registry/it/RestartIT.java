package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hmbd.registry.RegistryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Data survives a restart of the server on its embedded database; the admin is created only once. */
class RestartIT {

    @Test
    void dataSurvivesARestartOnTheEmbeddedDatabase() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-data-");
        String[] args = {"--server.port=0", "--hmbd.data-dir=" + dataDir,
                "--hmbd.auth.bootstrap-admin-password=Restart-Passw0rd"};

        long proposalId;
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(RegistryApplication.class).run(args)) {
            int port = ((WebServerApplicationContext) first).getWebServer().getPort();
            Api admin = new Api(port, Api.signIn(port, "admin", "Restart-Passw0rd"));
            admin.post("/api/v1/auth/password", Map.of("currentPassword", "Restart-Passw0rd",
                    "newPassword", "Changed-Passw0rd")).then().statusCode(204);
            admin = new Api(port, Api.signIn(port, "admin", "Changed-Passw0rd"));
            proposalId = admin.post("/api/v1/proposals", Map.of("kind", "NEW", "titleZh", "重启后仍在的提案",
                            "category", "DATA", "intendedLevel", "WS", "scope", "s", "rationale", "r",
                            "proposingOrganization", "o"))
                    .then().statusCode(201).extract().jsonPath().getLong("id");
            // at the root of the tree: the whole trail
            long org = admin.get("/api/v1/me").then().statusCode(200).extract().jsonPath().getLong("organizationId");
            long auditorId = admin.post("/api/v1/users", Identities.account(Map.of("username", "restart.auditor",
                            "displayName", "审计员", "organizationId", org, "initialPassword", "Auditor-Passw0rd")))
                    .then().statusCode(201).extract().jsonPath().getLong("user.id");
            Api security = new Api(port, Api.signIn(port, "security", "Restart-Passw0rd"));
            security.post("/api/v1/auth/password", Map.of("currentPassword", "Restart-Passw0rd",
                    "newPassword", "Guarded-Passw0rd")).then().statusCode(204);
            security = new Api(port, Api.signIn(port, "security", "Guarded-Passw0rd"));
            security.put("/api/v1/users/{id}/roles", Map.of("roles", java.util.List.of("AUDIT_ADMIN"),
                    "reason", "审计 audit"), auditorId).then().statusCode(200);
            Api newAuditor = new Api(port, Api.signIn(port, "restart.auditor", "Auditor-Passw0rd"));
            newAuditor.post("/api/v1/auth/password", Map.of("currentPassword", "Auditor-Passw0rd",
                    "newPassword", "Auditor-Passw0rd-2")).then().statusCode(204);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RegistryApplication.class).run(args)) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            // the changed passwords still hold: the bootstrap did not run again
            Api admin = new Api(port, Api.signIn(port, "admin", "Changed-Passw0rd"));
            Api.signIn(port, "security", "Guarded-Passw0rd");
            admin.get("/api/v1/proposals/{id}", proposalId).then().statusCode(200)
                    .body("titleZh", equalTo("重启后仍在的提案")).body("status", equalTo("SUBMITTED"));
            Api auditor = new Api(port, Api.signIn(port, "restart.auditor", "Auditor-Passw0rd-2"));
            auditor.get("/api/v1/audit-events?action=proposals").then().statusCode(200)
                    .body("items[0].outcome", equalTo("SUCCESS"));
            // the chain goes on across the restart, and its anchor (beside the data folder) agrees
            auditor.get("/api/v1/audit-events/verification").then().statusCode(200)
                    .body("intact", equalTo(true)).body("anchor", org.hamcrest.Matchers.greaterThan(5));
        }

        // the command-line walk, with the server stopped, agrees; and finds a record altered behind its back
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int status = org.hmbd.registry.audit.AuditVerifyCommand.run(
                new String[] {"audit-verify", "--hmbd.data-dir=" + dataDir}, new java.io.PrintStream(out, true));
        assertThat(out.toString()).startsWith("intact: ");
        assertThat(status).isZero();
        try (org.hmbd.registry.platform.ToolDatabase db = org.hmbd.registry.platform.ToolDatabase.open(null, null, null,
                dataDir, Path.of(dataDir + ".keys"))) {
            // as the application's role, owner of the table: it may switch the triggers off, the chain still tells
            org.springframework.jdbc.core.simple.JdbcClient.create(db.dataSource())
                    .sql("alter table audit_event disable trigger user; update audit_event set actor = 'mallory' "
                            + "where seq = 2; alter table audit_event enable trigger user")
                    .update();
        }
        out.reset();
        status = org.hmbd.registry.audit.AuditVerifyCommand.run(
                new String[] {"audit-verify", "--hmbd.data-dir=" + dataDir}, new java.io.PrintStream(out, true));
        assertThat(out.toString()).startsWith("BROKEN: ALTERED at position 2");
        assertThat(status).isEqualTo(1);
    }
}
