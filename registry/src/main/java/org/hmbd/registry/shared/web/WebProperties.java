package org.hmbd.registry.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on every request, before any handler reads it.
 *
 * @param maxBodySize the largest request body (after decompression) of every JSON endpoint under
 *        {@code /api} and every FHIR operation except {@code $validate}; larger is 413 before the
 *        handler runs (default 1MB). Uploads and {@code $validate} stream their bodies and have
 *        their own limits ({@code hmbd.standards.max-artifact-size}, {@code hmbd.conformance.*}).
 */
@ConfigurationProperties("hmbd.web")
public record WebProperties(DataSize maxBodySize) {

    public WebProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("hmbd.web.max-body-size must lie between 1KB and 2GB");
        }
    }
}
