package org.hmbd.registry.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL, used when no {@code spring.datasource.url} is configured.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param startupWait how long to wait for PostgreSQL to accept connections
 */
@ConfigurationProperties("hmbd.embedded-database")
public record EmbeddedDatabaseProperties(Integer port, Duration startupWait) {

    public EmbeddedDatabaseProperties {
        if (port == null) {
            port = 0;
        }
        if (startupWait == null) {
            startupWait = Duration.ofSeconds(60);
        }
    }
}
