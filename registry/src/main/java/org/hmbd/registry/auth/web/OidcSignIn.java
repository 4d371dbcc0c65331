package org.hmbd.registry.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.AuthenticationPort;
import org.hmbd.registry.auth.OidcProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Browser sign-in through the OpenID provider (authorization-code flow), when
 * {@code hmbd.auth.oidc.client-id} is set: the sign-in page offers it beside the password form.
 * The provider's ID token names the local account (as for bearer tokens); the session then holds
 * that account, as after a password sign-in, without the local password's first change. A sign-in
 * naming no active account returns to {@code /login?error}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hmbd.auth.oidc", name = "client-id")
class OidcSignIn {

    /** Marks a session begun at the provider: the local password plays no part in it. */
    static final String SESSION_ATTRIBUTE = "hmbd.oidc-sign-in";

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(OidcProperties props) {
        // reads the provider's discovery document: the provider must answer when the server starts
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(props.issuerUri())
                .registrationId("oidc").clientId(props.clientId()).clientSecret(props.clientSecret())
                .scope("openid", "profile").redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName("统一身份认证 / Identity provider").build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    static AuthenticationSuccessHandler successHandler(AuthenticationPort auth) {
        HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            Optional<Actor> actor = authentication.getPrincipal() instanceof OidcUser user
                    ? auth.oidcAccount(user.getClaims(), user.getSubject()) : Optional.empty();
            if (actor.isEmpty()) {
                SecurityContextHolder.clearContext();
                if (request.getSession(false) != null) {
                    request.getSession(false).invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
            ActorDetails details = new ActorDetails(actor.get(), null);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null,
                    details.getAuthorities()));
            SecurityContextHolder.setContext(context);
            sessions.saveContext(context, request, response);
            request.getSession().setAttribute(SESSION_ATTRIBUTE, Boolean.TRUE);
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

}
