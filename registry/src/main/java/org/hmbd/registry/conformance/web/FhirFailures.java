package org.hmbd.registry.conformance.web;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The one place where a failure on {@code /fhir} becomes an OperationOutcome: a parameter of the
 * wrong type is a 400 naming the problem, never HAPI's {@code HAPI-0389 Failed to call access
 * method} wrapping with an exception name; any other unexpected failure is a generic 500 with a
 * correlation id, the details going to the log under the same id.
 */
@Interceptor
final class FhirFailures {

    private static final Logger log = LoggerFactory.getLogger(FhirFailures.class);

    private final Problems problems;
    private final LocaleResolver locales;

    FhirFailures(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException translate(Throwable thrown, HttpServletRequest request) {
        Locale locale = request == null ? Locale.SIMPLIFIED_CHINESE : locales.resolveLocale(request);
        if (thrown instanceof BaseServerResponseException e && !(e instanceof InternalErrorException)
                && e.getStatusCode() < 500) {
            return null; // already a deliberate answer
        }
        if (caused(thrown, NumberFormatException.class) || caused(thrown, DataFormatException.class)) {
            return new InvalidRequestException(problems.resolve(Msg.of("fhir.invalid-parameter"), locale));
        }
        if (thrown instanceof BaseServerResponseException e && !(e instanceof InternalErrorException)) {
            return null; // a deliberate 5xx (503 while a suite loads), its text written for the caller
        }
        String id = UUID.randomUUID().toString();
        log.error("Unexpected failure on {} {} (correlation id {})", request == null ? "?" : request.getMethod(),
                request == null ? "?" : request.getRequestURI(), id, thrown);
        return new InternalErrorException(problems.resolve(Msg.of("fhir.internal-error", id), locale));
    }

    private static boolean caused(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
