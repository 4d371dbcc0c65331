package org.hmbd.registry.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Optional OpenID Connect: bearer tokens (JWTs) issued by a production identity provider are
 * accepted besides the registry's own. Off while {@code issuerUri} is unset.
 *
 * @param issuerUri the provider's issuer; its {@code /.well-known/openid-configuration} gives the
 *        keys (fetched at the first JWT, then cached and refreshed by the decoder)
 * @param usernameClaim the claim naming the local account (default {@code preferred_username},
 *        then {@code sub}); the account must exist, be active and carries its own roles: the
 *        provider authenticates, the registry's real-name account authorizes
 * @param audience when set, a token must name it in {@code aud}
 * @param clientId the registry's client at the provider, for browser sign-in through the provider
 *        (authorization-code flow, "sign in with …" on the sign-in page); off while unset
 * @param clientSecret that client's secret
 */
@ConfigurationProperties("hmbd.auth.oidc")
public record OidcProperties(String issuerUri, String usernameClaim, String audience, String clientId,
                             String clientSecret) {

    public OidcProperties {
        if (usernameClaim == null || usernameClaim.isBlank()) {
            usernameClaim = "preferred_username";
        }
    }

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** Whether browsers may sign in through the provider. */
    public boolean signInEnabled() {
        return enabled() && clientId != null && !clientId.isBlank();
    }
}
