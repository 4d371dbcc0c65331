package org.hmbd.validator.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.rules.ResourceView;
import org.hmbd.validator.rules.Rule;

/**
 * Validates one unit: checks the input's shape (encoding, size, depth, JSON or XML, known
 * resource type, duplicate keys), splits Bundles into entries, reports declared profiles that are
 * not loaded as "not checked", runs HAPI against the standard's profile for the type, maps its
 * messages to findings with stable check ids, and runs the standard's rules.
 */
final class ResourceProcessor {

    static final String UNKNOWN_TYPE = "HMBD-INPUT-UNKNOWN-TYPE";
    static final String DUPLICATE_KEY = "HMBD-INPUT-DUPLICATE-KEY";
    static final String TOO_DEEP = "HMBD-INPUT-TOO-DEEP";
    static final String NOT_A_RESOURCE = "HMBD-INPUT-NOT-A-RESOURCE";

    private static final Pattern INVARIANT = Pattern.compile("^Constraint failed: ([A-Za-z0-9][A-Za-z0-9.\\-]*):");
    private static final Pattern UNKNOWN_SYSTEM = Pattern.compile(
            "(?i)(code ?system is unknown|unknown code ?system|could not be found, so the code cannot be validated"
                    + "|A definition for CodeSystem .* could not be found)");

    private final FhirContext ctx;
    private final FhirValidator validator;
    private final IValidationSupport support;
    private final StandardContent content;
    private final Limits limits;
    private final ObjectMapper json;
    private final Set<String> resourceTypes;

