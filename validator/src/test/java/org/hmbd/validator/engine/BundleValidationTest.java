package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Bundle is validated whole, as stock HAPI validates it (type, fullUrl, duplicate entries, the
 * {@code bdl-*} invariants, requests of transactions, references between entries through fullUrl,
 * document and message rules), and each entry against the standard's profile for its type, with
 * locations kept as {@code Bundle.entry[i]…} and nothing reported twice.
 */
class BundleValidationTest {

    private static final String PATIENT_UUID = "urn:uuid:61ebe359-bfdc-4613-8bf2-c5e300945f0a";
    private static final String ENCOUNTER = "{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"%s\"}}";

    static final List<String> BUNDLES = List.of(
            // type not in the required value set, fullUrl not a UUID
            "{\"resourceType\":\"Bundle\",\"type\":\"transactions\",\"entry\":[{\"fullUrl\":\"urn:uuid:not-a-uuid\","
                    + "\"resource\":{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}}]}",
            // a transaction: a reference resolved through an entry's fullUrl, one to nothing in the Bundle,
            // an entry without its request
            "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"fullUrl\":\"" + PATIENT_UUID
                    + "\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"male\"},\"request\":{\"method\":\"POST\","
                    + "\"url\":\"Patient\"}},{\"fullUrl\":\"urn:uuid:88f151c0-a954-468a-88bd-5ae15c08e059\",\"resource\":"
                    + ENCOUNTER.formatted(PATIENT_UUID) + ",\"request\":{\"method\":\"POST\",\"url\":\"Encounter\"}},"
                    + "{\"fullUrl\":\"urn:uuid:0b5e1c35-7c4b-4c1f-9f6a-2f3d7c1e9a11\",\"resource\":"
                    + ENCOUNTER.formatted("urn:uuid:11111111-2222-3333-4444-555555555555") + "}]}",
            // a document without a Composition first, and the same fullUrl twice
            "{\"resourceType\":\"Bundle\",\"type\":\"document\",\"identifier\":{\"system\":\"urn:ietf:rfc:3986\","
                    + "\"value\":\"urn:uuid:4c5d0a3e-8f7b-4b8e-9c7a-1e2f3a4b5c6d\"},\"timestamp\":\"2026-01-01T00:00:00+08:00\","
                    + "\"entry\":[{\"fullUrl\":\"" + PATIENT_UUID + "\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}},"
                    + "{\"fullUrl\":\"" + PATIENT_UUID + "\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}",
            // a message whose first entry is not a MessageHeader
            "{\"resourceType\":\"Bundle\",\"type\":\"message\",\"timestamp\":\"2026-01-01T00:00:00+08:00\",\"entry\":[{"
                    + "\"fullUrl\":\"" + PATIENT_UUID + "\",\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p\"}}]}");

    @TempDir
    Path dir;

    private Report run(ValidationEngine engine, int index, String text) throws IOException {
        Path f = Files.writeString(dir.resolve("bundle-" + index + ".json"), text);
        return engine.run(List.of(f.toString()), null, 1, null);
    }

    private static Set<String> hapiFindings(Report r) {
        return r.findings().stream().filter(f -> f.checkId().startsWith("FHIR-")
                        || f.checkId().equals(CheckIds.NOT_CHECKED_CODESYSTEM))
                .map(f -> f.severity() + " " + f.location() + " " + f.message().en())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "bundle {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void onBaseR4ABundleGetsExactlyTheFindingsOfStockHapi(int index) throws IOException {
        FhirInstanceValidator module = new FhirInstanceValidator(
                ValidationSupportFactory.create(ValidationEngine.fhirContext(), StandardContent.base()));
        module.setErrorForUnknownProfiles(true);
        FhirValidator stock = ValidationEngine.fhirContext().newValidator().registerValidatorModule(module);
        Set<String> expected = stock.validateWithResult(BUNDLES.get(index), new ValidationOptions()).getMessages()
                .stream().map(m -> RealisticEquivalenceTest.severityOf(m.getSeverity()) + " " + m.getLocationString()
                        + " " + m.getMessage())
                .collect(Collectors.toCollection(TreeSet::new));
        Report r = run(BadInputTest.baseEngine(), index, BUNDLES.get(index));
        assertThat(expected).anyMatch(k -> k.startsWith("ERROR"));
        assertThat(hapiFindings(r)).isEqualTo(expected);
    }

