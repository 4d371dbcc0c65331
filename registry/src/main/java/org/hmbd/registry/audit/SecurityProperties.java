package org.hmbd.registry.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security monitoring and early warning (Measures Art. 25).
 *
 * @param outOfScopeThreshold refusals (403) of one account within {@code window} that raise an
 *        {@code OUT_OF_SCOPE} warning (default 10)
 * @param bulkDownloadThreshold report downloads and exports of one account within {@code window}
 *        that raise a {@code BULK_DOWNLOAD} warning (default 100)
 * @param window the sliding window of both counts (default 10m); counted per server
 */
@ConfigurationProperties("hmbd.security")
public record SecurityProperties(Integer outOfScopeThreshold, Integer bulkDownloadThreshold, Duration window) {

    public SecurityProperties {
        outOfScopeThreshold = outOfScopeThreshold == null ? 10 : outOfScopeThreshold;
        bulkDownloadThreshold = bulkDownloadThreshold == null ? 100 : bulkDownloadThreshold;
        window = window == null ? Duration.ofMinutes(10) : window;
        if (outOfScopeThreshold < 1 || bulkDownloadThreshold < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("hmbd.security: thresholds at least 1, a positive window");
        }
    }
}
