package org.hmbd.registry.auth;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens of an OpenID provider ({@link OidcProperties}): signature by the provider's keys,
 * issuer, expiry and, when configured, audience are checked by Spring Security's decoder; the
 * named local account must be active. Anything else is no authentication (401 {@code invalid-token}).
 */
@Component
class OidcTokens {

    private static final Logger log = LoggerFactory.getLogger(OidcTokens.class);
    private final OidcProperties props;
    private final Accounts accounts;
    private volatile JwtDecoder decoder;

    OidcTokens(OidcProperties props, Accounts accounts) {
        this.props = props;
        this.accounts = accounts;
    }

    boolean enabled() {
        return props.enabled();
    }

    OidcProperties properties() {
        return props;
    }

    Optional<Actor> authenticate(String token) {
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException | IllegalArgumentException | IllegalStateException e) {
            log.info("OpenID bearer token refused: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
        return account(jwt.getClaimAsString(props.usernameClaim()), jwt.getSubject());
    }

    /** The active local account a provider's claims name: the configured claim, else the subject. */
    Optional<Actor> account(String claimed, String subject) {
        String username = claimed == null || claimed.isBlank() ? subject : claimed;
        if (username == null) {
            return Optional.empty();
        }
        // the provider holds the credentials: the local password (and its first change) plays no part
        return accounts.existingUsername(username).flatMap(accounts::activeByUsername)
                .map(Actor::withoutPasswordChange);
    }

    private JwtDecoder decoder() {
        JwtDecoder d = decoder;
        if (d == null) {
            synchronized (this) {
                if (decoder == null) {
                    // the provider's discovery document: its keys and issuer (fails until the provider answers)
                    NimbusJwtDecoder built = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(props.issuerUri());
                    OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(props.issuerUri());
                    if (props.audience() != null && !props.audience().isBlank()) {
                        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
                                && jwt.getAudience().contains(props.audience()) ? OAuth2TokenValidatorResult.success()
                                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "audience", null));
                        validator = new DelegatingOAuth2TokenValidator<>(List.of(validator, audience));
                    }
                    built.setJwtValidator(validator);
                    decoder = built;
                }
                d = decoder;
            }
        }
        return d;
    }
}
