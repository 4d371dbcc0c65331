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
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.JsonParser;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.elementmodel.ParserBase;
import org.hl7.fhir.r5.elementmodel.ValidatedFragment;
import org.hl7.fhir.r5.elementmodel.XmlParser;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.BundleValidationRule;
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

    /**
     * Validations per instance before it is replaced: some per-resource state hides deeper than the
     * collections {@link Reusable#reset} restores (caches inside helper objects), so an instance is
     * retired after this many uses. Building one costs ~12 ms (~0.012 ms per resource at 1,000);
     * what an instance can hold on to over 1,000 resources was measured at under 30,000 element
     * nodes (~4 MB) with two threads.
     */
    static final int MAX_USES = 1000;

    private final ThreadLocal<Reusable> perThread = ThreadLocal.withInitial(() -> new Reusable(build(), provideWorkerContext()));

    /** Entries of these types in a Bundle are also checked against the profile given (type → canonical URL). */
    private final Map<String, String> entryProfiles;

    ReusingInstanceValidator(IValidationSupport support, Map<String, String> entryProfiles) {
        super(support);
        this.entryProfiles = Map.copyOf(entryProfiles);
        // one worker context for the life of the engine, remembering definition look-ups
        setWrappedWorkerContext(support, new CachingWorkerContext(support));
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
        // HL7's own way to check a Bundle's entries against profiles (the validator's "-bundle" option)
        entryProfiles.forEach((type, url) ->
                v.getBundleValidationRules().add(new BundleValidationRule().setRule(type).setProfile(url)));
        return v;
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        IWorkerContext worker = provideWorkerContext();
        Reusable reusable = perThread.get();
        if (reusable.uses++ >= MAX_USES) {
            reusable = new Reusable(build(), provideWorkerContext());
            reusable.uses = 1;
            perThread.set(reusable);
        } else {
            reusable.reset();
        }
        InstanceValidator v = reusable.validator;
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
            reusable.validate(context.getOptions().getAppContext(), messages,
                    input.getBytes(StandardCharsets.UTF_8), format, profiles);
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

    /**
     * An instance validator and the state it had when it was built and configured. A validation
     * leaves per-resource state behind in the validator's collections (tracked elements, validated
     * fragments, messages to remove, "warn once" sets, the session's objects); {@link #reset} puts
     * every collection back to what it held when the validator was new, so each resource is
     * validated as by a fresh validator, without memory growing from one resource to the next.
     */
    private static final class Reusable {
        /** Caches of lookups in the standard's fixed content: kept, they do not depend on the resource. */
        private static final Set<String> KEPT_CACHES = Set.of("crLookups");
        private final InstanceValidator validator;
        private int uses;
        private final List<java.lang.reflect.Field> fields = new ArrayList<>();
        private final List<Object> owners = new ArrayList<>();
        private final List<Object> initial = new ArrayList<>();

        /** The element-model parsers, kept with the validator: building one costs two FHIRPath engines. */
        private final ParserBase json;
        private final ParserBase xml;

        Reusable(InstanceValidator validator, IWorkerContext worker) {
            this.validator = validator;
            this.json = configure(new DefinitionCachingJsonParser(worker), validator);
            XmlParser x = new XmlParser(worker);
            x.setAllowXsiLocation(true);
            this.xml = configure(x, validator);
            for (Class<?> c = validator.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                snapshot(validator, c);
            }
            try {
                java.lang.reflect.Field session = org.hl7.fhir.validation.BaseValidator.class.getDeclaredField("session");
                session.setAccessible(true);
                Object s = session.get(validator);
                if (s != null) {
                    snapshot(s, s.getClass());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("unexpected HL7 validator layout", e);
            }
        }

        private static ParserBase configure(ParserBase parser, InstanceValidator validator) {
            parser.setupValidation(ParserBase.ValidationPolicy.EVERYTHING);
            if (parser instanceof JsonParser j) {
                j.setAllowComments(validator.isAllowComments());
            }
            parser.setSignatureServices(validator.getSignatureServices());
            return parser;
        }

        /**
         * What {@code InstanceValidator.validate(appContext, errors, stream, format, profiles)} does
         * in HL7 core 6.7.9, with this instance's parser instead of a new one per call. Logical
         * models (none in a standard's profiles so far) take the validator's own path.
         */
        void validate(Object appContext, List<ValidationMessage> errors, byte[] input, Manager.FhirFormat format,
                      List<StructureDefinition> profiles) throws java.io.IOException {
            if (profiles.stream().anyMatch(p -> p.getKind() == StructureDefinition.StructureDefinitionKind.LOGICAL)) {
                validator.validate(appContext, errors, new ByteArrayInputStream(input), format, profiles);
                return;
            }
            ParserBase parser = format == Manager.FhirFormat.XML ? xml : json;
            validator.validatedContent = null;
            List<ValidatedFragment> content = parser.parse(new ByteArrayInputStream(input));
            validator.validatedContent = content;
            if (content == null) {
                return;
            }
            for (ValidatedFragment fragment : content) {
                if (fragment.getElement() != null) {
                    validator.validate(appContext, fragment.getErrors(), content.size() > 1 ? fragment.path() : null,
                            fragment.getElement(), profiles);
                }
                errors.addAll(fragment.getErrors());
            }
        }

        private void snapshot(Object owner, Class<?> c) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (KEPT_CACHES.contains(f.getName())
                        || java.lang.reflect.Modifier.isStatic(f.getModifiers())
                        || !(java.util.Collection.class.isAssignableFrom(f.getType())
                        || java.util.Map.class.isAssignableFrom(f.getType()))) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(owner);
                    fields.add(f);
                    owners.add(owner);
                    initial.add(value instanceof java.util.Map<?, ?> m ? new java.util.HashMap<>(m)
                            : value instanceof java.util.Collection<?> col ? new ArrayList<>(col) : null);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot reset HL7 validator field " + f, e);
                }
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void reset() {
            for (int i = 0; i < fields.size(); i++) {
                try {
                    Object value = fields.get(i).get(owners.get(i));
                    Object was = initial.get(i);
                    if (value instanceof java.util.Map m) {
                        java.util.Map before = (java.util.Map) was;
                        if (!m.isEmpty() || before != null && !before.isEmpty()) {
                            m.clear();
                            if (before != null) {
                                m.putAll(before);
                            }
                        }
                    } else if (value instanceof java.util.Collection col) {
                        java.util.Collection before = (java.util.Collection) was;
                        if (!col.isEmpty() || before != null && !before.isEmpty()) {
                            col.clear();
                            if (before != null) {
                                col.addAll(before);
                            }
                        }
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
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
