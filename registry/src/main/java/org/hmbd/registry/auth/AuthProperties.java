package org.hmbd.registry.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts and sign-in.
 *
 * @param tokenTtl lifetime of a bearer token issued by {@code POST /api/v1/auth/token} (default 12h)
 * @param minPasswordLength minimum password length (default 10)
 * @param bootstrapAdminUsername user name of the initial system administrator (default {@code admin})
 * @param bootstrapAdminPassword the initial password of the initial system and security
 *        administrators; when empty a random one-time password is generated for each and printed
 *        once to the log. Either way it must be changed at first sign-in.
 * @param bootstrapSecurityUsername user name of the initial security administrator (default {@code security})
 * @param lockout the back-off after failed sign-ins
 * @param sessionMaxAge the absolute lifetime of a browser session, however active (default 8h); the
 *        idle timeout is {@code server.servlet.session.timeout} (30m)
 * @param identityKey the key (base64, 32 bytes) protecting real names and identity numbers at rest and
 *        keying their lookup hash; unset: generated into {@code <key-dir>/identity.key}. The same on
 *        every server of one database; lost, the stored identities cannot be read.
 */
@ConfigurationProperties("hmbd.auth")
public record AuthProperties(Duration tokenTtl, Integer minPasswordLength, String bootstrapAdminUsername,
                             String bootstrapAdminPassword, Lockout lockout, String identityKey, Duration sessionMaxAge,
                             String bootstrapSecurityUsername) {

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
        if (bootstrapSecurityUsername == null || bootstrapSecurityUsername.isBlank()) {
            bootstrapSecurityUsername = "security";
        }
        if (sessionMaxAge == null) {
            sessionMaxAge = Duration.ofHours(8);
        }
        if (lockout == null) {
            lockout = new Lockout(null, null, null, null, null);
        }
    }

    /**
     * Exponential back-off after consecutive failed sign-ins. After the free attempts, each further
     * failure locks the account (or the client address) for {@code baseDelay × 2^(n-1)}, at most
     * {@code maxDelay}; while locked, every sign-in is refused with 429, the right password too.
     *
     * @param accountFreeAttempts failures of one account before the back-off starts (default 5)
     * @param addressFreeAttempts failures from one client address, any account or none (default 20)
     * @param baseDelay the first lock (default 1s)
     * @param maxDelay the longest lock (default 15m)
     * @param forgetAfter failures older than this no longer count (default 1h)
     */
    public record Lockout(Integer accountFreeAttempts, Integer addressFreeAttempts, Duration baseDelay,
                          Duration maxDelay, Duration forgetAfter) {

        public Lockout {
            accountFreeAttempts = accountFreeAttempts == null ? 5 : accountFreeAttempts;
            addressFreeAttempts = addressFreeAttempts == null ? 20 : addressFreeAttempts;
            baseDelay = baseDelay == null ? Duration.ofSeconds(1) : baseDelay;
            maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
            forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
            if (accountFreeAttempts < 1 || addressFreeAttempts < 1) {
                throw new IllegalArgumentException("hmbd.auth.lockout free attempts must be at least 1");
            }
            if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("hmbd.auth.lockout: 0 < base-delay <= max-delay");
            }
        }

        /** The lock earned by the {@code failures}-th consecutive failure, given {@code free} free ones. */
        Duration delayAfter(int failures, int free) {
            int over = failures - free;
            if (over <= 0) {
                return Duration.ZERO;
            }
            // 2^(over-1) without overflow: past 40 doublings every base delay is beyond any max
            Duration d = over > 40 ? maxDelay : baseDelay.multipliedBy(1L << (over - 1));
            return d.compareTo(maxDelay) > 0 ? maxDelay : d;
        }
    }
}
