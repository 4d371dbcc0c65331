package org.hmbd.registry.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address with nothing behind it: a browser asking for a page gets the error page in its
 * language; everyone else the {@code not-found} problem, as before.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

    private final Problems problems;

    UnknownPages(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ModelAndView unknown(HttpServletRequest request) {
        if (wantsPage(request)) {
            ModelAndView mv = new ModelAndView("error");
            mv.setStatus(HttpStatus.NOT_FOUND);
            mv.addObject("status", 404);
            return mv;
        }
        View problem = (model, req, res) -> problems.write(req, res, ErrorCode.NOT_FOUND,
                Msg.of("problem.not-found.detail", Msg.of("resource.path"), req.getRequestURI()));
        return new ModelAndView(problem);
    }

    /** A browser's request for a page: HTML accepted by name, and not an address of the API, FHIR or the actuator. */
    static boolean wantsPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !(uri.startsWith("/api/") || uri.startsWith("/fhir")
                || uri.startsWith("/actuator") || uri.startsWith("/v3/"));
    }
}
