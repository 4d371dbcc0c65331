package org.hmbd.registry.auth.web;

import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.AuthenticationPort;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.hmbd.registry.shared.DomainException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Everything is authenticated unless deliberately public: reading published standards, the
 * category tree, health, the API description and the sign-in endpoints. API clients use bearer
 * tokens; browsers use a session from the sign-in form (with CSRF protection).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {


    /**
     * The sign-in form checks passwords exactly as the token endpoint does, back-off included: a
     * locked account or address is refused (the form shows the error), the right password too.
     */
    @Bean
    AuthenticationProvider signInProvider(AuthenticationPort auth) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication request) {
                String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
                        : null;
                Object credentials = request.getCredentials();
                Actor actor;
                try {
                    actor = auth.signIn(request.getName(), credentials == null ? null : credentials.toString(), address)
                            .orElseThrow(() -> new BadCredentialsException("invalid-credentials"));
                } catch (DomainException e) {
                    throw new LockedException(e.reason());
                }
                ActorDetails details = new ActorDetails(actor, null);
                UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(details,
                        null, details.getAuthorities());
                done.setDetails(request.getDetails());
                return done;
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationPort auth, Problems problems,
            org.springframework.beans.factory.ObjectProvider<
                    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> oidc)
            throws Exception {
        var registrations = oidc.getIfAvailable();
        if (registrations != null) {
            // sign-in through the OpenID provider, offered on the sign-in page beside the password form
            http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                    .successHandler(OidcSignIn.successHandler(auth)).failureUrl("/login?error"));
        }
        RequestMatcher bearer = request -> {
            String h = request.getHeader("Authorization");
            return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
        };
        http
                // CSRF protects browser sessions; a request carrying no session cookie (API clients,
                // anonymous calls) has no ambient credentials to abuse. The sign-in form stays protected.
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer)
                        .ignoringRequestMatchers(request -> request.getRequestedSessionId() == null
                                && !"/login".equals(request.getRequestURI())))
                .authorizeHttpRequests(authz -> authz
                        .requestMatchers(HttpMethod.GET, "/api/v1/standards", "/api/v1/standards/**",
                                "/api/v1/editions", "/api/v1/editions/*", "/api/v1/editions/*/history", "/api/v1/editions/*/artifacts",
                                "/api/v1/editions/*/artifacts/**", "/api/v1/categories", "/api/v1/categories/**")
                        .permitAll()
                        // certificate verification and the list of test suites are public by design
                        .requestMatchers(HttpMethod.GET, "/api/v1/certificates/*", "/api/v1/conformance/suites")
                        .permitAll()
                        // the resource catalog is open to the public (Measures Art. 37); public items only
                        .requestMatchers(HttpMethod.GET, "/api/v1/catalog/search", "/api/v1/catalog/items/*",
                                "/api/v1/catalog/lookup", "/api/v1/catalog/diff", "/api/v1/catalog/editions/*/items", "/api/v1/catalog/editions/*/package", "/api/v1/packages", "/api/v1/packages/**")
                        .permitAll()
                        // FHIR reads, searches, terminology and the CapabilityStatement (public editions
                        // only for anonymous callers); $validate (POST) needs an account
                        .requestMatchers(HttpMethod.GET, "/fhir/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/fhir/ValueSet/$expand", "/fhir/ValueSet/*/$expand",
                                "/fhir/CodeSystem/$lookup", "/fhir/ValueSet/$validate-code",
                                "/fhir/ValueSet/*/$validate-code")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/registrations").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // metrics, security warnings included: the three administrators
                        .requestMatchers("/actuator/prometheus").hasAnyRole("SYSTEM_ADMIN", "SECURITY_ADMIN", "AUDIT_ADMIN")
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // the public pages of the web UI and their assets
                        .requestMatchers(HttpMethod.GET, "/", "/standards", "/standards/*", "/editions/*", "/editions/*/contents",
                                "/editions/*/artifacts/*",
                                "/standards/*/diff", "/categories", "/catalog",
                                "/certificates/verify", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/login", "/register", "/error", "/oauth2/authorization/*", "/login/oauth2/code/*")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
                .httpBasic(basic -> basic.disable())
                .addFilterBefore(new BearerTokenFilter(auth, problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SignedInActorFilter(auth, problems), AuthorizationFilter.class)
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(
                                (req, res, e) -> problems.write(req, res, ErrorCode.UNAUTHENTICATED,
                                        Msg.of("problem.unauthenticated.detail")),
                                request -> request.getRequestURI().startsWith("/api/")
                                        || request.getRequestURI().startsWith("/actuator/")
                                        || request.getHeader("Authorization") != null)
                        .accessDeniedHandler((req, res, e) -> problems.write(req, res, ErrorCode.FORBIDDEN,
                                Msg.of("forbidden.csrf-or-role"))));
        return http.build();
    }

    static Actor actorOf(Object principal) {
        if (principal instanceof ActorDetails d) {
            return d.actor();
        }
        if (principal instanceof Actor a) {
            return a;
        }
        return null;
    }
}
