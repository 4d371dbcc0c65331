package org.hmbd.registry.auth;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the security filters need from the account store. */
@Component
public class AuthenticationPort {

    private final Accounts accounts;
    private final Tokens tokens;
    private final OidcTokens oidc;

    AuthenticationPort(Accounts accounts, Tokens tokens, OidcTokens oidc) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.oidc = oidc;
    }

    /**
     * The account, if the password is right; 429 {@code sign-in-locked} (a {@code DomainException})
     * while the account or the address is locked. The same checks as the token endpoint.
     */
    public Optional<Actor> signIn(String username, String password, String clientAddress) {
        return accounts.authenticate(username, password, clientAddress);
    }

    /** The account's spelling of a user name if an account has it: what the audit trail may record. */
    public Optional<String> existingUsername(String username) {
        return accounts.existingUsername(username);
    }

    /**
     * The account of a bearer token: one of the registry's own ({@code hmbd_…}), or, when OpenID
     * Connect is configured, a JWT of the provider naming an active local account (with every
     * scope of a sign-in: the account's roles still decide).
     */
    public Optional<Tokens.Authenticated> byToken(String token) {
        if (token.startsWith("hmbd_") || !oidc.enabled()) {
            return token.length() > 200 ? Optional.empty() : tokens.authenticate(token);
        }
        return oidc.authenticate(token).map(actor -> new Tokens.Authenticated(actor, null));
    }

    /**
     * Whether a browser session begun at {@code sessionStart} may go on: the account is still active,
     * its password has not changed since, and the session is younger than {@code hmbd.auth.session-max-age}.
     */
    public boolean sessionStillValid(long userId, java.time.Instant sessionStart) {
        return accounts.sessionStillValid(userId, sessionStart);
    }

    /** The local account an OpenID provider's sign-in names (its configured claim, else its subject), if active. */
    public Optional<Actor> oidcAccount(java.util.Map<String, Object> claims, String subject) {
        Object claimed = claims.get(oidc.properties().usernameClaim());
        return oidc.account(claimed == null ? null : claimed.toString(), subject);
    }

    /** The account as it is now (roles, password-change flag), or empty if disabled. */
    public Optional<Actor> current(long userId) {
        return accounts.actor(userId);
    }
}
