package org.hmbd.registry.conformance.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hmbd.registry.conformance.FhirValidation;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.FhirProvider;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.Problems;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The FHIR endpoint: HAPI's {@link RestfulServer} under {@code /fhir}, with the {@link FhirProvider}s
 * of other features (the catalog's read, search and terminology operations), offering {@code $validate}
 * at system level ({@code POST /fhir/$validate}) and for every resource type
 * ({@code POST /fhir/Patient/$validate}). The body is the resource itself or a {@code Parameters}
 * with a {@code resource} parameter; {@code edition} (an edition id) or {@code profile} (a profile
 * URL) choose what to validate against, as URL parameters or in the {@code Parameters}. The answer
 * is an OperationOutcome: 200 with the issues for any well-formed request, whatever the data.
 */
@Configuration
class FhirEndpoint {

    static final int MAX_BODY = 20 * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(FhirValidation validation, Problems problems,
                                                       List<FhirProvider> contributed) {
        FhirContext ctx = FhirValidation.fhirContext();
        RestfulServer server = new RestfulServer(ctx);
        Validate operation = new Validate(validation, problems, ctx);
        List<IResourceProvider> types = new ArrayList<>();
        for (String type : ctx.getResourceTypes()) {
            types.add(new TypeLevel(ctx.getResourceDefinition(type).getImplementingClass(), operation));
        }
        server.setResourceProviders(types);
        server.registerProvider(new SystemLevel(operation));
        // read, search and terminology operations of other features (the catalog)
        server.registerProviders(new ArrayList<Object>(contributed));
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
        public IBaseResource validate(RequestDetails request) {
            return validate.handle(request, null);
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
        public IBaseResource validate(RequestDetails request) {
            return validate.handle(request, request.getResourceName());
        }
    }

    /** The operation itself, shared by both levels. */
    static final class Validate {
        private final FhirValidation validation;
        private final Problems problems;
        private final FhirContext ctx;

        Validate(FhirValidation validation, Problems problems, FhirContext ctx) {
            this.validation = validation;
            this.problems = problems;
            this.ctx = ctx;
        }

        IBaseResource handle(RequestDetails request, String expectedType) {
            String lang = language(request);
            byte[] body = request.loadRequestContents();
            if (body == null || body.length == 0) {
                throw new InvalidRequestException("en".equals(lang) ? "Send the resource to validate as the body"
                        : "请在请求体中提供要校验的资源");
            }
            if (body.length > MAX_BODY) {
                throw new PayloadTooLargeException("en".equals(lang) ? "The body exceeds " + MAX_BODY + " bytes"
                        : "请求体超过 " + MAX_BODY + " 字节");
            }
            String contentType = request.getHeader("Content-Type");
            boolean xml = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml");
            String edition = param(request, "edition");
            String profile = param(request, "profile");
            byte[] resource = body;
            // a Parameters body carries the resource (and perhaps the edition and profile) inside it
            if (!xml) {
                try {
                    JsonNode root = JSON.readTree(body);
                    if ("Parameters".equals(root.path("resourceType").asString(""))) {
                        for (JsonNode p : root.path("parameter")) {
                            String name = p.path("name").asString("");
                            if (name.equals("resource") && p.has("resource")) {
                                resource = JSON.writeValueAsBytes(p.get("resource"));
                            } else if (name.equals("profile") && edition == null && profile == null) {
                                profile = p.path("valueCanonical").asString(p.path("valueUri").asString(null));
                            } else if (name.equals("edition") && edition == null) {
                                edition = p.has("valueInteger") ? p.get("valueInteger").asString()
                                        : p.path("valueString").asString(null);
                            }
                        }
                    }
                } catch (RuntimeException notJson) {
                    // malformed JSON: the validator reports it as a finding
                }
            } else {
                String text = new String(body, StandardCharsets.UTF_8);
                if (text.contains("<Parameters")) {
                    try {
                        Parameters params = ctx.newXmlParser().parseResource(Parameters.class, text);
                        Parameters.ParametersParameterComponent r = params.getParameter("resource");
                        if (r != null && r.getResource() != null) {
                            resource = ctx.newXmlParser().encodeResourceToString(r.getResource())
                                    .getBytes(StandardCharsets.UTF_8);
                        }
                        if (profile == null && params.getParameter("profile") != null) {
                            profile = params.getParameter("profile").getValue().primitiveValue();
                        }
                    } catch (RuntimeException notParameters) {
                        // validated as given
                    }
                }
            }
            Long editionId = null;
            if (edition != null && !edition.isBlank()) {
                try {
                    editionId = Long.parseLong(edition.strip());
                } catch (NumberFormatException e) {
                    throw new InvalidRequestException("edition: " + ("en".equals(lang) ? "not an edition id"
                            : "不是版本编号"));
                }
            }
            OperationOutcome outcome;
            try {
                outcome = validation.validate(resource, xml, editionId, profile, lang);
            } catch (DomainException e) {
                throw translate(e, lang);
            }
            if (expectedType != null) {
                String actual = resourceType(resource, xml);
                if (actual != null && !actual.equals(expectedType)) {
                    outcome.getIssue().add(0, new OperationOutcome.OperationOutcomeIssueComponent()
                            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                            .setCode(OperationOutcome.IssueType.INVALID)
                            .setDiagnostics("en".equals(lang)
                                    ? "The resource is a " + actual + ", sent to the " + expectedType + " endpoint"
                                    : "资源类型为 " + actual + "，却发送到了 " + expectedType + " 的端点"));
                }
            }
            return outcome;
        }

        private BaseServerResponseException translate(DomainException e, String lang) {
            Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            String text = problems.resolve(e.detail() == null ? Msg.of("problem." + e.errorCode().code() + ".title")
                    : e.detail(), locale);
            return switch (e.errorCode()) {
                case NOT_FOUND -> new ResourceNotFoundException(text);
                case EDITION_NOT_TESTABLE -> new UnprocessableEntityException(text);
                case SUITE_UNAVAILABLE -> new UnclassifiedServerFailureException(503, text);
                default -> new InvalidRequestException(text);
            };
        }

        private static String resourceType(byte[] resource, boolean xml) {
            try {
                if (xml) {
                    String t = new String(resource, StandardCharsets.UTF_8).strip();
                    int lt = t.indexOf('<', t.startsWith("<?") ? t.indexOf("?>") + 2 : 0);
                    int end = lt < 0 ? -1 : t.indexOf(' ', lt);
                    int gt = lt < 0 ? -1 : t.indexOf('>', lt);
                    int stop = end < 0 ? gt : gt < 0 ? end : Math.min(end, gt);
                    return lt < 0 || stop < 0 ? null : t.substring(lt + 1, stop);
                }
                return JSON.readTree(resource).path("resourceType").asString(null);
            } catch (RuntimeException e) {
                return null;
            }
        }

        private static String param(RequestDetails request, String name) {
            String[] values = request.getParameters().get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        private static String language(RequestDetails request) {
            String h = request.getHeader("Accept-Language");
            return h != null && h.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh";
        }
    }
}
