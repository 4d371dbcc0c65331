package org.hmbd.registry.shared;

/**
 * A HAPI FHIR plain provider (methods annotated with {@code @Read}, {@code @Search} or
 * {@code @Operation}, each naming its resource type) that a feature contributes to the one FHIR
 * endpoint under {@code /fhir}. The endpoint registers every bean of this type.
 */
public interface FhirProvider {
}
