package org.hmbd.validator.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.rules.ResourceView;
import org.hmbd.validator.rules.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one unit: checks the input's shape (encoding, size, depth, JSON or XML, known
 * resource type, duplicate keys), reports declared profiles that are not loaded as "not checked"
 * (leaving the resource exactly as sent), runs HAPI on the text as sent against the standard's
 * profile for the type (a Bundle whole, its entries also against the profiles for their types),
 * maps its messages to findings with stable check ids, and runs the standard's rules on the
 * resource or on each entry. A failure inside never escapes as anything but a finding.
 */
final class ResourceProcessor {

    private static final Text FAILURE_TEXT = Text.of("验证器无法处理此资源（内部错误），其余数据照常验证",
            "The validator could not process this resource (internal error); the rest of the data is validated "
                    + "as usual");

    private static final Pattern INVARIANT = Pattern.compile("^Constraint failed: ([A-Za-z0-9][A-Za-z0-9.\\-]*):");
    private static final Pattern UNKNOWN_SYSTEM = Pattern.compile(
            "(?i)(code ?system is unknown|unknown code ?system|could not be found, so the code cannot be validated"
                    + "|A definition for CodeSystem .* could not be found)");

    private static final Pattern OBJECT_IDENTITY = Pattern.compile("\\b((?:[a-z_][\\w]*\\.)+[A-Z][\\w$]*)@[0-9a-f]{1,8}\\b");

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

    /**
     * Validates one unit. Whatever goes wrong inside (a rule, HAPI, a pathological resource that
     * overflows the stack) becomes a finding for this unit and the run goes on; only a failure of
     * the virtual machine itself (out of memory) ends the run.
     */
    void process(Unit unit, RunCollector out, List<Rule> rules) {
        process(unit, out, rules, null);
    }

    /** A run's use of the result cache: its keys and its session. */
    record Cached(ResultKeys keys, ResultCache.Session session) {
    }

    /** As {@link #process(Unit, RunCollector, List)}, taking HAPI's results from the cache when it has them. */
    void process(Unit unit, RunCollector out, List<Rule> rules, Cached cache) {
        try {
            processUnit(unit, out, rules, cache);
        } catch (Throwable e) {
            if (!isolatable(e)) {
                throw e;
            }
            logFailure(unit, e);
            failure(unit, out);
        }
    }

    /**
     * Whether a failure concerns only what was being validated: anything but the virtual machine
     * itself failing (a stack overflow on a pathological resource is that resource's).
     */
    static boolean isolatable(Throwable e) {
        return !(e instanceof VirtualMachineError) || e instanceof StackOverflowError;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ResourceProcessor.class);

    /**
     * An internal failure goes to the log for the operators: where (input and line) and what (the
     * exception's type and first frames), never its message, which may quote the resource's data.
     */
    private static final java.util.concurrent.atomic.AtomicLong FAILURES = new java.util.concurrent.atomic.AtomicLong();

