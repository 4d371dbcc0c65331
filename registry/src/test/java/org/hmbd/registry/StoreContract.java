package org.hmbd.registry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The base of the store contract tests (eclipse-edc's {@code StoreTestBase} is the model): a store
 * on its own, without the application, on a real PostgreSQL with the schema Liquibase writes in
 * production. One server per test JVM, started on first use; tests make their own rows.
 */
public abstract class StoreContract {

    private static DataSource dataSource;
    private static EmbeddedPostgres server;
    private static boolean template;
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    protected static JdbcClient database() {
        return JdbcClient.create(dataSource());
    }

    /** The data source of the contract tests' PostgreSQL, migrated. */
    protected static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                Path dir = Files.createTempDirectory("hmbd-store-contract");
                EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
                        .setServerConfig("listen_addresses", "127.0.0.1").start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException e) {
                        // the JVM ends anyway
                    }
                }));
                server = pg;
                DataSource ds = pg.getPostgresDatabase();
                try (Connection c = ds.getConnection()) {
                    Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                    new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), db)
                            .update("");
                }
                dataSource = ds;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException | liquibase.exception.LiquibaseException e) {
                throw new IllegalStateException(e);
            }
        }
        return dataSource;
    }

    /**
     * A database of its own, migrated, for a test that damages what it finds (the audit chain is one
     * per database). A copy of a migrated template: fast.
     */
    protected static synchronized DataSource freshDatabase() {
        dataSource();
        try {
            if (!template) {
                try (Connection c = server.getPostgresDatabase().getConnection()) {
                    c.createStatement().execute("create database hmbd_contract_template");
                }
                try (Connection c = server.getDatabase("postgres", "hmbd_contract_template").getConnection()) {
                    Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                    new Liquibase("db/changelog/db.changelog-master.yaml", new ClassLoaderResourceAccessor(), db)
                            .update("");
                }
                template = true;
            }
            String name = "hmbd_contract_" + unique();
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create database " + name + " template hmbd_contract_template");
            }
            return server.getDatabase("postgres", name);
        } catch (SQLException | liquibase.exception.LiquibaseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A number no other row of this run used. */
    protected static long unique() {
        return SEQ.incrementAndGet();
    }

    /** An institution, with its id. */
    protected static long organization(JdbcClient jdbc, String regionCode) {
        long id = jdbc.sql("insert into organization (name_zh, kind, level, region_code, path) "
                        + "values (?, 'HEALTHCARE_INSTITUTION', 'INSTITUTION', ?, '') returning id")
                .params("机构" + unique(), regionCode).query(Long.class).single();
        jdbc.sql("update organization set path = '/' || id || '/' where id = ?").param(id).update();
        return id;
    }

    /** An account of an organization, with its id. */
    protected static long user(JdbcClient jdbc, long organizationId) {
        return jdbc.sql("insert into app_user (username, display_name, organization_id, password_hash) "
                        + "values (?, 'x', ?, 'x') returning id")
                .params("u" + unique(), organizationId).query(Long.class).single();
    }

    /** A published edition of a new standard, with its id. */
    protected static long publishedEdition(JdbcClient jdbc) {
        long standard = jdbc.sql("""
                        insert into standard (title_zh, category_id, level, number, status)
                        values ('标准', (select id from category where code = 'DATA_SET'), 'WS', ?, 'ACTIVE')
                        returning id""")
                .param("WS/T " + unique()).query(Long.class).single();
        return jdbc.sql("insert into edition (standard_id, status, code, published_at) "
                        + "values (?, 'PUBLISHED', ?, now()) returning id")
                .params(standard, "WS/T " + unique() + "-2026").query(Long.class).single();
    }
}
