package org.hmbd.registry.platform;

import ca.uhn.fhir.context.FhirContext;
import org.hmbd.validator.engine.ValidationEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one FHIR R4 context of the server, shared with the validator engine (a context is expensive
 * to build and caches every definition it has seen): every feature that parses or writes FHIR gets
 * this bean.
 */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

    @Bean
    FhirContext fhirContext() {
        return ValidationEngine.fhirContext();
    }
}
