package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application connects to the embedded PostgreSQL as an ordinary role with a password, and
 * the server trusts no connection (issue 13): not even the superuser gets in without its password.
 */
class DatabaseRoleIT extends RegistryIT {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationIsAnOrdinaryRoleAndNoConnectionIsTrusted() throws Exception {
        Map<String, Object> me = JdbcClient.create(dataSource).sql("""
                select current_user as name, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls
                from pg_roles where rolname = current_user""").query().singleRow();
        assertThat(me).containsEntry("name", "hmbd").containsEntry("rolsuper", false)
                .containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false)
                .containsEntry("rolreplication", false).containsEntry("rolbypassrls", false);
        // it owns what Liquibase created, so migrations keep working as that role
        assertThat(JdbcClient.create(dataSource).sql("select pg_get_userbyid(relowner) from pg_class where relname = 'audit_event'")
                .query(String.class).single()).isEqualTo("hmbd");
        assertThat(JdbcClient.create(dataSource).sql("show password_encryption").query(String.class).single())
                .isEqualTo("scram-sha-256");

        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        for (String user : new String[] {"postgres", "hmbd"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, user, "not-the-password").close())
                    .isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState())
                            .isEqualTo("28P01")); // invalid_password: asked for one, and refused it
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);

        // its passwords are in the key folder, readable by the owner only, not in the data folder
        Path keys = Path.of(dataFolder() + ".keys");
        for (String file : new String[] {"database.password", "database-superuser.password"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readAllLines(dataFolder().resolve("postgres/pg_hba.conf")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))).isNotEmpty()
                .allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
    }
}
