package org.hmbd.registry.auth;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the security filters need from the account store. */
@Component
public class AuthenticationPort {

    private final Accounts accounts;
    private final Tokens tokens;
    AuthenticationPort(Accounts accounts, Tokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
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

    public Optional<Tokens.Authenticated> byToken(String token) {
        return tokens.authenticate(token);
    }

    /**
     * Whether a browser session begun at {@code sessionStart} may go on: the account is still active,
     * its password has not changed since, and the session is younger than {@code hmbd.auth.session-max-age}.
     */
    public boolean sessionStillValid(long userId, java.time.Instant sessionStart) {
        return accounts.sessionStillValid(userId, sessionStart);
    }

    /** The account as it is now (roles, password-change flag), or empty if disabled. */
    public Optional<Actor> current(long userId) {
        return accounts.actor(userId);
    }
}
