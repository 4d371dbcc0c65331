package org.hmbd.registry.standard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Draft content.
 *
 * @param maxArtifactSize largest artifact revision accepted (default 20MB); larger uploads get 413
 */
@ConfigurationProperties("hmbd.standards")
public record StandardsProperties(DataSize maxArtifactSize) {

    public StandardsProperties {
        if (maxArtifactSize == null) {
            maxArtifactSize = DataSize.ofMegabytes(20);
        }
    }
}
