package org.hmbd.registry.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts and sign-in.
 *
 * @param tokenTtl lifetime of a bearer token issued by {@code POST /api/v1/auth/token} (default 12h)
 * @param minPasswordLength minimum password length (default 10)
 * @param bootstrapAdminUsername user name of the initial national administrator (default {@code admin})
 * @param bootstrapAdminPassword its initial password; when empty a random one-time password is
 *        generated and printed once to the log. Either way it must be changed at first sign-in.
 */
@ConfigurationProperties("hmbd.auth")
public record AuthProperties(Duration tokenTtl, Integer minPasswordLength, String bootstrapAdminUsername,
                             String bootstrapAdminPassword) {

    public AuthProperties {
        if (tokenTtl == null) {
            tokenTtl = Duration.ofHours(12);
        }
        if (minPasswordLength == null) {
            minPasswordLength = 10;
        }
        if (bootstrapAdminUsername == null || bootstrapAdminUsername.isBlank()) {
            bootstrapAdminUsername = "admin";
        }
    }
}
