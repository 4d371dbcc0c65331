package org.hmbd.testidp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID provider for the tests: Spring Authorization Server (its Boot auto-configuration)
 * on a free port in the test JVM, with two registered clients using the client-credentials grant.
 * Its tokens are JWTs signed with a key it generates; it publishes its discovery document and keys.
 * Nothing of the registry is in its context.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
        org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
        org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
        org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class,
        org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
        org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration.class,
        org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class TestIdentityProvider {

    private final ConfigurableApplicationContext context;

    private TestIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the provider; clients {@code oidc.member} (secret {@code secret}) and {@code oidc.stranger} ({@code other-secret}). */
    public static Running start() {
        String client = "spring.security.oauth2.authorizationserver.client.";
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(TestIdentityProvider.class)
                .properties("spring.config.name=test-idp", "server.port=0", "spring.main.banner-mode=off",
                        "logging.level.root=WARN",
                        client + "member.registration.client-id=oidc.member",
                        client + "member.registration.client-secret={noop}secret",
                        client + "member.registration.client-authentication-methods=client_secret_basic",
                        client + "member.registration.authorization-grant-types=client_credentials",
                        client + "member.registration.scopes=registry",
                        client + "stranger.registration.client-id=oidc.stranger",
                        client + "stranger.registration.client-secret={noop}other-secret",
                        client + "stranger.registration.client-authentication-methods=client_secret_basic",
                        client + "stranger.registration.authorization-grant-types=client_credentials",
                        client + "stranger.registration.scopes=registry")
                .run();
        return new Running(ctx, ((WebServerApplicationContext) ctx).getWebServer().getPort());
    }

    /** A started provider; its issuer is {@code http://127.0.0.1:<port>}. */
    public record Running(ConfigurableApplicationContext context, int port) implements AutoCloseable {
        public String issuer() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
