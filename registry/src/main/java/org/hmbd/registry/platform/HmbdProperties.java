package org.hmbd.registry.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the server keeps its data.
 *
 * @param dataDir the data folder (embedded database, logs); {@code HMBD_DATA_DIR}, default {@code ./hmbd-data}
 */
@ConfigurationProperties("hmbd")
public record HmbdProperties(Path dataDir) {

    public HmbdProperties {
        if (dataDir == null) {
            dataDir = Path.of("hmbd-data");
        }
    }
}
