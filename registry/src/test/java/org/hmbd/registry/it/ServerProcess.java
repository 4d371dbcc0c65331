package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The real server jar (built by 'package') in a child process, as an operator runs it. */
final class ServerProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Nation-Passw0rd-2026";
    static final String BOOTSTRAP_PASSWORD = "Initial-Passw0rd";

    final int port;
    private final List<String> args;
    private final Path log;
    private Process process;

    ServerProcess(Path log, List<String> args) throws IOException {
        this.port = freePort();
        this.log = log;
        this.args = args;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("registry-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after 'package': no server jar in target/"));
        }
    }

    /** Starts the server and waits until it is ready. */
    ServerProcess start() throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar().toAbsolutePath().toString(), "--server.port=" + port,
                "--hmbd.auth.bootstrap-admin-password=" + BOOTSTRAP_PASSWORD,
                // these tests are about runs; search stays unreachable (and everything else must work)
                "--hmbd.search.url=http://127.0.0.1:9"));
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Poll.until("the server up; see " + log, Duration.ofMinutes(3), () -> {
            assertThat(process.isAlive()).as("server running; see " + log).isTrue();
            try {
                return Api.anonymous(port).get("/actuator/health/readiness").statusCode();
            } catch (Exception notYet) {
                return 0; // not listening yet
            }
        }, status -> status == 200);
        return this;
    }

    /** SIGKILL: no shutdown hook, no clean stop of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** Signs in the initial system administrator, changing its first password if that was not done yet. */
    Api admin() {
        return bootstrap("admin");
    }

    /** Signs in the initial security administrator (grants roles), changing its first password if that was not done yet. */
    Api security() {
        return bootstrap("security");
    }

    private Api bootstrap(String username) {
        try {
            return new Api(port, Api.signIn(port, username, ADMIN_PASSWORD));
        } catch (AssertionError firstTime) {
            String first = Api.signIn(port, username, BOOTSTRAP_PASSWORD);
            new Api(port, first).post("/api/v1/auth/password", Map.of("currentPassword", BOOTSTRAP_PASSWORD,
                    "newPassword", ADMIN_PASSWORD)).then().statusCode(204);
            return new Api(port, Api.signIn(port, username, ADMIN_PASSWORD));
        }
    }

    /** Creates a submitter of a new institution and signs it in. */
    Api submitter(Api admin, String username) {
        long org = admin.post("/api/v1/organizations", Map.of("nameZh", "进程测试医院 " + username, "kind",
                "HEALTHCARE_INSTITUTION", "level", "INSTITUTION", "regionCode", "350102")).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long id = admin.post("/api/v1/users", Identities.account(Map.of("username", username, "displayName", "测试",
                "organizationId", org, "initialPassword", "Member-Passw0rd-1")))
                .then().statusCode(201).extract().jsonPath().getLong("user.id");
        security().put("/api/v1/users/{id}/roles", Map.of("roles", List.of("SUBMITTER"), "reason", "测试 test"), id)
                .then().statusCode(200);
        String t = Api.signIn(port, username, "Member-Passw0rd-1");
        new Api(port, t).post("/api/v1/auth/password", Map.of("currentPassword", "Member-Passw0rd-1",
                "newPassword", "Member-Passw0rd-2")).then().statusCode(204);
        return signIn(username);
    }

    Api signIn(String username) {
        return new Api(port, Api.signIn(port, username, "Member-Passw0rd-2"));
    }

    /** Waits until the sample edition's suite is loaded; its edition id. */
    long sampleSuite(Api api) throws InterruptedException {
        String find = "find { it.code == '" + ConformanceSupport.SAMPLE_CODE + "' }";
        return Poll.until("the sample suite loaded", Duration.ofMinutes(2),
                () -> api.get("/api/v1/conformance/suites").then().statusCode(200).extract().jsonPath(),
                suites -> "READY".equals(suites.getString(find + ".state"))).getLong(find + ".editionId");
    }
}
