package org.hmbd.registry.audit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.shared.AuditAttributes;
import org.hmbd.registry.shared.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Records every write request to the API and to {@code /fhir} (POST, PUT, PATCH, DELETE;
 * {@code $validate} included), and every read of submitted data, findings, reports and personal
 * fields (issue 13), including those refused by authentication or authorization: it runs outside
 * the security filter chain. Reads of the audit trail are recorded by its own controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    /** Reads that show submitted data, its findings and reports, or an account's personal fields. */
    private static final java.util.List<String> SENSITIVE_READS = java.util.List.of(
            "/api/v1/conformance/runs/*/findings", "/api/v1/conformance/runs/*/report",
            "/api/v1/conformance/runs/*/checks", "/api/v1/conformance/runs/*/comparison",
            "/api/v1/users", "/api/v1/users/*", "/api/v1/users/*/history", "/api/v1/users/*/tokens",
            "/api/v1/me", "/api/v1/me/tokens",
            // the pages that show the same
            "/conformance/runs/*", "/conformance/runs/*/report.pdf", "/conformance/certificates",
            "/admin/users", "/admin/users/*");
    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        String uri = request.getRequestURI();
        if (isWrite(request)) {
            // on /fhir only $validate (submitted data); terminology operations are reads, open to anyone
            boolean validate = uri.startsWith("/fhir/") && (uri.contains("$validate") || uri.contains("%24validate"))
                    && !uri.contains("validate-code");
            // every other write: the API, the sign-in and sign-out, and the forms of the web UI
            return uri.startsWith("/fhir/") && !validate;
        }
        return !("GET".equals(m) && SENSITIVE_READS.stream().anyMatch(p -> PATHS.match(p, uri)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                String action = action(request);
                Object target = request.getAttribute(AuditAttributes.TARGET);
                if (target == null) {
                    target = response.getHeader("Location") != null ? response.getHeader("Location")
                            : request.getRequestURI();
                }
                int status = response.getStatus();
                Object code = request.getAttribute(Problems.CODE_ATTRIBUTE);
                audit.record(who(request), action, target.toString(),
                        status < 400 ? "SUCCESS" : "FAILURE", status, code == null ? null : code.toString(),
                        request.getRemoteAddr());
            } catch (RuntimeException e) {
                log.error("Could not write the audit record for {} {}", request.getMethod(), request.getRequestURI(), e);
            }
        }
    }

    /** The acting account as the security filters left it on the request ({@code anonymous} if none). */
    static AuditLog.Who who(HttpServletRequest request) {
        Object actor = request.getAttribute(AuditAttributes.ACTOR);
        Object organization = request.getAttribute(AuditAttributes.ORGANIZATION);
        Object actorId = request.getAttribute(AuditAttributes.ACTOR_ID);
        Object actorName = request.getAttribute(AuditAttributes.ACTOR_NAME);
        return new AuditLog.Who(actor == null ? "anonymous" : actor.toString(), actorId instanceof Long l ? l : null,
                actorName == null ? null : actorName.toString(), organization instanceof Long o ? o : null);
    }

    /** The method and the matched path pattern ({@code POST /api/v1/users/{id}/roles}), or the path. */
    static String action(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
    }

    static boolean isWrite(HttpServletRequest request) {
        String m = request.getMethod();
        return !("GET".equals(m) || "HEAD".equals(m) || "OPTIONS".equals(m) || "TRACE".equals(m));
    }
}
