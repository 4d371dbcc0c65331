package org.hmbd.registry.conformance.web;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.util.List;
import java.util.Locale;
import org.hmbd.registry.shared.web.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

class FhirFailuresTest {

    private final FhirFailures failures;

    FhirFailuresTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setSupportedLocales(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        failures = new FhirFailures(new Problems(messages, locales, JsonMapper.builder().build()), locales);
    }

    @Test
    void hapisWrappingOfAnUnexpectedFailureBecomesAGeneric500WithAReference() {
        InternalErrorException wrapped = new InternalErrorException(
                "HAPI-0389: Failed to call access method: java.lang.NullPointerException: secret internals",
                new NullPointerException("secret internals"));
        BaseServerResponseException answer = failures.translate(wrapped, english());
        assertThat(answer.getStatusCode()).isEqualTo(500);
        assertThat(answer.getMessage()).doesNotContain("HAPI-0389").doesNotContain("NullPointer")
                .doesNotContain("secret").containsPattern("reference [0-9a-f-]{36}");
        assertThat(failures.translate(new IllegalStateException("boom"), null).getMessage()).contains("编号");
    }

    @Test
    void aWrongParameterTypeIs400AndDeliberateAnswersStayAsTheyAre() {
        BaseServerResponseException answer = failures.translate(
                new InternalErrorException("x", new NumberFormatException("For input string")), english());
        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(answer.getMessage()).doesNotContain("NumberFormat");
        assertThat(failures.translate(new ResourceNotFoundException("ValueSet/x"), english())).isNull();
        assertThat(failures.translate(new UnclassifiedServerFailureException(503, "loading"), english())).isNull();
    }

    private static MockHttpServletRequest english() {
        MockHttpServletRequest r = new MockHttpServletRequest("GET", "/fhir/ValueSet/$expand");
        r.addHeader("Accept-Language", "en");
        return r;
    }
}
