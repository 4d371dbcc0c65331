package org.hmbd.registry.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication for the embedded PostgreSQL (issue 13): no connection is trusted, every
 * one authenticates with SCRAM-SHA-256, and the application connects as the ordinary role
 * {@value #APP_ROLE} (no superuser, no role or database creation), owner of the schema's objects.
 * The superuser keeps a password of its own, used only to start the server and to set the role up.
 * Both passwords are generated into the key folder (mode 600), never into the data folder.
 * <p>A new cluster is created that way ({@code initdb --auth=scram-sha-256 --pwfile}). A cluster of
 * an earlier version (trust authentication, objects owned by the superuser) is converted at its
 * first start: the superuser gets its password, the role is created and given the objects, and
 * {@code pg_hba.conf} is rewritten to SCRAM and reloaded.
 */
final class EmbeddedAuth {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAuth.class);
    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "hmbd";
    static final String DATABASE = "postgres";
    private static final String HBA = """
            # hmbd-registry: every connection authenticates with a password (SCRAM-SHA-256); nothing is trusted
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private final Path superuserPasswordFile;
    private final String superuserPassword;
    private final String appPassword;

    private EmbeddedAuth(Path superuserPasswordFile, String superuserPassword, String appPassword) {
        this.superuserPasswordFile = superuserPasswordFile;
        this.superuserPassword = superuserPassword;
        this.appPassword = appPassword;
    }

    /** The passwords of the key folder, generated on first use. */
    static EmbeddedAuth load(Path keyDir) throws IOException {
        Path superFile = keyDir.resolve("database-superuser.password");
        Path appFile = keyDir.resolve("database.password");
        return new EmbeddedAuth(superFile, password(superFile, "the embedded database's superuser password"),
                password(appFile, "the embedded database's application password"));
    }

    private static String password(Path file, String what) throws IOException {
        Keys.configuredOrGenerated(null, what, file, 24);
        return Files.readString(file, StandardCharsets.US_ASCII).strip();
    }

    /** Applies the authentication settings to a builder of the cluster in {@code pgData}. */
    EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder, Path pgData) {
        builder.setConnectConfig("password", superuserPassword)
                .setServerConfig("password_encryption", "scram-sha-256");
        if (!Files.isRegularFile(pgData.resolve("postgresql.conf"))) {
            // a new cluster: SCRAM from the start, the superuser's password from its file
            builder.setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", superuserPasswordFile.toAbsolutePath().toString());
        }
        return builder;
    }

    /**
     * After the start: the superuser's password set, the application role there with its password
     * and owning every object of the schema, and {@code pg_hba.conf} without {@code trust}.
     */
    void secure(EmbeddedPostgres pg, Path pgData) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (PreparedStatement ps = c.prepareStatement("select set_config('hmbd.p', ?, false)")) {
                ps.setString(1, superuserPassword);
                ps.execute();
            }
            st.execute("do $$ begin execute format('alter role postgres password %L', current_setting('hmbd.p')); end $$");
            try (PreparedStatement ps = c.prepareStatement("select set_config('hmbd.p', ?, false)")) {
                ps.setString(1, appPassword);
                ps.execute();
            }
            st.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = 'hmbd') then
                        execute format('create role hmbd login nosuperuser nocreatedb nocreaterole noreplication password %L',
                                       current_setting('hmbd.p'));
                      else
                        execute format('alter role hmbd login nosuperuser nocreatedb nocreaterole noreplication password %L',
                                       current_setting('hmbd.p'));
                      end if;
                    end $$""");
            st.execute("select set_config('hmbd.p', '', false)");
            st.execute("grant usage, create on schema public to hmbd");
            st.execute("grant connect, temporary on database postgres to hmbd");
            // objects of an earlier version, created by the superuser, go to the application role
            st.execute("""
                    do $$ declare r record; begin
                      -- tables first: a sequence owned by a column (serial) moves with its table
                      for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                 and pg_get_userbyid(c.relowner) = 'postgres'
                               order by c.relkind = 'S' loop
                        continue when r.relkind = 'S' and exists (select 1 from pg_depend d
                            where d.objid = ('public.' || quote_ident(r.relname))::regclass and d.deptype in ('a', 'i'));
                        execute format(case r.relkind when 'S' then 'alter sequence public.%I owner to hmbd'
                                                      when 'v' then 'alter view public.%I owner to hmbd'
                                                      when 'm' then 'alter materialized view public.%I owner to hmbd'
                                                      else 'alter table public.%I owner to hmbd' end, r.relname);
                      end loop;
                      for r in select p.oid::regprocedure as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and pg_get_userbyid(p.proowner) = 'postgres' loop
                        execute format('alter function %s owner to hmbd', r.sig);
                      end loop;
                    end $$""");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the embedded database's application role: "
                    + e.getMessage(), e);
        }
        Path hba = pgData.resolve("pg_hba.conf");
        if (!Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            Files.writeString(hba, HBA, StandardCharsets.UTF_8);
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("select pg_reload_conf()");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reload pg_hba.conf: " + e.getMessage(), e);
            }
            log.info("Embedded PostgreSQL: password authentication (SCRAM-SHA-256) for every connection");
        }
    }

    /** The application's connection settings. */
    String appPassword() {
        return appPassword;
    }

    static String url(EmbeddedPostgres pg) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + DATABASE;
    }

    /** A data source as the application role. */
    DataSource appDataSource(EmbeddedPostgres pg) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url(pg));
        ds.setUser(APP_ROLE);
        ds.setPassword(appPassword);
        return ds;
    }
}
