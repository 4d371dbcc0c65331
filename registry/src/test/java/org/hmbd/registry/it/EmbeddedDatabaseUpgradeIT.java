package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.hmbd.registry.RegistryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data folder of an earlier version (its embedded PostgreSQL trusting every local connection,
 * the schema created by the superuser) is converted at the first start: password authentication,
 * the schema handed to the ordinary role, the data kept.
 */
class EmbeddedDatabaseUpgradeIT {

    @Test
    void aClusterOfAnEarlierVersionIsConvertedToPasswordsAndTheOrdinaryRoleAtItsFirstStart() throws Exception {
        Files.createDirectories(Path.of("target"));
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "upgrade-data-");
        Path pgData = dataDir.resolve("postgres");
        // as the earlier version left it: initdb with trust, the schema migrated as the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(),
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c))).update("");
            c.createStatement().execute("insert into organization (name_zh, kind, level, region_code, path) "
                    + "values ('升级前的机构', 'OTHER', 'NATIONAL', '100000', '/')");
            if (!c.getAutoCommit()) {
                c.commit(); // Liquibase leaves the connection in a transaction
            }
        }
        assertThat(Files.readString(pgData.resolve("pg_hba.conf"))).containsPattern("(?m)^host\\s.*trust$");

        String[] args = {"--server.port=0", "--hmbd.data-dir=" + dataDir,
                "--hmbd.auth.bootstrap-admin-password=Upgrade-Passw0rd"};
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class).run(args)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Api.signIn(port, "admin", "Upgrade-Passw0rd");
            JdbcClient db = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(db.sql("select current_user").query(String.class).single()).isEqualTo("hmbd");
            assertThat(db.sql("select count(*) from organization where name_zh = '升级前的机构'").query(Long.class)
                    .single()).isEqualTo(1);
            List<Map<String, Object>> notOurs = db.sql("""
                    select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind in ('r', 'S', 'v') and pg_get_userbyid(c.relowner) <> 'hmbd'""")
                    .query().listOfRows();
            assertThat(notOurs).isEmpty();
            // it can still write everywhere it wrote before: a sequence moved with its table
            db.sql("insert into organization (name_zh, kind, level, region_code, path) "
                    + "values ('升级后的机构', 'OTHER', 'NATIONAL', '100000', '/')").update();
        }
        assertThat(Files.readAllLines(pgData.resolve("pg_hba.conf")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")))
                .allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
    }
}
