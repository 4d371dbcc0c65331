package org.hmbd.validator.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * HAPI's {@link FhirInstanceValidator}, configured the same way, but keeping one HL7
 * {@link InstanceValidator} per thread instead of building a new one for every resource: building
 * one re-reads a 1.5 MB OID registry (about 12 ms), which dominates the cost of validating a
 * typical resource. Everything else (settings, profiles taken from the options and from
 * {@code meta.profile}, the messages HAPI filters out, unknown profiles as errors) is what
 * {@code ValidatorWrapper} does in HAPI FHIR 8.8.1, and {@code HapiEquivalenceTest} plus the
 * benchmark check that the findings stay identical.
 */
final class ReusingInstanceValidator extends FhirInstanceValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FILTERED = Set.of(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE);

    private final ThreadLocal<InstanceValidator> perThread = ThreadLocal.withInitial(this::build);

    ReusingInstanceValidator(IValidationSupport support) {
        super(support);
        setErrorForUnknownProfiles(true);
    }

    private InstanceValidator build() {
        IWorkerContext worker = provideWorkerContext();
        InstanceValidator v;
        try {
            v = new InstanceValidator(worker, new FhirInstanceValidator.NullEvaluationContext(),
                    new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the HL7 instance validator", e);
        }
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
        return v;
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        IWorkerContext worker = provideWorkerContext();
        InstanceValidator v = perThread.get();
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        for (String url : context.getOptions().getProfiles()) {
            addProfile(worker, profiles, url, unknownProfiles);
        }
        String input = context.getResourceAsString();
        EncodingEnum encoding = context.getResourceAsStringEncoding();
        List<ValidationMessage> messages = new ArrayList<>();
        Manager.FhirFormat format;
        try {
            if (encoding == EncodingEnum.XML) {
                Document document = XmlUtil.parseDocument(input);
                for (String url : xmlProfiles(document)) {
                    addProfile(worker, profiles, url, unknownProfiles);
                }
                format = Manager.FhirFormat.XML;
            } else if (encoding == EncodingEnum.JSON) {
                JsonNode declared = JSON.readTree(input).path("meta").path("profile");
                if (declared.isArray()) {
                    for (JsonNode p : declared) {
                        addProfile(worker, profiles, p.asText(), unknownProfiles);
                    }
                }
                format = Manager.FhirFormat.JSON;
            } else {
                throw new IllegalArgumentException("unknown encoding " + encoding);
            }
        } catch (Exception e) {
            ValidationMessage m = new ValidationMessage();
            m.setLevel(ValidationMessage.IssueSeverity.FATAL);
            m.setMessage("Failed to parse input: " + e.getMessage());
            messages.add(m);
            return messages;
        }
        try {
            v.validate(context.getOptions().getAppContext(), messages,
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), format, profiles);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        List<ValidationMessage> result = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            String id = m.getMessageId();
            if (id != null && (FILTERED.contains(id) || id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                    && m.getMessage() != null && m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"))) {
                continue;
            }
            if (isErrorForUnknownProfiles() && id != null
                    && (id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
                    || id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY))
                    && m.getLevel() == ValidationMessage.IssueSeverity.WARNING) {
                m.setLevel(ValidationMessage.IssueSeverity.ERROR);
            }
            result.add(m);
        }
        return result;
    }

    private static void addProfile(IWorkerContext worker, List<StructureDefinition> profiles, String url,
                                   List<ValidationMessage> unknown) {
        StructureDefinition sd;
        try {
            sd = worker.fetchResource(StructureDefinition.class, url);
        } catch (RuntimeException e) {
            return;
        }
        if (sd != null) {
            profiles.add(sd);
        } else {
            ValidationMessage m = new ValidationMessage();
            m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
            m.setLevel(ValidationMessage.IssueSeverity.ERROR);
            m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
            unknown.add(m);
        }
    }

    private static List<String> xmlProfiles(Document document) {
        List<String> urls = new ArrayList<>();
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node meta = children.item(i);
            if ("meta".equalsIgnoreCase(meta.getNodeName())) {
                NodeList metaChildren = meta.getChildNodes();
                for (int j = 0; j < metaChildren.getLength(); j++) {
                    Node p = metaChildren.item(j);
                    if ("profile".equalsIgnoreCase(p.getNodeName()) && p.getAttributes() != null
                            && p.getAttributes().getNamedItem("value") != null) {
                        urls.add(p.getAttributes().getNamedItem("value").getNodeValue());
                    }
                }
                break;
            }
        }
        return urls;
    }
}
