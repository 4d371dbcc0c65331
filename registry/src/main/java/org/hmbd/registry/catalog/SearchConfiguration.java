package org.hmbd.registry.catalog;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.hmbd.registry.platform.HmbdProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Elasticsearch connection: the embedded node by default, an external cluster with {@code hmbd.search.url}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    /** Where search lives, and (embedded) the node's lifecycle, started before and stopped after everything else. */
    static final class SearchEndpoint implements SmartLifecycle {
        private final URI url;
        private final EmbeddedSearchNode node;
        private volatile boolean running;

        SearchEndpoint(URI url, EmbeddedSearchNode node) {
            this.url = url;
            this.node = node;
        }

        URI url() {
            return url;
        }

        /** The embedded node, or null with an external cluster. */
        EmbeddedSearchNode node() {
            return node;
        }

        @Override
        public void start() {
            if (node != null) {
                try {
                    node.start();
                } catch (IOException e) {
                    throw new IllegalStateException("cannot start the embedded search node: " + e.getMessage(), e);
                }
            }
            running = true;
        }

        @Override
        public void stop() {
            if (node != null) {
                node.stop();
            }
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public int getPhase() {
            return Integer.MIN_VALUE + 1000;
        }
    }

    @Bean
    SearchEndpoint searchEndpoint(SearchProperties props, HmbdProperties hmbd) throws IOException {
        if (!props.isEmbedded()) {
            return new SearchEndpoint(props.url(), null);
        }
        EmbeddedSearchNode node = new EmbeddedSearchNode(hmbd.dataDir(), props.embedded());
        return new SearchEndpoint(node.url(), node);
    }

    @Bean(destroyMethod = "close")
    RestClient searchRestClient(SearchEndpoint endpoint, SearchProperties props) throws IOException {
        URI url = endpoint.url();
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), url.getPort(), url.getScheme()))
                .setRequestConfigCallback(rc -> rc.setConnectTimeout(2_000).setSocketTimeout(30_000));
        if (props.apiKey() != null && !props.apiKey().isBlank()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + props.apiKey())});
        }
        SSLContext ssl = props.caCertificate() == null ? null : sslContext(props);
        boolean basic = props.username() != null && !props.username().isBlank();
        if (ssl != null || basic) {
            builder.setHttpClientConfigCallback(hc -> {
                if (basic) {
                    BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                    credentials.setCredentials(AuthScope.ANY,
                            new UsernamePasswordCredentials(props.username(), props.password()));
                    hc.setDefaultCredentialsProvider(credentials);
                }
                if (ssl != null) {
                    hc.setSSLContext(ssl);
                }
                return hc;
            });
        }
        return builder.build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    private static SSLContext sslContext(SearchProperties props) throws IOException {
        try (InputStream in = Files.newInputStream(props.caCertificate())) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IOException("cannot read the search CA certificate " + props.caCertificate()
                        + ": no certificate in it");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the search CA certificate " + props.caCertificate() + ": "
                    + e.getMessage(), e);
        }
    }
}
