package org.hmbd.registry.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a personal access token may do; a sign-in token (or a browser session) may do all its
 * account may. The role checks still apply on top: a scope never grants what the account lacks.
 */
public enum TokenScope {
    /** read the API (GET), not the regulator port */
    READ,
    /** submit conformance data: create, fill, submit, cancel and re-run runs; {@code $validate} */
    SUBMIT,
    /** every other write the account may make */
    ADMINISTER,
    /** read the regulator port ({@code /api/v1/regulator/**}) and nothing else */
    REGULATOR_READ;

    /**
     * The scope a request needs, or null when no personal token may make it at all (managing
     * tokens, changing the password: a token must not mint tokens or lock out its owner).
     */
    public static TokenScope required(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (path.startsWith("/api/v1/regulator/")) {
            return read ? REGULATOR_READ : null;
        }
        if (path.startsWith("/api/v1/me/tokens") || path.equals("/api/v1/auth/password")) {
            return read ? READ : null;
        }
        if (read) {
            return READ;
        }
        if (path.startsWith("/api/v1/conformance/runs") || path.startsWith("/fhir/")) {
            return SUBMIT;
        }
        return ADMINISTER;
    }
}
