package org.hmbd.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Translates every failure into {@code application/problem+json}; never leaks a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private final Problems problems;

    ProblemHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, HttpServletRequest request) {
        return respond(problems.of(request, e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(problems.of(request, DomainException.invalidField(e.getName(), "type")));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(problems.of(request, ErrorCode.CONCURRENT_MODIFICATION, HttpStatus.CONFLICT,
                Msg.of("problem.concurrent-modification.detail"), Map.of()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(problems.of(request, ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN,
                Msg.of("forbidden.role"), Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e) instanceof RequestBodyLimits.CorruptBody
                || hasCause(e, RequestBodyLimits.CorruptBody.class)) {
            return respond(problems.of(request, ErrorCode.MALFORMED_REQUEST, HttpStatus.BAD_REQUEST,
                    Msg.of("problem.malformed-request.compressed-body"), Map.of()));
        }
        String id = java.util.UUID.randomUUID().toString();
        log.error("Unexpected failure on {} {} (correlation id {})", request.getMethod(), request.getRequestURI(), id, e);
        return respond(problems.of(request, ErrorCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                Msg.of("problem.internal-error.detail"), Map.of("correlationId", id)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        String field = errors.isEmpty() ? "body" : errors.get(0).get("field");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("field", field);
        props.put("errors", errors);
        ProblemDetail body = problems.of(servlet(request), ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST,
                Msg.of("problem.validation-failed.detail", field, Msg.of("reason.invalid")), props);
        return new ResponseEntity<>(body, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex.getParameterValidationResults().stream()
                .map(r -> r.getMethodParameter().getParameterName()).findFirst().orElse("parameter");
        ProblemDetail body = problems.of(servlet(request), ErrorCode.VALIDATION_FAILED, HttpStatus.BAD_REQUEST,
                Msg.of("problem.validation-failed.detail", field, Msg.of("reason.invalid")), Map.of("field", field));
        return new ResponseEntity<>(body, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    /** Spring MVC's own failures (unreadable body, unknown path, wrong method, media type, ...). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ErrorCode code = switch (statusCode.value()) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> statusCode.is5xxServerError() ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        if (statusCode.is5xxServerError()) {
            log.error("Request failed: {}", ex.toString(), ex);
        }
        Msg detail = code == ErrorCode.NOT_FOUND
                ? Msg.of("problem.not-found.detail", Msg.of("resource.path"), servlet(request).getRequestURI())
                : Msg.of("problem." + code.code() + ".detail");
        ProblemDetail problem = problems.of(servlet(request), code, statusCode, detail, Map.of());
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, merged, statusCode);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        Object retryAfter = problem.getProperties() == null ? null : problem.getProperties().get("retryAfterSeconds");
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter.toString());
        }
        return response.body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return h;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
