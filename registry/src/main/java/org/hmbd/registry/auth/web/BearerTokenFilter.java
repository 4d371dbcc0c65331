package org.hmbd.registry.auth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.AuthenticationPort;
import org.hmbd.registry.auth.TokenScope;
import org.hmbd.registry.auth.Tokens;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>}: an unknown, expired or revoked token is answered 401 at once. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AuthenticationPort auth;
    private final Problems problems;

    BearerTokenFilter(AuthenticationPort auth, Problems problems) {
        this.auth = auth;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(7).trim();
        // the registry's tokens are short; an OpenID provider's JWT is a few kilobytes at most
        Optional<Tokens.Authenticated> found = token.isEmpty() || token.length() > 8192 ? Optional.empty()
                : auth.byToken(token);
        if (found.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.write(request, response, ErrorCode.INVALID_TOKEN, Msg.of("problem.invalid-token.detail"));
            return;
        }
        Actor actor = found.get().actor();
        if (found.get().scopes() != null) {
            // a personal token: the request must be within its scopes
            TokenScope needed = TokenScope.required(request);
            if (needed == null || !found.get().scopes().contains(needed)) {
                SecurityContextHolder.clearContext();
                request.setAttribute(org.hmbd.registry.shared.AuditAttributes.ACTOR, actor.username());
                problems.write(request, response, ErrorCode.FORBIDDEN, needed == null
                        ? Msg.of("forbidden.token-scope-none") : Msg.of("forbidden.token-scope", needed));
                return;
            }
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                actor, null, ActorDetails.authorities(actor));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
