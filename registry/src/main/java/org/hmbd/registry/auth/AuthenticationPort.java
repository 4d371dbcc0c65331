package org.hmbd.registry.auth;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the security filters need from the account store. */
@Component
public class AuthenticationPort {

    private final Accounts accounts;
    private final Tokens tokens;
    private final JdbcClient jdbc;

    AuthenticationPort(Accounts accounts, Tokens tokens, JdbcClient jdbc) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    public record SignInAccount(Actor actor, String passwordHash) {
    }

    public Optional<SignInAccount> forSignIn(String username) {
        return jdbc.sql("select id, password_hash from app_user where lower(username) = lower(?) and enabled")
                .param(username)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional()
                .flatMap(row -> accounts.actor((Long) row[0]).map(a -> new SignInAccount(a, (String) row[1])));
    }

    public Optional<Actor> byToken(String token) {
        return tokens.authenticate(token);
    }

    /** The account as it is now (roles, password-change flag), or empty if disabled. */
    public Optional<Actor> current(long userId) {
        return accounts.actor(userId);
    }
}
