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
@SpringBootConfiguration(proxyBeanMethods = false)
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

    /** Its people: {@code oidc.member} and {@code oidc.stranger}, password {@code Idp-Passw0rd-1}. */
    @org.springframework.context.annotation.Bean
    org.springframework.security.core.userdetails.UserDetailsService people() {
        return new org.springframework.security.provisioning.InMemoryUserDetailsManager(
                org.springframework.security.core.userdetails.User.withUsername("oidc.member")
                        .password("{noop}Idp-Passw0rd-1").roles("USER").build(),
                org.springframework.security.core.userdetails.User.withUsername("oidc.stranger")
                        .password("{noop}Idp-Passw0rd-1").roles("USER").build());
    }

    public static Running start() {
        return start(null);
    }

    /**
     * Starts the provider; with a redirect URI, also the browser client {@code registry-browser}
     * (secret {@code browser-secret}, authorization-code flow, no consent page); clients {@code oidc.member} (secret {@code secret}) and {@code oidc.stranger} ({@code other-secret}). */
    public static Running start(String browserRedirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.";
        java.util.List<String> browser = browserRedirectUri == null ? java.util.List.of() : java.util.List.of(
                client + "browser.registration.client-id=registry-browser",
                client + "browser.registration.client-secret={noop}browser-secret",
                client + "browser.registration.client-authentication-methods=client_secret_basic",
                client + "browser.registration.authorization-grant-types=authorization_code",
                client + "browser.registration.redirect-uris=" + browserRedirectUri,
                client + "browser.registration.scopes[0]=openid",
                client + "browser.registration.scopes[1]=profile");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(TestIdentityProvider.class)
                .properties(browser.toArray(String[]::new))
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
