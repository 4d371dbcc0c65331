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
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(RegistryApplication.class).run(args)) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            // the changed password still holds: the bootstrap did not run again
            Api admin = new Api(port, Api.signIn(port, "admin", "Changed-Passw0rd"));
            admin.get("/api/v1/proposals/{id}", proposalId).then().statusCode(200)
                    .body("titleZh", equalTo("重启后仍在的提案")).body("status", equalTo("SUBMITTED"));
            admin.get("/api/v1/audit-events?action=proposals").then().statusCode(200)
                    .body("items[0].outcome", equalTo("SUCCESS"));
        }
    }
}
