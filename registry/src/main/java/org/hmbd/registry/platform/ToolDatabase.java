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

    /** @param url a JDBC URL, or null for the embedded database of {@code dataDir} */
    public static ToolDatabase open(String url, String username, String password, Path dataDir) throws IOException {
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
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setServerConfig("listen_addresses", "127.0.0.1").start();
        return new ToolDatabase(pg, pg.getPostgresDatabase());
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
