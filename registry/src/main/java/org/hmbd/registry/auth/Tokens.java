package org.hmbd.registry.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opaque bearer tokens for API clients. Only a SHA-256 hash of each token is stored. */
@Service
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuthProperties props;

    Tokens(JdbcClient jdbc, Accounts accounts, AuthProperties props) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.props = props;
    }

    public record IssuedToken(String token, Instant expiresAt, boolean passwordChangeRequired) {
    }

    /**
     * Signs in. Not one transaction: a failed attempt must stay counted although the request fails
     * (the token is one insert).
     */
    public IssuedToken issue(String username, String password, String clientAddress) {
        Actor actor = accounts.authenticate(username, password, clientAddress)
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID_CREDENTIALS,
                        Msg.of("problem.invalid-credentials.detail")));
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "hmbd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = Instant.now().plus(props.tokenTtl());
        jdbc.sql("insert into api_token (user_id, token_hash, expires_at) values (?, ?, ?)")
                .params(actor.id(), hash(token), Timestamp.from(expires)).update();
        return new IssuedToken(token, expires, actor.mustChangePassword());
    }

    /** The account a token belongs to, if the token is known, unexpired and not revoked. */
    Optional<Actor> authenticate(String token) {
        return jdbc.sql("""
                        select user_id from api_token
                        where token_hash = ? and revoked_at is null and expires_at > now()""")
                .param(hash(token)).query(Long.class).optional()
                .flatMap(accounts::actor);
    }

    @Transactional
    /** Ends every token of an account whose password changed, in the same transaction. */
    @EventListener
    void onPasswordChanged(Accounts.PasswordChanged event) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(event.userId()).update();
    }

    /** Ends every token of an account that was locked or disabled, in the same transaction. */
    @EventListener
    void onAccountEnded(Accounts.AccountEnded event) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null")
                .param(event.userId()).update();
    }

    public void revoke(String token) {
        jdbc.sql("update api_token set revoked_at = now() where token_hash = ? and revoked_at is null")
                .param(hash(token)).update();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
