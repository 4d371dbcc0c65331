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

    /**
     * A token's account and, for a personal token, its scopes (null: a sign-in token, every scope).
     */
    public record Authenticated(Actor actor, java.util.Set<TokenScope> scopes) {
    }

    /** The account a token belongs to, if the token is known, unexpired and not revoked. */
    Optional<Authenticated> authenticate(String token) {
        String h = hash(token);
        Optional<Object[]> row = jdbc.sql("""
                        select id, user_id, kind, scopes from api_token
                        where token_hash = ? and revoked_at is null and expires_at > now()""")
                .param(h).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)})
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        long tokenId = (Long) row.get()[0];
        boolean personal = "PERSONAL".equals(row.get()[2]);
        if (personal) {
            // at most one write a minute per token: enough to show when it was last used
            jdbc.sql("update api_token set last_used_at = now() where id = ? "
                    + "and (last_used_at is null or last_used_at < now() - interval '1 minute')").param(tokenId).update();
        }
        java.util.Set<TokenScope> scopes = personal ? parseScopes((String) row.get()[3]) : null;
        return accounts.actor((Long) row.get()[1]).map(a -> new Authenticated(a, scopes));
    }

    private static java.util.Set<TokenScope> parseScopes(String csv) {
        java.util.Set<TokenScope> set = java.util.EnumSet.noneOf(TokenScope.class);
        for (String s : csv == null ? new String[0] : csv.split(",")) {
            if (!s.isBlank()) {
                set.add(TokenScope.valueOf(s.strip()));
            }
        }
        return set;
    }

    /** A personal access token as listed: never the token itself. */
    public record PersonalToken(long id, String name, java.util.Set<TokenScope> scopes, Instant createdAt,
                                Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** A new personal access token: the token is shown this once. */
    public record CreatedToken(PersonalToken token, String secret) {
    }

    public record NewToken(String name, java.util.List<String> scopes, Integer expiresInDays) {
    }

    static final int MAX_PERSONAL_TOKENS = 20;

    /** Creates a personal access token of the account itself. */
    @Transactional
    public CreatedToken createPersonal(Actor actor, NewToken req) {
        String name = org.hmbd.registry.shared.Text.required("name", req == null ? null : req.name(), 100);
        java.util.Set<TokenScope> scopes = java.util.EnumSet.noneOf(TokenScope.class);
        for (String s : req.scopes() == null ? java.util.List.<String>of() : req.scopes()) {
            scopes.add(org.hmbd.registry.shared.Text.enumValue("scopes", s, TokenScope.class));
        }
        if (scopes.isEmpty()) {
            throw DomainException.invalidField("scopes", "required");
        }
        int days = req.expiresInDays() == null ? 90 : req.expiresInDays();
        if (days < 1 || days > 365) {
            throw DomainException.invalidField("expiresInDays", "between", 1, 365);
        }
        long live = jdbc.sql("select count(*) from api_token where user_id = ? and kind = 'PERSONAL' "
                + "and revoked_at is null and expires_at > now()").param(actor.id()).query(Long.class).single();
        if (live >= MAX_PERSONAL_TOKENS) {
            throw DomainException.conflict("too-many-tokens", MAX_PERSONAL_TOKENS);
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "hmbd_pat_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant expires = Instant.now().plus(java.time.Duration.ofDays(days));
        long id = jdbc.sql("""
                        insert into api_token (user_id, token_hash, expires_at, kind, name, scopes)
                        values (?, ?, ?, 'PERSONAL', ?, ?) returning id""")
                .params(actor.id(), hash(token), Timestamp.from(expires), name,
                        String.join(",", scopes.stream().map(Enum::name).toList()))
                .query(Long.class).single();
        return new CreatedToken(personal(actor.id()).stream().filter(t -> t.id() == id).findFirst().orElseThrow(),
                token);
    }

    /** The personal access tokens of an account, newest first. */
    public java.util.List<PersonalToken> personal(long userId) {
        return jdbc.sql("""
                        select id, name, scopes, created_at, expires_at, last_used_at, revoked_at from api_token
                        where user_id = ? and kind = 'PERSONAL' order by id desc""")
                .param(userId)
                .query((rs, n) -> new PersonalToken(rs.getLong(1), rs.getString(2), parseScopes(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Revokes one personal access token of an account; 404 when the account has no such token. */
    @Transactional
    public void revokePersonal(long userId, long tokenId) {
        int n = jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, now()) "
                        + "where id = ? and user_id = ? and kind = 'PERSONAL'").params(tokenId, userId).update();
        if (n == 0) {
            throw DomainException.notFound("token", tokenId);
        }
    }

    @Transactional
    /** Ends every token of an account whose password changed, in the same transaction. */
    @EventListener
    void onPasswordChanged(Accounts.PasswordChanged event) {
        revokeAll(event.userId());
    }

    /** Ends every token of an account that was locked or disabled, in the same transaction. */
    @EventListener
    void onAccountEnded(Accounts.AccountEnded event) {
        revokeAll(event.userId());
    }

    private void revokeAll(long userId) {
        jdbc.sql("update api_token set revoked_at = now() where user_id = ? and revoked_at is null").param(userId)
                .update();
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
