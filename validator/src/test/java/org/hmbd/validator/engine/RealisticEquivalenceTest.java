package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.content.Manifest;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On realistic third-party data, per resource: every finding the engine derives from HAPI equals
 * what stock HAPI reports for the same resource on the same chain (severity, line, location,
 * message), nothing more and nothing less, except the deliberate differences of docs/validator.md:
 * <ol>
 * <li>a declared profile that is not loaded is reported once as {@code HMBD-NOT-CHECKED-PROFILE}
 * (a warning) instead of HAPI's "profile not found" error;</li>
 * <li>checks the standard's manifest suppresses (with a reason) are counted, not listed;</li>
 * <li>a message HAPI repeats word for word at the same place is reported once;</li>
 * <li>Java object identities HL7 writes into a few texts ({@code …ConceptSetFilterComponent@1b1f1d5f}) are
 * left out: they differ between runs.</li>
 * </ol>
 * Resources are validated as stock HAPI's {@code validateWithResult} does, with the standard's
 * profile for their type; Bundles whole, and against a standard with HL7's Bundle rules checking
 * each entry against the profile for its type ({@link StockWithBundleRules}).
 */
class RealisticEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void onBaseR4TheEngineReportsWhatStockHapiReportsPerResource() {
        Result r = compare(StandardContent.base());
        assertThat(r.differences).as(r.describe()).isEmpty();
        assertThat(r.stockFailures).isEmpty();
        // no error comes from the engine's own handling
        assertThat(r.report.summary().errors()).as(r.describe()).isEqualTo(r.stockErrors);
        // Synthea's patients are valid R4: errors only in HL7's examples, which carry some of their own
        assertThat(r.report.findings()).filteredOn(f -> f.severity() == Severity.ERROR)
                .allMatch(f -> Path.of(f.source()).getFileName().toString().startsWith("hl7-r4-examples"));
    }

    @Test
    void againstTheSampleStandardTheEngineReportsWhatStockHapiReportsPerResource() {
        Result r = compare(StandardContent.load(ValidationEngine.fhirContext(), Samples.FOLDER));
        assertThat(r.differences).as(r.describe()).isEmpty();
        assertThat(r.stockFailures).isEmpty();
        // the data is not Chinese: the sample profiles find real errors, the same ones as stock HAPI
        assertThat(r.stockErrors).isPositive();
    }

    private static final class Result {
        final Map<String, String> differences = new TreeMap<>();
        /** Items (file:line) on which stock HAPI throws, with the check ids the engine reports there. */
        final Map<String, List<String>> stockFailures = new TreeMap<>();
        Report report;
        long stockErrors;
        int items;

        String describe() {
            StringBuilder sb = new StringBuilder(items + " items; " + differences.size() + " differences");
            differences.entrySet().stream().limit(40).forEach(e -> sb.append('\n').append(e.getKey()).append(' ')
                    .append(e.getValue()));
            return sb.toString();
        }
    }

    /**
     * A corpus of deliberately bad primitives (validator/src/test/resources/corpus/bad-primitives: dates,
     * times, ids, URIs, whitespace, narratives, references, numbers, base64, Bundles), the kinds of value
     * the patched HL7 classes (Hl7Patches) handle: the engine still reports exactly what stock HAPI does.
     */
    @Test
    void onDeliberatelyBadPrimitivesTheEngineReportsWhatStockHapiReportsPerResource() {
        StandardContent base = StandardContent.base();
        for (StandardContent content : List.of(base,
                StandardContent.load(ValidationEngine.fhirContext(), Samples.FOLDER))) {
            Result r = compare(content, List.of(BAD_PRIMITIVES), false);
            assertThat(r.differences).as(r.describe()).isEmpty();
            assertThat(r.items).isGreaterThanOrEqualTo(140);
            assertThat(r.stockErrors).as("the corpus is wrong in many ways").isGreaterThan(100);
            // where stock HAPI throws (a null in an array) the engine locates the value; the integer below
            // -2^31 on which the original InstanceValidator throws is compared above (stock HAPI in this JVM
            // runs the patched class too: CliJarIT compares with the originals)
            assertThat(r.stockFailures).hasSize(1);
            assertThat(r.stockFailures.values()).singleElement().satisfies(ids -> assertThat(ids).contains(CheckIds.INPUT_NULL));
            if (content == base) { // the sample standard's Observation profiles allow no integer value
                assertThat(r.report.findings()).anyMatch(f -> f.checkId().equals("FHIR-Type_Specific_Checks_DT_Integer_Valid")
                        && f.message().en().contains("-2147483649"));
            }
        }
    }

    static final Path BAD_PRIMITIVES = Path.of("src", "test", "resources", "corpus", "bad-primitives",
            "bad-primitives.ndjson");

    private Result compare(StandardContent content) {
        return compare(content, RealisticCorpus.files(work), true);
    }

    private Result compare(StandardContent content, List<Path> files, boolean declaresForeignProfiles) {
        FhirContext ctx = ValidationEngine.fhirContext();
        ValidationSupportChain chain = ValidationSupportFactory.create(ctx, content);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setErrorForUnknownProfiles(true);
        FhirValidator stock = ctx.newValidator().registerValidatorModule(module);
        Map<String, String> entryProfiles = ValidationEngine.entryProfiles(content);
        FhirValidator withRules = ctx.newValidator()
                .registerValidatorModule(new StockWithBundleRules(chain, entryProfiles));
        Set<String> suppressedInvariants = new HashSet<>();
        for (Manifest.Suppression s : content.manifest().suppressions()) {
            if (s.checkId().startsWith("FHIR-INV-")) {
                suppressedInvariants.add(" " + s.checkId().substring("FHIR-INV-".length()) + ": ");
            }
        }

        List<RealisticCorpus.Item> items = RealisticCorpus.items(files);
        Result result = new Result();
        result.items = items.size();
        Map<String, Set<String>> expected = new TreeMap<>();
        long foreignDeclarations = 0;
        for (RealisticCorpus.Item item : items) {
            JsonNode node = read(item.text());
            String type = node.path("resourceType").asText();
            Set<String> foreign = new HashSet<>();
            foreignDeclarations += StockComparison.foreignProfilesWithEntries(node, chain, foreign);
            ValidationOptions options = new ValidationOptions();
            String profile = content.manifest().profiles().get(type);
            if (profile != null) {
                options.addProfile(profile);
            }
            FhirValidator v = "Bundle".equals(type) && !entryProfiles.isEmpty() ? withRules : stock;
            Set<String> keys = expected.computeIfAbsent(item.file().toString(), k -> new TreeSet<>());
            List<SingleValidationMessage> messages;
            try {
                messages = v.validateWithResult(item.text(), options).getMessages();
            } catch (RuntimeException e) {
                // stock HAPI crashes on a few bad values: the engine's findings there are checked apart
                result.stockFailures.put(item.file() + ":" + item.line(), new ArrayList<>());
                continue;
            }
            for (SingleValidationMessage m : messages) {
                if (StockComparison.aboutForeignProfile(m, foreign)
                        || suppressedInvariants.stream().anyMatch(k -> m.getMessage().contains(k))) {
                    continue;
                }
                long line = m.getLocationLine() != null && m.getLocationLine() > 0
                        ? item.line() + m.getLocationLine() - 1 : item.line();
                Severity severity = severityOf(m.getSeverity());
                if (severity == Severity.ERROR) {
                    result.stockErrors++;
                }
                keys.add(line + " " + severity + " " + m.getLocationString() + " " + StockComparison.text(m));
            }
        }

        ValidationEngine engine = ValidationEngine.create(content, new Limits(20 << 20, 100, Integer.MAX_VALUE, 1000));
        Report report = engine.run(files.stream().map(Path::toString).toList(), null, 2, null);
        result.report = report;
        Map<String, List<String>> actual = new TreeMap<>();
        long notChecked = 0;
        for (Finding f : report.findings()) {
            if (f.checkId().equals(CheckIds.NOT_CHECKED_PROFILE)) {
                notChecked++;
            }
            List<String> failed = result.stockFailures.get(f.source() + ":" + f.line());
            if (failed != null) {
                failed.add(f.checkId());
                continue;
            }
            if (f.checkId().startsWith("FHIR-") || f.checkId().equals(CheckIds.NOT_CHECKED_CODESYSTEM)) {
                actual.computeIfAbsent(f.source(), k -> new ArrayList<>())
                        .add(f.line() + " " + f.severity() + " " + f.location() + " " + f.message().en());
            }
        }
        assertThat(report.findingsTruncated()).isFalse();
        assertThat(notChecked).as("one not-checked warning per declared foreign profile").isEqualTo(foreignDeclarations);
        if (declaresForeignProfiles) {
            assertThat(foreignDeclarations).as("the corpus declares US Core profiles").isPositive();
        }
        for (String source : expected.keySet()) {
            List<String> got = actual.getOrDefault(source, List.of());
            assertThat(new HashSet<>(got)).as("nothing reported twice in " + source).hasSize(got.size());
            Set<String> missing = new TreeSet<>(expected.get(source));
            missing.removeAll(got);
            Set<String> extra = new TreeSet<>(got);
            extra.removeAll(expected.get(source));
            String name = Path.of(source).getFileName().toString();
            missing.forEach(k -> result.differences.put(name + " missing: " + k, ""));
            extra.forEach(k -> result.differences.put(name + " extra: " + k, ""));
        }
        return result;
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Severity severityOf(ResultSeverityEnum s) {
        return switch (s) {
            case FATAL, ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
    }
}