    ResourceProcessor(FhirContext ctx, FhirValidator validator, IValidationSupport support, StandardContent content,
                      Limits limits) {
        this.ctx = ctx;
        this.validator = validator;
        this.support = support;
        this.content = content;
        this.limits = limits;
        this.json = new ObjectMapper();
        this.json.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth() + 5)
                .maxStringLength(limits.maxResourceBytes())
                .build());
        this.resourceTypes = ctx.getResourceTypes();
    }

    void process(Unit unit, RunCollector out, List<Rule> rules) {
        String text = unit.text();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("<")) {
            processXml(unit, out, rules);
            return;
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            inputError(unit, out, InputReader.MALFORMED, Text.of("内容不是 JSON 对象或 XML 文档",
                    "The content is neither a JSON object nor an XML document"));
            return;
        }
        if (Json.maxDepth(text) > limits.maxDepth()) {
            inputError(unit, out, TOO_DEEP, Text.of("JSON 嵌套超过 " + limits.maxDepth() + " 层",
                    "JSON nesting exceeds " + limits.maxDepth() + " levels"));
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (StreamConstraintsException e) {
            inputError(unit, out, InputReader.TOO_LARGE, Text.of("超出读取限制：" + e.getOriginalMessage(),
                    "Exceeds a reading limit: " + e.getOriginalMessage()));
            return;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            boolean duplicate = why != null && why.startsWith("Duplicate field");
            long line = unit.line() + Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr() - 1);
            out.unreadable.increment();
            out.finding(new Finding(duplicate ? DUPLICATE_KEY : InputReader.MALFORMED, Severity.ERROR,
                    Dimension.STRUCTURE, unit.source(), line,
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), -1, null, null, null,
                    duplicate ? Text.of("JSON 中有重复的属性名：" + why, "Duplicate property name in JSON: " + why)
                            : Text.of("JSON 格式错误：" + why, "Malformed JSON: " + why), null));
            return;
        }
        if (!node.isObject()) {
            inputError(unit, out, NOT_A_RESOURCE, Text.of("不是 FHIR 资源（应为含 resourceType 的 JSON 对象）",
                    "Not a FHIR resource (a JSON object with a resourceType is expected)"));
            return;
        }
        String type = node.path("resourceType").asText(null);
        if (type == null || !resourceTypes.contains(type)) {
            inputError(unit, out, UNKNOWN_TYPE, Text.of("未知的资源类型：" + type, "Unknown resource type: " + type));
            return;
        }
        if ("Bundle".equals(type)) {
            processBundle(unit, (ObjectNode) node, out, rules);
        } else {
            validateResource(unit, (ObjectNode) node, text, -1, "", null, out, rules);
        }
    }

    private void processBundle(Unit unit, ObjectNode bundle, RunCollector out, List<Rule> rules) {
        JsonNode entries = bundle.path("entry");
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).path("resource");
            String fullUrl = entries.get(i).path("fullUrl").asText(null);
            String prefix = "Bundle.entry[" + i + "].resource.";
            if (!resource.isObject()) {
                continue;
            }
            String type = resource.path("resourceType").asText(null);
            if (type == null || !resourceTypes.contains(type)) {
                out.finding(new Finding(UNKNOWN_TYPE, Severity.ERROR, Dimension.STRUCTURE, unit.source(), unit.line(),
                        0, i, "Bundle.entry[" + i + "].resource", type, null,
                        Text.of("未知的资源类型：" + type, "Unknown resource type: " + type), null));
                continue;
            }
            validateResource(unit, (ObjectNode) resource, null, i, prefix, fullUrl, out, rules);
        }
    }

    private void validateResource(Unit unit, ObjectNode node, String original, int entry, String prefix,
                                  String fullUrl, RunCollector out, List<Rule> rules) {
        out.resources.increment();
        String type = node.path("resourceType").asText();
        String id = node.path("id").asText(null);
        ResourceView view = new ResourceView(type, id, node, unit.source(), unit.line(), entry, prefix, fullUrl);
        String text = original;
        if (stripForeignProfiles(view, node, out)) {
            text = null;
        }
        if (text == null) {
            text = node.toString();
        }
        ValidationOptions options = new ValidationOptions();
        String profile = content.manifest().profiles().get(type);
        if (profile != null) {
            options.addProfile(profile);
        }
        boolean singleLine = original != null && unit.line() > 0;
        hapi(view, text, options, singleLine, out);
        for (Rule rule : rules) {
            rule.check(view, out);
        }
    }

    /** Removes declared profiles the engine does not have, reporting each as not checked. */
    private boolean stripForeignProfiles(ResourceView view, ObjectNode node, RunCollector out) {
        JsonNode profiles = node.path("meta").path("profile");
        if (!profiles.isArray() || profiles.isEmpty()) {
            return false;
        }
        ArrayNode kept = json.createArrayNode();
        boolean removed = false;
        for (JsonNode p : profiles) {
            String url = p.asText();
            if (support.fetchStructureDefinition(url) != null) {
                kept.add(p);
            } else {
                removed = true;
                out.finding(view.finding(RunCollector.NOT_CHECKED_PROFILE, Severity.WARNING, Dimension.STRUCTURE,
                        view.resourceType() + ".meta.profile",
                        Text.of("声明的配置文件未加载，未按其检查：" + url,
                                "Declared profile not loaded, not checked against: " + url), url));
            }
        }
        if (removed) {
            ((ObjectNode) node.path("meta")).set("profile", kept);
            if (kept.isEmpty()) {
                ((ObjectNode) node.path("meta")).remove("profile");
            }
        }
        return removed;
    }

    private void hapi(ResourceView view, String text, ValidationOptions options, boolean lineKnown, RunCollector out) {
        ValidationResult result;
        try {
            result = validator.validateWithResult(text, options);
        } catch (RuntimeException | StackOverflowError e) {
            out.finding(view.finding("HMBD-VALIDATOR-FAILURE", Severity.ERROR, Dimension.STRUCTURE, null,
                    Text.of("验证器无法处理此资源：" + e.getClass().getSimpleName(),
                            "The validator could not process this resource: " + e.getClass().getSimpleName()), null));
            out.outcome(Dimension.STRUCTURE, "HMBD-VALIDATOR-FAILURE", false);
            return;
        }
        boolean structureOk = true;
        boolean terminologyOk = true;
        for (SingleValidationMessage m : result.getMessages()) {
            Finding f = map(view, m, lineKnown);
            if (out.suppressed(f.checkId())) {
                out.finding(f);
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                if (f.dimension() == Dimension.TERMINOLOGY) {
                    terminologyOk = false;
                } else {
                    structureOk = false;
                }
            }
            out.finding(f);
        }
        out.outcome(Dimension.STRUCTURE, "FHIR-STRUCTURE", structureOk);
        out.outcome(Dimension.TERMINOLOGY, "FHIR-TERMINOLOGY", terminologyOk);
    }

    Finding map(ResourceView view, SingleValidationMessage m, boolean lineKnown) {
        String message = m.getMessage() == null ? "" : m.getMessage();
        String messageId = m.getMessageId();
        Severity severity = switch (m.getSeverity() == null ? ResultSeverityEnum.ERROR : m.getSeverity()) {
            case FATAL, ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
        String checkId;
        String rule = null;
        // the message id HAPI gives invariants is not the one of their text pattern
        String textId = messageId;
        Matcher inv = INVARIANT.matcher(message);
        if (inv.find()) {
            checkId = "FHIR-INV-" + inv.group(1);
            rule = inv.group(1);
            textId = message.endsWith(")") && message.contains("(defined in ") ? "INV_FAILED_SOURCE" : "INV_FAILED";
        } else if (UNKNOWN_SYSTEM.matcher(message).find()
                || messageId != null && messageId.toUpperCase().contains("UNKNOWN_CODESYSTEM")) {
            checkId = RunCollector.NOT_CHECKED_CODESYSTEM;
            severity = Severity.WARNING;
        } else if (messageId != null && !messageId.isBlank()) {
            checkId = "FHIR-" + messageId;
        } else {
            checkId = "FHIR-" + Integer.toHexString(message.replaceAll("'[^']*'|\"[^\"]*\"|\\d+", "_").hashCode());
        }
        Dimension dimension = terminology(messageId, message, checkId) ? Dimension.TERMINOLOGY : Dimension.STRUCTURE;
        String location = m.getLocationString();
        if (location != null && !view.prefix().isEmpty() && !location.startsWith("Bundle")) {
            location = view.prefix() + location;
        }
        long line = view.line();
        int column = 0;
        if (lineKnown && m.getLocationLine() != null && m.getLocationLine() > 0) {
            line = view.line() + m.getLocationLine() - 1;
            column = m.getLocationCol() == null ? 0 : m.getLocationCol();
        }
        return new Finding(checkId, severity, dimension, view.source(), line, column, view.entry(), location,
                view.resourceType(), view.id(), HapiMessages.translate(textId, message), rule);
    }

    private static boolean terminology(String messageId, String message, String checkId) {
        if (RunCollector.NOT_CHECKED_CODESYSTEM.equals(checkId)) {
            return true;
        }
        String id = messageId == null ? "" : messageId.toUpperCase();
        return id.startsWith("TERMINOLOGY") || id.contains("_TX_") || id.startsWith("TX_") || id.contains("CODE")
                || id.contains("VALUESET") || id.contains("UCUM") || message.contains("ValueSet")
                || message.contains("CodeSystem");
    }

    private void processXml(Unit unit, RunCollector out, List<Rule> rules) {
        String text = unit.text();
        if (Json.maxXmlDepth(text) > limits.maxDepth()) {
            inputError(unit, out, TOO_DEEP, Text.of("XML 嵌套超过 " + limits.maxDepth() + " 层",
                    "XML nesting exceeds " + limits.maxDepth() + " levels"));
            return;
        }
        org.hl7.fhir.instance.model.api.IBaseResource parsed;
        try {
            var parser = ctx.newXmlParser();
            parser.setParserErrorHandler(new ca.uhn.fhir.parser.LenientErrorHandler(false).setErrorOnInvalidValue(false));
            parsed = parser.parseResource(text);
        } catch (RuntimeException e) {
            inputError(unit, out, InputReader.MALFORMED, Text.of("XML 格式错误或不是 FHIR 资源：" + e.getMessage(),
                    "Malformed XML or not a FHIR resource: " + e.getMessage()));
            return;
        }
        String asJson = ctx.newJsonParser().encodeResourceToString(parsed);
        if (parsed instanceof org.hl7.fhir.r4.model.Bundle) {
            // entries are validated one by one, as JSON, against the standard
            Unit jsonUnit = new Unit(unit.source(), unit.line(), asJson);
            process(jsonUnit, out, rules);
            return;
        }
        ObjectNode node;
        try {
            node = (ObjectNode) json.readTree(asJson);
        } catch (JsonProcessingException e) {
            inputError(unit, out, InputReader.MALFORMED, Text.of("XML 无法转换", "XML could not be converted"));
            return;
        }
        validateResource(unit, node, text, -1, "", null, out, rules);
    }

    private static void inputError(Unit unit, RunCollector out, String checkId, Text message) {
        out.unreadable.increment();
        out.finding(new Finding(checkId, Severity.ERROR, Dimension.STRUCTURE, unit.source(), unit.line(), 0, -1, null,
                null, null, message, null));
    }

}
