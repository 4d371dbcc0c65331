package org.hmbd.registry.catalog;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The catalog's search index on Elasticsearch.
 *
 * @param url an external cluster, e.g. {@code https://search.example.org:9200}; when absent the server
 *        starts its own single-node Elasticsearch (the embedded default)
 * @param apiKey API key for the external cluster (the encoded form, sent as {@code ApiKey <key>})
 * @param username basic authentication user for the external cluster (with {@code password})
 * @param password basic authentication password
 * @param caCertificate PEM file of the CA that signed the cluster's TLS certificate
 * @param index the alias searched and written; the physical indexes behind it are {@code <index>-<time>}
 * @param pollInterval how often the catalog projector and the search feeder look for changes
 * @param batchSize changes sent to Elasticsearch per bulk request
 * @param retryInterval the wait between attempts while Elasticsearch is unreachable
 * @param embedded the embedded node (ignored with {@code url})
 */
@ConfigurationProperties("hmbd.search")
public record SearchProperties(URI url, String apiKey, String username, String password, Path caCertificate,
                               String index, Duration pollInterval, Integer batchSize, Duration retryInterval,
                               Embedded embedded) {

    public SearchProperties {
        if (index == null || index.isBlank()) {
            index = "hmbd-catalog";
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(1);
        }
        if (batchSize == null || batchSize < 1) {
            batchSize = 500;
        }
        if (retryInterval == null) {
            retryInterval = Duration.ofSeconds(5);
        }
        if (embedded == null) {
            embedded = new Embedded(null, null, null);
        }
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /**
     * @param heap the node's Java heap ({@code -Xmx}), default {@code 512m}
     * @param port HTTP port on 127.0.0.1; 0 picks a free one at each start
     * @param restartDelay the wait before restarting a node that stopped on its own
     */
    public record Embedded(String heap, Integer port, Duration restartDelay) {
        public Embedded {
            if (heap == null || heap.isBlank()) {
                heap = "512m";
            }
            if (port == null) {
                port = 0;
            }
            if (restartDelay == null) {
                restartDelay = Duration.ofSeconds(5);
            }
        }
    }
}