    private static void logFailure(Unit unit, Throwable e) {
        long n = FAILURES.incrementAndGet();
        if (n > 20 && n % 1000 != 0) {
            return; // the first twenty, then one in a thousand: a systematic failure must not flood the log
        }
        StringBuilder frames = new StringBuilder();
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(6, trace.length); i++) {
            frames.append("\n\tat ").append(trace[i]);
        }
        Throwable cause = e.getCause();
        LOG.warn("validator failure #{} on {} line {}: {}{}{}", n, unit.source(), unit.line(), e.getClass().getName(),
                cause == null ? "" : " caused by " + cause.getClass().getName(), frames);
    }

    private static void failure(Unit unit, RunCollector out) {
        out.finding(new Finding(CheckIds.VALIDATOR_FAILURE, Severity.ERROR, Dimension.STRUCTURE, unit.source(), unit.line(), 0, -1, null,
                null, null, FAILURE_TEXT, null));
        out.outcome(Dimension.STRUCTURE, CheckIds.VALIDATOR_FAILURE, false);
    }

    private void processUnit(Unit unit, RunCollector out, List<Rule> rules, Cached cache) {
        String text = unit.text();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("<")) {
            if (claimsJson(unit.source())) {
                out.finding(new Finding(CheckIds.INPUT_FORMAT_MISMATCH, Severity.WARNING, Dimension.STRUCTURE, unit.source(),
                        unit.line(), 0, -1, null, null, null, Text.of("文件名表明是 JSON，内容却是 XML；已按 XML 验证",
                        "The file name says JSON but the content is XML; validated as XML"), null));
            }
            processXml(unit, out, rules, cache);
            return;
        }
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            inputError(unit, out, CheckIds.INPUT_MALFORMED, Text.of("内容不是 JSON 对象或 XML 文档",
                    "The content is neither a JSON object nor an XML document"));
            return;
        }
        if (Json.maxDepth(text) > limits.maxDepth()) {
            inputError(unit, out, CheckIds.INPUT_TOO_DEEP, Text.of("JSON 嵌套超过 " + limits.maxDepth() + " 层",
                    "JSON nesting exceeds " + limits.maxDepth() + " levels"));
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (StreamConstraintsException e) {
            inputError(unit, out, CheckIds.INPUT_TOO_LARGE, Text.of("超出读取限制：" + e.getOriginalMessage(),
                    "Exceeds a reading limit: " + e.getOriginalMessage()));
            return;
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            boolean duplicate = why != null && why.startsWith("Duplicate field");
            long line = unit.line() + Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr() - 1);
            out.unreadable.increment();
            out.finding(new Finding(duplicate ? CheckIds.INPUT_DUPLICATE_KEY : CheckIds.INPUT_MALFORMED, Severity.ERROR,
                    Dimension.STRUCTURE, unit.source(), line,
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr(), -1, null, null, null,
                    duplicate ? Text.of("JSON 中有重复的属性名：" + why, "Duplicate property name in JSON: " + why)
                            : Text.of("JSON 格式错误：" + why, "Malformed JSON: " + why), null));
            return;
        }
        if (!node.isObject()) {
            inputError(unit, out, CheckIds.INPUT_NOT_A_RESOURCE, Text.of("不是 FHIR 资源（应为含 resourceType 的 JSON 对象）",
                    "Not a FHIR resource (a JSON object with a resourceType is expected)"));
            return;
        }
        String type = node.path("resourceType").asText(null);
        if (type == null || !resourceTypes.contains(type)) {
            inputError(unit, out, CheckIds.INPUT_UNKNOWN_TYPE, Text.of("未知的资源类型：" + type, "Unknown resource type: " + type));
            return;
        }
        validate(unit, (ObjectNode) node, text, out, rules, cache);
    }

    private static boolean claimsJson(String source) {
        String name = source == null ? "" : source.toLowerCase();
        return name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl");
    }

    /**
     * Validates a resource, or a Bundle whole (type, fullUrl, ids, invariants, requests, references
     * between entries) with every entry also checked against the standard's profile for its type,
     * in one HL7 validation of exactly the text that was sent. The rules see each entry on its own.
     */
    private void validate(Unit unit, ObjectNode root, String hapiText, RunCollector out, List<Rule> rules,
                          Cached cache) {
        ResourceView top = view(unit, root, -1, "", null);
        out.resources.increment();
        Set<String> foreign = new HashSet<>(foreignProfiles(top, out));
        ResourceView[] entries = new ResourceView[0];
        if ("Bundle".equals(top.resourceType()) && root.path("entry").isArray()) {
            JsonNode list = root.path("entry");
            entries = new ResourceView[list.size()];
            for (int i = 0; i < list.size(); i++) {
                JsonNode resource = list.get(i).path("resource");
                String type = resource.path("resourceType").asText(null);
                if (!resource.isObject() || type == null || !resourceTypes.contains(type)) {
                    continue; // HL7 reports what is wrong with the entry
                }
                entries[i] = view(unit, (ObjectNode) resource, i, "Bundle.entry[" + i + "].resource.",
                        list.get(i).path("fullUrl").asText(null));
                out.resources.increment();
                foreign.addAll(foreignProfiles(entries[i], out));
            }
        }
        ValidationOptions options = new ValidationOptions();
        String profile = content.manifest().profiles().get(top.resourceType());
        if (profile != null) {
            options.addProfile(profile);
        }
        hapi(top, entries, hapiText, options, profile, unit.line() > 0, foreign, out, cache);
        boolean bundle = "Bundle".equals(top.resourceType());
        for (Rule rule : rules) {
            if (!bundle) {
                rule.check(top, out); // a Bundle's rules are its entries' (a rule walking the Bundle would see them twice)
            }
            for (ResourceView entry : entries) {
                if (entry != null) {
                    rule.check(entry, out);
                }
            }
        }
    }

    private static ResourceView view(Unit unit, ObjectNode node, int entry, String prefix, String fullUrl) {
        return new ResourceView(node.path("resourceType").asText(), node.path("id").asText(null), node,
                unit.source(), unit.line(), entry, prefix, fullUrl);
    }

    /** Declared profiles the engine does not have, each reported as not checked (the resource is left as sent). */
    private List<String> foreignProfiles(ResourceView view, RunCollector out) {
        JsonNode profiles = view.json().path("meta").path("profile");
        if (!profiles.isArray() || profiles.isEmpty()) {
            return List.of();
        }
        List<String> foreign = new ArrayList<>();
        for (JsonNode p : profiles) {
            String url = p.asText();
            if (p.isTextual() && support.fetchStructureDefinition(url) == null) {
                foreign.add(url);
                out.finding(view.finding(CheckIds.NOT_CHECKED_PROFILE, Severity.WARNING, Dimension.STRUCTURE,
                        view.resourceType() + ".meta.profile",
                        Text.of("声明的配置文件未加载，未按其检查：" + url,
                                "Declared profile not loaded, not checked against: " + url), url));
            }
        }
        return foreign;
    }

    /** HL7's "profile not found" for a declared profile the engine already reported as not checked. */
    private static boolean aboutForeignProfile(SingleValidationMessage m, Set<String> foreign) {
        String id = m.getMessageId();
        if (foreign.isEmpty() || id == null || !(id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
                || id.equals(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY))) {
            return false;
        }
        String message = m.getMessage() == null ? "" : m.getMessage();
        for (String url : foreign) {
            if (message.contains("'" + url + "'") || message.endsWith("url=" + url)) {
                return true;
            }
        }
        return false;
    }

    private void hapi(ResourceView top, ResourceView[] entries, String text, ValidationOptions options,
                      String profile, boolean lineKnown, Set<String> foreign, RunCollector out, Cached cache) {
        byte[] key = cache == null ? null : cache.keys().key(text, profile);
        List<SingleValidationMessage> messages = key == null ? null : cache.session().find(key);
        try {
            if (messages == ResultCache.FAILED) {
                throw new RememberedFailure();
            }
            if (messages == null) {
                try {
                    messages = validator.validateWithResult(text, options).getMessages();
                } catch (RuntimeException | StackOverflowError e) {
                    if (key != null) {
                        cache.session().store(key, ResultCache.FAILED);
                    }
                    throw e;
                }
                if (key != null) {
                    cache.session().store(key, messages);
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            // HL7 fails on a few malformed values (a reference that is only slashes, a null in an array):
            // locate those, then say that HAPI's checks of this resource could not finish; its rules still run
            List<BadReference> bad = new ArrayList<>();
            malformedReferences(top.json(), top.resourceType(), bad);
            for (BadReference b : bad) {
                int entry = entryOf(b.location(), entries);
                ResourceView at = entry < 0 ? top : entries[entry];
                out.finding(new Finding(CheckIds.INPUT_REFERENCE, Severity.ERROR, Dimension.STRUCTURE, at.source(),
                        at.line(), 0, at.entry(), b.location(), at.resourceType(), at.id(),
                        Text.of("引用“" + b.value() + "”不是有效的引用",
                                "The reference '" + b.value() + "' is not a valid reference"), null));
            }
            List<String> nulls = new ArrayList<>();
            nullsInArrays(top.json(), top.resourceType(), nulls);
            for (String location : nulls) {
                int entry = entryOf(location, entries);
                ResourceView at = entry < 0 ? top : entries[entry];
                String name = location.substring(location.lastIndexOf('.') + 1, location.lastIndexOf('['));
                out.finding(new Finding(CheckIds.INPUT_NULL, Severity.ERROR, Dimension.STRUCTURE, at.source(),
                        at.line(), 0, at.entry(), location, at.resourceType(), at.id(),
                        Text.of("JSON 数组“" + name + "”中有 null，且“_" + name + "”中同一位置没有扩展：FHIR JSON 不允许",
                                "A null in the JSON array '" + name + "' with no extension at the same place in '_"
                                        + name + "': not allowed in FHIR JSON"), null));
            }
            out.finding(top.finding(CheckIds.VALIDATOR_FAILURE, Severity.ERROR, Dimension.STRUCTURE, null,
                    bad.isEmpty() && nulls.isEmpty() ? FAILURE_TEXT
                    : Text.of("因上述无效值，HAPI 未能完成对此资源的其余检查",
                    "Because of the invalid value(s) above, HAPI could not finish checking this resource"), null));
            out.outcome(Dimension.STRUCTURE, CheckIds.VALIDATOR_FAILURE, false);
            return;
        }
        // per resource (the Bundle itself, then each entry): structure and terminology passed
        boolean[][] ok = new boolean[entries.length + 1][];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = new boolean[] {true, true};
        }
        Set<String> seen = new HashSet<>();
        for (SingleValidationMessage m : messages) {
            if (aboutForeignProfile(m, foreign)
                    || !seen.add(m.getSeverity() + "|" + m.getLocationString() + "|" + m.getMessage())) {
                continue;
            }
            int entry = entryOf(m.getLocationString(), entries);
            Finding f = map(entry < 0 ? top : entries[entry], m, lineKnown);
            out.finding(f);
            if (f.severity() == Severity.ERROR && !out.suppressed(f.checkId())) {
                ok[entry + 1][f.dimension() == Dimension.TERMINOLOGY ? 1 : 0] = false;
            }
        }
        for (int i = 0; i < ok.length; i++) {
            if (i == 0 || entries[i - 1] != null) {
                out.outcome(Dimension.STRUCTURE, "FHIR-STRUCTURE", ok[i][0]);
                out.outcome(Dimension.TERMINOLOGY, "FHIR-TERMINOLOGY", ok[i][1]);
            }
        }
    }

    /** HAPI failed on this resource in an earlier run (remembered in the result cache). */
    private static final class RememberedFailure extends RuntimeException {
        RememberedFailure() {
            super(null, null, false, false);
        }
    }

    /** FHIR's reference forms: relative ({@code Type/id}, with version), absolute URL, urn:uuid/oid, or #fragment. */
    private static final Pattern REFERENCE = Pattern.compile(
            "#[A-Za-z0-9\\-.]{0,64}|urn:(uuid|oid):\\S+|[a-z][a-z0-9+.\\-]*://[^/\\s]+(/[^/\\s]+)*/[A-Z][A-Za-z]+"
                    + "/[A-Za-z0-9\\-.]{1,64}(/_history/[A-Za-z0-9\\-.]{1,64})?|[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]{1,64}"
                    + "(/_history/[A-Za-z0-9\\-.]{1,64})?|[a-z][a-z0-9+.\\-]*:\\S+");

    /** A reference not in any of FHIR's forms, and the location of its Reference element. */
    record BadReference(String location, String value) {
    }

    /** References (a {@code reference} string member) not in any of FHIR's forms. */
    static void malformedReferences(JsonNode node, String path, List<BadReference> into) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                malformedReferences(node.get(i), path + "[" + i + "]", into);
            }
        } else if (node.isObject()) {
            JsonNode ref = node.get("reference");
            if (ref != null && ref.isTextual() && !REFERENCE.matcher(ref.asText()).matches()) {
                into.add(new BadReference(path, ref.asText()));
            }
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!e.getValue().isValueNode()) {
                    malformedReferences(e.getValue(), path + "." + e.getKey(), into);
                }
            }
        }
    }

    /**
     * Nulls in JSON arrays that FHIR does not allow: a null stands for a missing value only when the
     * {@code _name} array beside it has an extension (or id) at the same place ({@code "given": [null, "Ann"],
     * "_given": [{"extension": …}, null]}).
     */
    static void nullsInArrays(JsonNode node, String path, List<String> into) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nullsInArrays(node.get(i), path + "[" + i + "]", into);
            }
        } else if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                JsonNode value = e.getValue();
                if (value.isArray()) {
                    JsonNode sidecar = node.get("_" + e.getKey());
                    for (int i = 0; i < value.size(); i++) {
                        boolean extended = sidecar != null && sidecar.isArray() && i < sidecar.size()
                                && sidecar.get(i).isObject();
                        if (value.get(i).isNull() && !extended && !e.getKey().startsWith("_")) {
                            into.add(path + "." + e.getKey() + "[" + i + "]");
                        }
                    }
                }
                if (!value.isValueNode()) {
                    nullsInArrays(value, path + "." + e.getKey(), into);
                }
            }
        }
    }

    /** The Bundle entry a location points into ({@code Bundle.entry[3]…}), or -1 for the Bundle itself. */
    private static int entryOf(String location, ResourceView[] entries) {
        if (entries.length == 0 || location == null || !location.startsWith("Bundle.entry[")) {
            return -1;
        }
        int close = location.indexOf(']', 13);
        if (close < 0) {
            return -1;
        }
        try {
            int i = Integer.parseInt(location.substring(13, close));
            return i >= 0 && i < entries.length && entries[i] != null ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * HL7 writes some objects into texts by their Java identity ({@code ValueSet$ConceptSetFilterComponent@1b1f1d5f}):
     * the number differs from run to run and means nothing to a reader, so it is left out.
     */
    static String withoutObjectIdentities(String message) {
        return message.indexOf('@') < 0 ? message : OBJECT_IDENTITY.matcher(message).replaceAll("$1");
    }

    Finding map(ResourceView view, SingleValidationMessage m, boolean lineKnown) {
        String message = m.getMessage() == null ? "" : withoutObjectIdentities(m.getMessage());
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
            checkId = CheckIds.NOT_CHECKED_CODESYSTEM;
            severity = Severity.WARNING;
        } else if (messageId != null && !messageId.isBlank()) {
            checkId = "FHIR-" + messageId;
        } else {
            // HL7's parsers write keyed texts without their id: recover it from the text
            String key = HapiMessages.keyFor(null, message);
            if (key != null) {
                textId = key;
                checkId = "FHIR-" + HapiMessages.baseId(key);
            } else {
                checkId = "FHIR-" + Integer.toHexString(message.replaceAll("'[^']*'|\"[^\"]*\"|\\d+", "_").hashCode());
            }
        }
        Dimension dimension = terminology(messageId, message, checkId) ? Dimension.TERMINOLOGY : Dimension.STRUCTURE;
        String location = m.getLocationString();
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
        if (CheckIds.NOT_CHECKED_CODESYSTEM.equals(checkId)) {
            return true;
        }
        String id = messageId == null ? "" : messageId.toUpperCase();
        return id.startsWith("TERMINOLOGY") || id.contains("_TX_") || id.startsWith("TX_") || id.contains("CODE")
                || id.contains("VALUESET") || id.contains("UCUM") || message.contains("ValueSet")
                || message.contains("CodeSystem");
    }

    private void processXml(Unit unit, RunCollector out, List<Rule> rules, Cached cache) {
        String text = unit.text();
        if (Json.maxXmlDepth(text) > limits.maxDepth()) {
            inputError(unit, out, CheckIds.INPUT_TOO_DEEP, Text.of("XML 嵌套超过 " + limits.maxDepth() + " 层",
                    "XML nesting exceeds " + limits.maxDepth() + " levels"));
            return;
        }
        org.hl7.fhir.instance.model.api.IBaseResource parsed;
        try {
            var parser = ctx.newXmlParser();
            parser.setParserErrorHandler(new ca.uhn.fhir.parser.LenientErrorHandler(false).setErrorOnInvalidValue(false));
            parsed = parser.parseResource(text);
        } catch (RuntimeException e) {
            inputError(unit, out, CheckIds.INPUT_MALFORMED, Text.of("XML 格式错误或不是 FHIR 资源：" + e.getMessage(),
                    "Malformed XML or not a FHIR resource: " + e.getMessage()));
            return;
        }
        ObjectNode node;
        try {
            // the rules read JSON; HL7 validates the XML exactly as sent
            node = (ObjectNode) json.readTree(ctx.newJsonParser().encodeResourceToString(parsed));
        } catch (JsonProcessingException e) {
            inputError(unit, out, CheckIds.INPUT_MALFORMED, Text.of("XML 无法转换", "XML could not be converted"));
            return;
        }
        validate(unit, node, text, out, rules, cache);
    }

    private static void inputError(Unit unit, RunCollector out, String checkId, Text message) {
        out.unreadable.increment();
        out.finding(new Finding(checkId, Severity.ERROR, Dimension.STRUCTURE, unit.source(), unit.line(), 0, -1, null,
                null, null, message, null));
    }

}
