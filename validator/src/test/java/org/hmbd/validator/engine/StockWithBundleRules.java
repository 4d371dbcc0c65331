package org.hmbd.validator.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.BundleValidationRule;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

/**
 * The baseline for Bundles checked against a standard: stock HAPI 8.8.1's validation path
 * ({@code ValidatorWrapper}: a new HL7 {@code InstanceValidator} per call, HAPI's settings and
 * message filters, its own worker context), with the one thing stock HAPI has no option for, HL7's
 * Bundle validation rules (entries of a type against a profile). Written independently of the
 * engine's {@link ReusingInstanceValidator} so that the comparison checks the engine's reuse,
 * caches and mapping. JSON input only (the realistic corpus is JSON).
 */
final class StockWithBundleRules extends FhirInstanceValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> entryProfiles;

    StockWithBundleRules(IValidationSupport support, Map<String, String> entryProfiles) {
        super(support);
        this.entryProfiles = entryProfiles;
        setErrorForUnknownProfiles(true);
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        IWorkerContext worker = provideWorkerContext();
        if (context.getResourceAsStringEncoding() != EncodingEnum.JSON) {
            throw new IllegalArgumentException("JSON only");
        }
        try {
            InstanceValidator v = new InstanceValidator(worker, new FhirInstanceValidator.NullEvaluationContext(),
                    new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
            v.setAssumeValidRestReferences(isAssumeValidRestReferences());
            v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
            v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
            v.setResourceIdRule(IdStatus.OPTIONAL);
            v.setNoTerminologyChecks(isNoTerminologyChecks());
            v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
            v.setUnknownCodeSystemsCauseErrors(true);
            v.getExtensionDomains().addAll(getExtensionDomains());
            v.setFetcher(getValidatorResourceFetcher());
            v.setPolicyAdvisor(getValidatorPolicyAdvisor());
            v.setNoExtensibleWarnings(isNoExtensibleWarnings());
            v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
            v.setAllowExamples(isAllowExamples());
            v.setAllowXsiLocation(true);
            entryProfiles.forEach((type, url) ->
                    v.getBundleValidationRules().add(new BundleValidationRule().setRule(type).setProfile(url)));

            List<StructureDefinition> profiles = new ArrayList<>();
            List<ValidationMessage> invalid = new ArrayList<>();
            List<String> urls = new ArrayList<>(context.getOptions().getProfiles());
            JsonNode declared = JSON.readTree(context.getResourceAsString()).path("meta").path("profile");
            declared.forEach(p -> urls.add(p.asText()));
            for (String url : urls) {
                StructureDefinition sd = worker.fetchResource(StructureDefinition.class, url);
                if (sd != null) {
                    profiles.add(sd);
                } else {
                    ValidationMessage m = new ValidationMessage();
                    m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
                    m.setLevel(ValidationMessage.IssueSeverity.ERROR);
                    m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
                    invalid.add(m);
                }
            }
            List<ValidationMessage> messages = new ArrayList<>();
            v.validate(context.getOptions().getAppContext(), messages,
                    new ByteArrayInputStream(context.getResourceAsString().getBytes(StandardCharsets.UTF_8)),
                    Manager.FhirFormat.JSON, profiles);
            if (profiles.isEmpty()) {
                messages.addAll(invalid);
            }
            List<ValidationMessage> result = new ArrayList<>();
            for (ValidationMessage m : messages) {
                String id = m.getMessageId();
                if (id != null && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                        || id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                        && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))) {
                    continue;
                }
                if (id != null && (id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
                        || id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY))) {
                    m.setLevel(ValidationMessage.IssueSeverity.ERROR);
                }
                result.add(m);
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
