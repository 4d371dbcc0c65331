package org.hmbd.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where failures of the pages ({@link Page}) become an answer: the error page in the
 * user's language, with the same title, detail and stable code the API would give; never a stack
 * trace or an exception's name. An unexpected failure shows a correlation id, logged with it.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private final Problems problems;

    PageErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request) {
        return page(problems.of(request, e), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return page(problems.of(request, DomainException.invalidField(e.getName(), "type")), null);
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ModelAndView missing(org.springframework.web.bind.MissingServletRequestParameterException e,
                         HttpServletRequest request) {
        return page(problems.of(request, DomainException.invalidField(e.getParameterName(), "required")), null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        String id = UUID.randomUUID().toString();
        log.error("Unexpected failure on page {} {} (correlation id {})", request.getMethod(), request.getRequestURI(),
                id, e);
        return page(problems.of(request, ErrorCode.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR,
                Msg.of("problem.internal-error.detail"), Map.of("correlationId", id)), id);
    }

    private static ModelAndView page(ProblemDetail problem, String correlationId) {
        ModelAndView mv = new ModelAndView("error");
        mv.setStatus(HttpStatusCode.valueOf(problem.getStatus()));
        mv.addObject("status", problem.getStatus());
        mv.addObject("problemTitle", problem.getTitle());
        mv.addObject("problemDetail", problem.getDetail());
        mv.addObject("problemCode", problem.getProperties() == null ? null : problem.getProperties().get("code"));
        mv.addObject("problemReason", problem.getProperties() == null ? null : problem.getProperties().get("reason"));
        mv.addObject("correlationId", correlationId);
        return mv;
    }
}
