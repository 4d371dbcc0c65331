package org.hmbd.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the search client sends to an external cluster, seen by a plain HTTP listener standing in for it. */
class SearchConfigurationTest {

    HttpServer cluster;
    final ConcurrentLinkedQueue<String> authorization = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void listen() throws IOException {
        cluster = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cluster.createContext("/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorization.add(auth == null ? "none" : auth);
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            if (auth == null && exchange.getRequestURI().getPath().startsWith("/basic")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        cluster.start();
    }

    @AfterEach
    void stop() {
        cluster.stop(0);
    }

    SearchProperties props(String apiKey, String user, String password, Path ca) {
        return new SearchProperties(URI.create("http://127.0.0.1:" + cluster.getAddress().getPort()), apiKey, user,
                password, ca, null, null, null, null, null);
    }

    RestClient client(SearchProperties p) throws IOException {
        SearchConfiguration config = new SearchConfiguration();
        return config.searchRestClient(config.searchEndpoint(p, null), p);
    }

    @Test
    void anApiKeyIsSentWithEveryRequest() throws IOException {
        try (RestClient c = client(props("c2VjcmV0OmtleQ==", null, null, null))) {
            c.performRequest(new Request("GET", "/_cluster/health"));
        }
        assertThat(authorization).containsExactly("ApiKey c2VjcmV0OmtleQ==");
    }

    @Test
    void basicAuthenticationAnswersTheClustersChallenge() throws IOException {
        try (RestClient c = client(props(null, "hmbd", "s3cret", null))) {
            c.performRequest(new Request("GET", "/basic/_cluster/health"));
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString("hmbd:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(authorization).contains(expected);
    }

    @Test
    void withoutCredentialsNothingIsSent() throws IOException {
        try (RestClient c = client(props(null, null, null, null))) {
            c.performRequest(new Request("GET", "/_cluster/health"));
        }
        assertThat(authorization).containsExactly("none");
    }

    @Test
    void anUnreadableCaCertificateIsAClearStartupError(@TempDir Path dir) throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertThatThrownBy(() -> client(props(null, null, null, notPem)))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read the search CA certificate")
                .hasMessageContaining(notPem.toString());
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThatThrownBy(() -> client(props(null, null, null, empty)))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot read the search CA certificate");
        assertThatThrownBy(() -> client(props(null, null, null, dir.resolve("missing.pem"))))
                .isInstanceOf(IOException.class);
    }
}
