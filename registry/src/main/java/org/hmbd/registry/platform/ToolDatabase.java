package org.hmbd.registry.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database for a command-line tool run beside (not inside) the server: the configured
 * PostgreSQL, or the embedded one of a data folder, started for the tool while no server uses the
 * folder (the folder's lock refuses otherwise).
 */
public final class ToolDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final DataSource dataSource;

    private ToolDatabase(EmbeddedPostgres embedded, DataSource dataSource) {
        this.embedded = embedded;
        this.dataSource = dataSource;
    }

    /**
     * @param url a JDBC URL, or null for the embedded database of {@code dataDir}
     * @param keyDir the key folder holding the embedded database's passwords
     */
    public static ToolDatabase open(String url, String username, String password, Path dataDir, Path keyDir)
            throws IOException {
        if (url != null && !url.isBlank()) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url);
            if (username != null) {
                ds.setUser(username);
            }
            if (password != null) {
                ds.setPassword(password);
            }
            return new ToolDatabase(null, ds);
        }
        Path pgData = dataDir.toAbsolutePath().resolve("postgres");
        if (!Files.isRegularFile(pgData.resolve("PG_VERSION"))) {
            throw new IllegalStateException("No embedded database in " + pgData + ": set --hmbd.data-dir");
        }
        StalePostmaster.stopIfRunning(pgData);
        EmbeddedAuth auth = EmbeddedAuth.load(keyDir);
        EmbeddedPostgres pg = auth.configure(EmbeddedPostgres.builder(), pgData).setDataDirectory(pgData)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        try {
            auth.secure(pg, pgData);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        // the tool reads as the application does: the ordinary role, not the superuser
        return new ToolDatabase(pg, auth.appDataSource(pg));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
