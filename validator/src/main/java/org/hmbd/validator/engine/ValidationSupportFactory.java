package org.hmbd.validator.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hmbd.validator.content.StandardContent;

/**
 * The one place the HAPI validation support chain is composed, offline: the standard's own
 * content first, then the base specification, common code systems, in-memory terminology,
 * snapshot generation, and a WARNING (not an error) for code systems that are not available
 * offline (LOINC, SNOMED CT, ICD-10), which the engine reports as "not checked".
 */
public final class ValidationSupportFactory {

    private ValidationSupportFactory() {
    }

    /**
     * The base specification's definitions. A reference with an empty type segment ({@code Patient//x},
     * {@code //}) makes HL7 ask for {@code http://hl7.org/fhir/StructureDefinition/} with nothing after it,
     * on which HAPI 8.8.1 throws ({@code StringIndexOutOfBoundsException}) instead of answering "not found";
     * answered as not found, HL7 reports the reference as invalid at its own location.
     */
    static final class BaseDefinitions extends DefaultProfileValidationSupport {
        BaseDefinitions(FhirContext ctx) {
            super(ctx);
        }

        @Override
        public org.hl7.fhir.instance.model.api.IBaseResource fetchStructureDefinition(String url) {
            if (url == null || url.equals(URL_PREFIX_STRUCTURE_DEFINITION)) {
                return null;
            }
            return super.fetchStructureDefinition(url);
        }
    }

    public static ValidationSupportChain create(FhirContext ctx, StandardContent content) {
        PrePopulatedValidationSupport own = new PrePopulatedValidationSupport(ctx);
        for (Resource r : content.resources()) {
            if (r instanceof StructureDefinition sd) {
                own.addStructureDefinition(sd);
            } else if (r instanceof ValueSet vs) {
                own.addValueSet(vs);
            } else if (r instanceof CodeSystem cs) {
                own.addCodeSystem(cs);
            }
        }
        UnknownCodeSystemWarningValidationSupport unknown = new UnknownCodeSystemWarningValidationSupport(ctx);
        unknown.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        return new ValidationSupportChain(
                own,
                new BaseDefinitions(ctx),
                new CommonCodeSystemsTerminologyService(ctx),
                new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx),
                unknown);
    }
}
