package org.hmbd.registry.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: a real PostgreSQL started by the application, its data directory inside
 * the data folder so that data survives restarts. Skipped when {@code spring.datasource.url} is set.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(HmbdProperties hmbd, EmbeddedDatabaseProperties props) throws IOException {
        Path dataDir = hmbd.dataDir().toAbsolutePath().resolve("postgres");
        Files.createDirectories(dataDir.getParent());
        StalePostmaster.stopIfRunning(dataDir);
        int port = props.port() == 0 ? freePort() : props.port();
        log.info("Starting embedded PostgreSQL, data in {}, port {}", dataDir, port);
        EmbeddedAuth auth = EmbeddedAuth.load(hmbd.keyDir());
        EmbeddedPostgres pg = auth.configure(EmbeddedPostgres.builder(), dataDir)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(props.startupWait())
                // stopped by this bean's close(), after everything that still writes (graceful HTTP
                // shutdown, workers giving their runs back), not by a JVM hook racing them
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // the library's test-oriented defaults trade durability for speed (-F, synchronous_commit
                // off); this database is the system of record, so a committed write must survive a crash
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        try {
            auth.secure(pg, dataDir);
        } catch (IOException | RuntimeException e) {
            pg.close();
            throw e;
        }
        log.info("Embedded PostgreSQL ready on port {}", pg.getPort());
        return pg;
    }

    /** As the ordinary role {@code hmbd} with its password: never the superuser (issue 13). */
    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres pg, HmbdProperties hmbd) throws IOException {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(EmbeddedAuth.url(pg));
        ds.setUsername(EmbeddedAuth.APP_ROLE);
        ds.setPassword(EmbeddedAuth.load(hmbd.keyDir()).appPassword());
        ds.setPoolName("hmbd-embedded");
        ds.setMaximumPoolSize(10);
        return ds;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
