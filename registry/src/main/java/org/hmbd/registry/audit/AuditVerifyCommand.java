package org.hmbd.registry.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hmbd.registry.platform.HmbdProperties;
import org.hmbd.registry.platform.Keys;
import org.hmbd.registry.platform.ToolDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code java -jar registry.jar audit-verify [--hmbd.data-dir=…] [--hmbd.key-dir=…] [--hmbd.audit.mac-key=…]
 * [--spring.datasource.url=… --spring.datasource.username=… --spring.datasource.password=…]}:
 * walks the audit chain without the server (for instance after restoring a backup) and prints the
 * first break. Exit status 0 intact, 1 broken, 2 could not verify. With the embedded database the
 * server must be stopped; while it runs, use {@code GET /api/v1/audit-events/verification}.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (!a.equals("audit-verify")) {
                out.println("Unknown argument / 未知参数: " + a);
                return 2;
            }
        }
        String dataDir = opts.getOrDefault("hmbd.data-dir", System.getenv().getOrDefault("HMBD_DATA_DIR", "hmbd-data"));
        String keyDir = opts.get("hmbd.key-dir");
        HmbdProperties hmbd = new HmbdProperties(Path.of(dataDir), keyDir == null ? null : Path.of(keyDir));
        String macKey = opts.getOrDefault("hmbd.audit.mac-key", System.getenv("HMBD_AUDIT_MAC_KEY"));
        try {
            Path keyFile = hmbd.keyDir().resolve("audit.key");
            if ((macKey == null || macKey.isBlank()) && !java.nio.file.Files.isRegularFile(keyFile)) {
                out.println("No audit key: neither --hmbd.audit.mac-key nor " + keyFile
                        + " / 没有审计密钥：未配置 --hmbd.audit.mac-key，也没有 " + keyFile);
                return 2;
            }
            AuditChain chain = new AuditChain(Keys.configuredOrGenerated(macKey, "hmbd.audit.mac-key", keyFile, 32),
                    hmbd.keyDir().resolve("audit.anchor"));
            try (ToolDatabase db = ToolDatabase.open(opts.getOrDefault("spring.datasource.url",
                            System.getenv("SPRING_DATASOURCE_URL")),
                    opts.getOrDefault("spring.datasource.username", System.getenv().getOrDefault(
                            "SPRING_DATASOURCE_USERNAME", "postgres")),
                    opts.getOrDefault("spring.datasource.password", System.getenv("SPRING_DATASOURCE_PASSWORD")),
                    hmbd.dataDir(), hmbd.keyDir())) {
                AuditVerification v = chain.verify(JdbcClient.create(db.dataSource()));
                if (v.intact()) {
                    out.printf("intact: %d records verified, end %d, anchor %d, %d outside the chain%n"
                            + "完整：已校验 %d 条记录%n", v.checked(), v.end(), v.anchor(), v.outsideChain(), v.checked());
                    return 0;
                }
                out.printf("BROKEN: %s at position %d (event id %s); %d records before it verified; end %d, anchor %d%n"
                                + "审计链已被破坏：第 %d 条位置（%s）%n", v.problem().kind(), v.problem().position(),
                        v.problem().eventId() == null ? "-" : v.problem().eventId(), v.checked(), v.end(), v.anchor(),
                        v.problem().position(), v.problem().kind());
                return 1;
            }
        } catch (Exception e) {
            out.println("Could not verify / 无法校验: " + e.getMessage());
            return 2;
        }
    }
}
