package org.hmbd.registry.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * No audit, no write (issue 13): before any handler of a write request to the API runs (after the
 * security filters, so the actor is known, and before a byte of the body is read), an
 * {@code ATTEMPT} record is appended to the chain in its own transaction. If it cannot be written
 * (the database or the chain's end unavailable within {@code hmbd.audit.lock-timeout}), the
 * request is refused with 503 {@code audit-unavailable} and nothing is changed. The outcome
 * record follows when the request ends ({@link AuditFilter}); should that one fail, the attempt
 * still shows who tried what, when and from where.
 */
@Configuration(proxyBeanMethods = false)
class AuditBeforeWrite implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditBeforeWrite.class);
    static final String ATTEMPT = "ATTEMPT";

    private final AuditLog audit;

    AuditBeforeWrite(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the API and the forms of the web UI (FHIR's $validate is recorded by its own provider)
        registry.addInterceptor(this).addPathPatterns("/**").excludePathPatterns("/assets/**", "/webjars/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!AuditFilter.isWrite(request)) {
            return true;
        }
        try {
            audit.record(AuditFilter.who(request), AuditFilter.action(request), request.getRequestURI(), ATTEMPT, null,
                    null, request.getRemoteAddr());
        } catch (RuntimeException e) {
            log.error("Refused {} {}: its audit record could not be written", request.getMethod(),
                    request.getRequestURI(), e);
            throw new DomainException(ErrorCode.AUDIT_UNAVAILABLE, Msg.of("problem.audit-unavailable.detail"));
        }
        return true;
    }
}
