package org.hmbd.registry.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the server keeps its data.
 *
 * @param dataDir the data folder (embedded database, logs); {@code HMBD_DATA_DIR}, default {@code ./hmbd-data}
 * @param keyDir where generated keys and the audit anchor are kept when no key is configured;
 *        default: beside the data folder, {@code <data-dir>.keys}, so that a backup of the data
 *        folder does not hold the keys that protect it
 */
@ConfigurationProperties("hmbd")
public record HmbdProperties(Path dataDir, Path keyDir) {

    public HmbdProperties {
        if (dataDir == null) {
            dataDir = Path.of("hmbd-data");
        }
        if (keyDir == null) {
            Path data = dataDir.toAbsolutePath().normalize();
            keyDir = data.getParent() == null ? data.resolve("keys")
                    : data.resolveSibling(data.getFileName() + ".keys");
        }
    }
}
