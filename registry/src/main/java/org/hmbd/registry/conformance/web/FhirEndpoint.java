package org.hmbd.registry.conformance.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hmbd.registry.conformance.ConformanceProperties;
import org.hmbd.registry.conformance.FhirValidation;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.FhirProvider;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR endpoint: HAPI's {@link RestfulServer} under {@code /fhir}, with the {@link FhirProvider}s
 * of other features (the catalog's read, search and terminology operations), offering {@code $validate}
 * at system level ({@code POST /fhir/$validate}) and for every resource type
 * ({@code POST /fhir/Patient/$validate}). The body is the resource itself or a {@code Parameters}
 * with a {@code resource} parameter; {@code edition} (an edition id) or {@code profile} (a profile
 * URL) choose what to validate against, as URL parameters (declared as HAPI operation parameters,
 * so they are in the CapabilityStatement) or in the {@code Parameters}. The answer is an
 * OperationOutcome: 200 with the issues for any well-formed request, whatever the data.
 *
 * <p>The body is read by the operation ({@code manualRequest}), not parsed by HAPI first: HAPI's
 * parser would answer a malformed resource with 400 instead of findings and drop unknown elements,
 * and the validator must see the data as sent (ADR 0011, ADR 0012).
 */
@Configuration
class FhirEndpoint {

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext ctx, FhirValidation validation, Problems problems,
                                                       LocaleResolver locales, JsonMapper json,
                                                       ConformanceProperties props, List<FhirProvider> contributed) {
        RestfulServer server = new RestfulServer(ctx);
        Validate operation = new Validate(validation, problems, locales, ctx, json,
                props.maxValidateSize().toBytes());
        List<IResourceProvider> types = new ArrayList<>();
        for (String type : ctx.getResourceTypes()) {
            types.add(new TypeLevel(ctx.getResourceDefinition(type).getImplementingClass(), operation));
        }
        server.setResourceProviders(types);
        server.registerProvider(new SystemLevel(operation));
        // read, search and terminology operations of other features (the catalog)
        server.registerProviders(new ArrayList<Object>(contributed));
        server.registerInterceptor(new FhirFailures(problems, locales));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setServerName("hmbd-registry");
        ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }

    /** {@code POST /fhir/$validate}. */
    static final class SystemLevel {
        private final Validate validate;

        SystemLevel(Validate validate) {
            this.validate = validate;
        }

        @Operation(name = "$validate", manualRequest = true, idempotent = false)
        public IBaseResource validate(RequestDetails request,
                                      @OperationParam(name = "edition") StringType edition,
                                      @OperationParam(name = "profile") UriType profile) {
            return validate.handle(request, null, value(edition), value(profile));
        }
    }

    /** {@code POST /fhir/<type>/$validate}, one instance per resource type. */
    static final class TypeLevel implements IResourceProvider {
        private final Class<? extends IBaseResource> type;
        private final Validate validate;

        TypeLevel(Class<? extends IBaseResource> type, Validate validate) {
            this.type = type;
            this.validate = validate;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Operation(name = "$validate", manualRequest = true, idempotent = false)
        public IBaseResource validate(RequestDetails request,
                                      @OperationParam(name = "edition") StringType edition,
                                      @OperationParam(name = "profile") UriType profile) {
            return validate.handle(request, request.getResourceName(), value(edition), value(profile));
        }
    }

    private static String value(IPrimitiveType<?> p) {
        return p == null || p.isEmpty() ? null : p.getValueAsString();
    }

    /**
     * What the body asks to validate: the resource as sent, its type (null when unreadable), and the
     * parameters it carries. Read once; the type check reuses it.
     */
    private record Body(byte[] resource, String type, String edition, String profile) {
    }

    /** The operation itself, shared by both levels. */
    static final class Validate {
        private static final XMLInputFactory XML = xmlInputFactory();

        private final FhirValidation validation;
        private final Problems problems;
        private final LocaleResolver locales;
        private final FhirContext ctx;
        private final JsonMapper json;
        private final long maxBody;

        Validate(FhirValidation validation, Problems problems, LocaleResolver locales, FhirContext ctx,
                 JsonMapper json, long maxBody) {
            this.validation = validation;
            this.problems = problems;
            this.locales = locales;
            this.ctx = ctx;
            this.json = json;
            this.maxBody = maxBody;
        }

        IBaseResource handle(RequestDetails request, String expectedType, String urlEdition, String urlProfile) {
            Locale locale = locale(request);
            String lang = "en".equals(locale.getLanguage()) ? "en" : "zh";
            byte[] body = read(request, locale);
            if (body.length == 0) {
                throw new InvalidRequestException(text("fhir.validate.no-body", locale));
            }
            boolean xml = RestfulServerUtils.determineRequestEncodingNoDefault(request) == EncodingEnum.XML;
            Body b = xml ? fromXml(body) : fromJson(body);
            // parameters in the URL win over those in the body; an edition wins over a profile
            String edition = urlEdition != null ? urlEdition : b.edition();
            String profile = urlProfile != null || urlEdition != null ? urlProfile : b.profile();
            Long editionId = null;
            if (edition != null && !edition.isBlank()) {
                try {
                    editionId = Long.parseLong(edition.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException(text("fhir.validate.edition", locale));
                }
            }
            OperationOutcome outcome;
            try {
                outcome = validation.validate(b.resource(), xml, editionId, editionId == null ? profile : null,
                        lang);
            } catch (DomainException e) {
                throw translate(e, locale);
            }
            if (expectedType != null) {
                String actual = b.type();
                if (actual != null && !actual.equals(expectedType)) {
                    outcome.getIssue().add(0, new OperationOutcome.OperationOutcomeIssueComponent()
                            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                            .setCode(OperationOutcome.IssueType.INVALID)
                            .setDiagnostics(text("fhir.validate.type-mismatch", locale, actual, expectedType)));
                }
            }
            return outcome;
        }

        /** The body, refused beyond the configured limit before more of it is read. */
        private byte[] read(RequestDetails request, Locale locale) {
            String length = request.getHeader("Content-Length");
            if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > maxBody) {
                throw tooLarge(locale);
            }
            try (InputStream in = request.getInputStream()) {
                byte[] bytes = in == null ? new byte[0] : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
                if (bytes.length > maxBody) {
                    throw tooLarge(locale);
                }
                return bytes;
            } catch (IOException e) {
                // a body that stopped short or does not decompress: the client's fault, never a 500
                throw new InvalidRequestException(text("fhir.validate.unreadable", locale));
            }
        }

        private PayloadTooLargeException tooLarge(Locale locale) {
            return new PayloadTooLargeException(text("fhir.validate.too-large", locale, maxBody));
        }

        /** A JSON {@code Parameters} gives up its resource exactly as sent; anything else is the resource. */
        private Body fromJson(byte[] body) {
            try {
                JsonNode root = json.readTree(body);
                String type = root.path("resourceType").asString(null);
                if (!"Parameters".equals(type)) {
                    return new Body(body, type, null, null);
                }
                byte[] resource = body;
                String edition = null;
                String profile = null;
                for (JsonNode p : root.path("parameter")) {
                    switch (p.path("name").asString("")) {
                        case "resource" -> {
                            if (p.has("resource")) {
                                resource = json.writeValueAsBytes(p.get("resource"));
                                type = p.get("resource").path("resourceType").asString(null);
                            }
                        }
                        case "profile" -> profile = p.path("valueCanonical").asString(p.path("valueUri").asString(null));
                        case "edition" -> edition = p.has("valueInteger") ? p.get("valueInteger").asString()
                                : p.path("valueString").asString(null);
                        default -> {
                        }
                    }
                }
                return new Body(resource, type, edition, profile);
            } catch (RuntimeException notJson) {
                // malformed JSON: the validator reports it as a finding
                return new Body(body, null, null, null);
            }
        }

        /** An XML {@code Parameters}, read with HAPI's parser; anything else is the resource. */
        private Body fromXml(byte[] body) {
            String root = xmlRoot(body);
            if (!"Parameters".equals(root)) {
                return new Body(body, root, null, null);
            }
            try {
                Parameters params = ctx.newXmlParser().parseResource(Parameters.class,
                        new String(body, StandardCharsets.UTF_8));
                byte[] resource = body;
                String type = root;
                Parameters.ParametersParameterComponent r = params.getParameter("resource");
                if (r != null && r.getResource() != null) {
                    resource = ctx.newXmlParser().encodeResourceToString(r.getResource())
                            .getBytes(StandardCharsets.UTF_8);
                    type = r.getResource().fhirType();
                }
                Parameters.ParametersParameterComponent profile = params.getParameter("profile");
                Parameters.ParametersParameterComponent edition = params.getParameter("edition");
                return new Body(resource, type,
                        edition == null || edition.getValue() == null ? null : edition.getValue().primitiveValue(),
                        profile == null || profile.getValue() == null ? null : profile.getValue().primitiveValue());
            } catch (RuntimeException notParameters) {
                // validated as given: the validator reports what is wrong with it
                return new Body(body, root, null, null);
            }
        }

        /** The local name of the root element, or null when the text is not well-formed that far. */
        private static String xmlRoot(byte[] resource) {
            try {
                XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(resource));
                try {
                    while (r.hasNext()) {
                        if (r.next() == XMLStreamReader.START_ELEMENT) {
                            return r.getLocalName();
                        }
                    }
                    return null;
                } finally {
                    r.close();
                }
            } catch (XMLStreamException | RuntimeException e) {
                return null;
            }
        }

        private static XMLInputFactory xmlInputFactory() {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return f;
        }

        private BaseServerResponseException translate(DomainException e, Locale locale) {
            String text = problems.resolve(e.detail() == null ? Msg.of("problem." + e.errorCode().code() + ".title")
                    : e.detail(), locale);
            return switch (e.errorCode()) {
                case NOT_FOUND -> new ResourceNotFoundException(text);
                case EDITION_NOT_TESTABLE -> new UnprocessableEntityException(text);
                case SUITE_UNAVAILABLE -> new UnclassifiedServerFailureException(503, text);
                default -> new InvalidRequestException(text);
            };
        }

        private String text(String key, Locale locale, Object... args) {
            return problems.resolve(Msg.of(key, args), locale);
        }

        /** The request's language as the REST API resolves it (Chinese unless English is asked for). */
        private Locale locale(RequestDetails request) {
            return request instanceof ServletRequestDetails s ? locales.resolveLocale(s.getServletRequest())
                    : Locale.SIMPLIFIED_CHINESE;
        }
    }
}
