package org.hmbd.registry.auth.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.AuthenticationPort;
import org.hmbd.registry.auth.Tokens;
import org.hmbd.registry.shared.AuditAttributes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AuthController {

    private final Tokens tokens;
    private final Accounts accounts;
    private final AuthenticationPort auth;

    AuthController(Tokens tokens, Accounts accounts, AuthenticationPort auth) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.auth = auth;
    }

    record SignInRequest(String username, String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt, boolean passwordChangeRequired) {
    }

    record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    /** Signs in with user name and password and returns a bearer token. */
    @Permits(Permission.PUBLIC)
    @PostMapping("/auth/token")
    TokenResponse token(@RequestBody SignInRequest req, HttpServletRequest http) {
        // the audit trail names the account tried, never a made-up name (those stay "anonymous")
        auth.existingUsername(req.username()).ifPresent(name -> http.setAttribute(AuditAttributes.ACTOR, name));
        Tokens.IssuedToken t = tokens.issue(req.username(), req.password(), http.getRemoteAddr());
        return new TokenResponse(t.token(), "Bearer", t.expiresAt(), t.passwordChangeRequired());
    }

    /** Revokes the bearer token used for this request. */
    @Permits(Permission.SIGNED_IN)
    @PostMapping("/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.revoke(header.substring(7).trim());
        }
        return ResponseEntity.noContent().build();
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/auth/password")
    ResponseEntity<Void> changePassword(Actor actor, @RequestBody ChangePasswordRequest req) {
        accounts.changePassword(actor, req.currentPassword(), req.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/me")
    Accounts.UserView me(Actor actor) {
        return accounts.user(actor.id());
    }

    /** Creates a personal access token (named, scoped, expiring); the token is in this answer only. */
    @Permits(Permission.SIGNED_IN)
    @PostMapping("/me/tokens")
    ResponseEntity<Tokens.CreatedToken> createToken(Actor actor, @RequestBody Tokens.NewToken req) {
        Tokens.CreatedToken created = tokens.createPersonal(actor, req);
        return ResponseEntity.created(java.net.URI.create("/api/v1/me/tokens/" + created.token().id())).body(created);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/me/tokens")
    java.util.List<Tokens.PersonalToken> myTokens(Actor actor) {
        return tokens.personal(actor.id());
    }

    @Permits(Permission.SIGNED_IN)
    @org.springframework.web.bind.annotation.DeleteMapping("/me/tokens/{tokenId}")
    ResponseEntity<Void> revokeMine(Actor actor, @org.springframework.web.bind.annotation.PathVariable long tokenId) {
        tokens.revokePersonal(actor.id(), tokenId);
        return ResponseEntity.noContent().build();
    }

    /** An account's personal access tokens, for the security administrator or an organization administrator above it. */
    @Permits(Permission.TOKENS_MANAGE)
    @GetMapping("/users/{id}/tokens")
    java.util.List<Tokens.PersonalToken> tokensOf(Actor actor, @org.springframework.web.bind.annotation.PathVariable long id) {
        accounts.requireTokenManager(actor, id);
        return tokens.personal(id);
    }

    @Permits(Permission.TOKENS_MANAGE)
    @org.springframework.web.bind.annotation.DeleteMapping("/users/{id}/tokens/{tokenId}")
    ResponseEntity<Void> revokeOf(Actor actor, @org.springframework.web.bind.annotation.PathVariable long id,
                                  @org.springframework.web.bind.annotation.PathVariable long tokenId) {
        accounts.requireTokenManager(actor, id);
        tokens.revokePersonal(id, tokenId);
        return ResponseEntity.noContent().build();
    }
}
