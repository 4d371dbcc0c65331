package org.hmbd.registry.auth.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import java.util.Set;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.AuthenticationPort;
import org.hmbd.registry.shared.AuditAttributes;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the audit log who is acting, and holds an account whose password must still be changed
 * to the few requests that let it change it.
 */
class SignedInActorFilter extends OncePerRequestFilter {

    private static final Set<String> ALLOWED_BEFORE_CHANGE = Set.of(
            "/api/v1/auth/password", "/api/v1/me", "/api/v1/auth/logout", "/logout", "/account/password", "/login");

    /** A request of the web UI (not the API, FHIR or the actuator): answered with a redirect, not a problem. */
    static boolean isPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.startsWith("/api/") || uri.startsWith("/fhir") || uri.startsWith("/actuator")
                || uri.startsWith("/v3/") || request.getHeader("Authorization") != null);
    }

    private static boolean isAsset(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/assets/") || uri.startsWith("/webjars/") || uri.equals("/favicon.ico");
    }

    private final AuthenticationPort auth;
    private final Problems problems;

    SignedInActorFilter(AuthenticationPort auth, Problems problems) {
        this.auth = auth;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Actor actor = authentication == null ? null : SecurityConfiguration.actorOf(authentication.getPrincipal());
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (actor != null && session != null && request.getHeader("Authorization") == null
                && !auth.sessionStillValid(actor.id(), java.time.Instant.ofEpochMilli(session.getCreationTime()))) {
            // too old, or the account's password changed (or it was locked) since the session began
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (isPage(request)) {
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            problems.write(request, response, ErrorCode.UNAUTHENTICATED, Msg.of("problem.unauthenticated.session-ended"));
            return;
        }
        if (actor != null && session != null && request.getHeader("Authorization") == null) {
            // a session holds the account as it was at sign-in: roles granted or withdrawn since apply now
            Actor now = auth.current(actor.id()).orElse(null);
            if (now != null && Boolean.TRUE.equals(session.getAttribute(OidcSignIn.SESSION_ATTRIBUTE))) {
                // signed in at the OpenID provider: the local password's first change does not apply
                now = now.withoutPasswordChange();
            }
            if (now != null && !now.equals(actor)) {
                ActorDetails details = new ActorDetails(now, null);
                UsernamePasswordAuthenticationToken fresh = UsernamePasswordAuthenticationToken.authenticated(details,
                        null, details.getAuthorities());
                fresh.setDetails(authentication.getDetails());
                org.springframework.security.core.context.SecurityContext context =
                        SecurityContextHolder.createEmptyContext();
                context.setAuthentication(fresh);
                SecurityContextHolder.setContext(context);
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
                actor = now;
            }
        }
        if (actor != null) {
            request.setAttribute(AuditAttributes.ACTOR, actor.username());
            if (actor.organizationId() != null) {
                request.setAttribute(AuditAttributes.ORGANIZATION, actor.organizationId());
            }
            request.setAttribute(AuditAttributes.ACTOR_ID, actor.id());
            if (actor.realNameMasked() != null) {
                request.setAttribute(AuditAttributes.ACTOR_NAME, actor.realNameMasked());
            }
            if (actor.mustChangePassword() && !ALLOWED_BEFORE_CHANGE.contains(request.getRequestURI())
                    && !isAsset(request)) {
                // a session may predate the change: look again before refusing
                boolean stillRequired = auth.current(actor.id()).map(Actor::mustChangePassword).orElse(true);
                if (stillRequired && isPage(request)) {
                    response.sendRedirect(request.getContextPath() + "/account/password");
                    return;
                }
                if (stillRequired) {
                    problems.write(request, response, ErrorCode.PASSWORD_CHANGE_REQUIRED,
                            Msg.of("problem.password-change-required.detail"));
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
