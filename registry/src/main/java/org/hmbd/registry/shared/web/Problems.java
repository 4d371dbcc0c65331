package org.hmbd.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem bodies: a stable {@code code}, a title and detail in the request's
 * language (Simplified Chinese by default, English on {@code Accept-Language: en}).
 * The one place, with the MVC exception handler that uses it, where failures become HTTP.
 */
@Component
public class Problems {

    /** Request attribute holding the code of the problem answered, read by the audit log. */
    public static final String CODE_ATTRIBUTE = "hmbd.problem.code";

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    private org.springframework.context.ApplicationEventPublisher events;

    /** Refusals (403) are signalled to the security monitoring. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setEvents(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    public Problems(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    public ProblemDetail of(HttpServletRequest request, DomainException e) {
        return of(request, e.errorCode(), e.errorCode().status(), e.detail(), e.properties());
    }

    public ProblemDetail of(HttpServletRequest request, ErrorCode code, HttpStatusCode status, Msg detail,
                            Map<String, Object> properties) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:hmbd:problem:" + code.code()));
        problem.setTitle(resolve(Msg.of("problem." + code.code() + ".title"), locale));
        if (detail != null) {
            problem.setDetail(resolve(detail, locale));
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code.code());
        problem.setProperty("reason", DomainException.reasonOf(code, detail));
        properties.forEach(problem::setProperty);
        request.setAttribute(CODE_ATTRIBUTE, code.code());
        if (events != null && (code == ErrorCode.FORBIDDEN)) {
            Object actor = request.getAttribute(org.hmbd.registry.shared.AuditAttributes.ACTOR);
            Object organization = request.getAttribute(org.hmbd.registry.shared.AuditAttributes.ORGANIZATION);
            events.publishEvent(new org.hmbd.registry.shared.SecurityEvent(
                    org.hmbd.registry.shared.SecurityEvent.Kind.FORBIDDEN, actor == null ? null : actor.toString(),
                    organization instanceof Long l ? l : null, request.getRequestURI(), request.getRemoteAddr()));
        }
        return problem;
    }

    /** The detail of a failure in the language of the request being handled (a page shows it beside its form). */
    public String text(Msg detail) {
        return resolve(detail, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    /** Writes a problem outside Spring MVC (security filters). */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, Msg detail)
            throws IOException {
        ProblemDetail problem = of(request, code, code.status(), detail, Map.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(code.status().value());
        response.setCharacterEncoding("UTF-8");
        if (code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.INVALID_TOKEN) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"hmbd-registry\"");
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/fhir/")) {
            // FHIR clients expect an OperationOutcome, with the same stable code
            response.setContentType("application/fhir+json");
            json.writeValue(response.getOutputStream(), Map.of("resourceType", "OperationOutcome",
                    "issue", java.util.List.of(Map.of(
                            "severity", "error",
                            "code", code.status().value() == 401 ? "login" : code.status().value() == 403
                                    ? "forbidden" : "processing",
                            "details", Map.of("coding", java.util.List.of(Map.of("system", "urn:hmbd:problem",
                                    "code", code.code())), "text", problem.getTitle()),
                            "diagnostics", problem.getDetail() == null ? problem.getTitle() : problem.getDetail()))));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    public String resolve(Msg msg, Locale locale) {
        Object[] args = Arrays.stream(msg.args())
                .map(a -> a instanceof Msg m ? resolve(m, locale) : a)
                .toArray();
        return messages.getMessage(msg.key(), args, msg.key(), locale);
    }
}