    @Test
    void bundleLevelProblemsAreReportedAtTheirPlace() throws IOException {
        Report r = run(BadInputTest.baseEngine(), 0, BUNDLES.get(0));
        assertThat(r.findings()).anyMatch(f -> "Bundle.type".equals(f.location()) && f.severity() == Severity.ERROR
                && f.entry() == -1 && "Bundle".equals(f.resourceType()));
        assertThat(r.findings()).anyMatch(f -> "Bundle.entry[0].fullUrl".equals(f.location())
                && f.checkId().equals("FHIR-Type_Specific_Checks_DT_UUID_Valid") && f.entry() == 0
                && "Basic".equals(f.resourceType()));
        // the Bundle and its entry are the resources checked
        assertThat(r.summary().resources()).isEqualTo(2);
        assertThat(r.scores().dimensions().get(org.hmbd.validator.Dimension.STRUCTURE).total()).isEqualTo(2);
    }

    @Test
    void referencesBetweenEntriesAreResolvedThroughFullUrl() throws IOException {
        Report r = run(BadInputTest.baseEngine(), 1, BUNDLES.get(1));
        List<Finding> notLocal = r.findings().stream()
                .filter(f -> f.checkId().equals("FHIR-Bundle_BUNDLE_Not_Local")).toList();
        assertThat(notLocal).singleElement().satisfies(f -> {
            assertThat(f.entry()).isEqualTo(2);
            assertThat(f.resourceType()).isEqualTo("Encounter");
        });
        assertThat(r.findings()).anyMatch(f -> f.checkId().equals("FHIR-INV-bdl-3") && f.entry() == -1);
        assertThat(r.findings()).noneMatch(f -> f.entry() == 1 && f.severity() != Severity.INFORMATION
                && f.location() != null && f.location().endsWith(".subject"));
    }

    @Test
    void documentAndMessageRulesApply() throws IOException {
        Report doc = run(BadInputTest.baseEngine(), 2, BUNDLES.get(2));
        assertThat(doc.findings()).extracting(Finding::checkId)
                .contains("FHIR-INV-bdl-7", "FHIR-INV-bdl-11", "FHIR-Bundle_BUNDLE_Entry_Document");
        Report msg = run(BadInputTest.baseEngine(), 3, BUNDLES.get(3));
        assertThat(msg.summary().errors()).isPositive();
    }

    @Test
    void everyEntryIsCheckedAgainstTheStandardsProfileForItsTypeOnce() throws IOException {
        // a Patient without a resident identity number breaks the sample's hmbd-pat-1, in or out of a Bundle
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\",\"birthDate\":\"2999-01-01\"}";
        Report alone = run(Samples.engine(), 10, patient);
        assertThat(alone.findings()).anyMatch(f -> f.checkId().equals("FHIR-INV-hmbd-pat-1"));
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":"
                + "\"https://fhir.example.hmbd.cn/Patient/p1\",\"resource\":" + patient + "}]}";
        Report r = run(Samples.engine(), 11, bundle);
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("FHIR-INV-hmbd-pat-1")).singleElement()
                .satisfies(f -> {
                    assertThat(f.entry()).isZero();
                    assertThat(f.resourceType()).isEqualTo("Patient");
                    assertThat(f.resourceId()).isEqualTo("p1");
                    assertThat(f.location()).startsWith("Bundle.entry[0].resource");
                });
        // the standard's rules see the entry once (a birth date in the future)
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("HMBD-DATE-FUTURE")).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("Bundle.entry[0].resource.Patient.birthDate"));
        List<String> keys = r.findings().stream().map(f -> f.checkId() + " " + f.location() + " " + f.message().en())
                .toList();
        assertThat(new TreeSet<>(keys)).as("nothing twice").hasSize(keys.size());
    }
}
