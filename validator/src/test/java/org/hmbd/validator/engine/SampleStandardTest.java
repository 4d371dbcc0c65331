package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample national core standard: its content is sound, valid data passes, each defect is found. */
class SampleStandardTest {

    @Test
    void everyProfileOfTheSampleGetsACompleteSnapshot() {
        StandardContent content = Samples.engine().content();
        IValidationSupport chain = ValidationSupportFactory.create(ValidationEngine.fhirContext(), content);
        for (String url : content.manifest().profiles().values()) {
            StructureDefinition differential = content.structureDefinition(url);
            StructureDefinition sd = (StructureDefinition) chain.generateSnapshot(
                    new ValidationSupportContext(chain), differential.copy(), url, null, differential.getName());
            assertThat(sd).as(url).isNotNull();
            Set<String> snapshotIds = sd.getSnapshot().getElement().stream().map(ElementDefinition::getId)
                    .collect(Collectors.toSet());
            for (ElementDefinition diff : content.structureDefinition(url).getDifferential().getElement()) {
                assertThat(snapshotIds).as(url + " snapshot").contains(diff.getId());
            }
        }
    }

    @Test
    void validExamplesPassWithTheHighestLevel() {
        Report r = Samples.engine().run(List.of(Samples.example("valid").toString()), null, 2, null);
        assertThat(r.findings()).filteredOn(f -> f.severity() == Severity.ERROR).isEmpty();
        // 11 resources on their own, and a Bundle validated whole with its 4 entries
        assertThat(r.summary().resources()).isEqualTo(16);
        assertThat(r.scores().passed()).isTrue();
        assertThat(r.scores().overall()).isEqualTo(100.0);
        assertThat(r.scores().level().code()).isEqualTo("L3");
        assertThat(r.scores().dimensions().get(Dimension.PLAUSIBILITY).total()).isPositive();
        assertThat(r.scores().dimensions().get(Dimension.UNIQUENESS_CONSISTENCY).total()).isPositive();
        // LOINC and ICD-10 are not available offline: reported, never silently passed or failed
        assertThat(r.summary().notCheckedCodeSystems()).isEqualTo(4);
        assertThat(r.suppressed()).extracting(Report.Suppressed::checkId).containsExactly("FHIR-INV-dom-6");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "patient-wrong-check-character.json, HMBD-ID-RESIDENT, Patient.identifier[0].value",
            "organization-wrong-credit-code.json, HMBD-ID-USCC, Organization.identifier[0].value",
            "patient-missing-birth-date.json, FHIR-Validation_VAL_Profile_Minimum, Patient",
            "patient-sex-mismatch.json, FHIR-INV-hmbd-pat-2, Patient",
            "patient-born-in-future.json, HMBD-DATE-FUTURE, Patient.birthDate",
            "observation-invalid-unit.json, FHIR-Terminology_PassThrough_TX_Message, Observation.value.ofType(Quantity)",
            "bundle-implausible.json, HMBD-BIRTH-ORDER, Bundle.entry[1].resource.Encounter",
            "bundle-implausible.json, HMBD-SEX-SPECIFIC, Bundle.entry[2].resource.Condition.code",
            "identity-conflict.ndjson, HMBD-PAT-UNIQUE, Patient.identifier[0]",
            "identity-conflict.ndjson, HMBD-PAT-UNIQUE-ENCODED, Patient.birthDate"})
    void eachInvalidExampleIsFoundWithAStableCheckId(String file, String checkId, String location) {
        Report r = Samples.engine().run(List.of(Samples.example("invalid/" + file).toString()), null, 1, null);
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals(checkId))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message().zh()).isNotBlank();
                    assertThat(f.message().en()).isNotBlank();
                })
                .extracting(Finding::location).contains(location);
        assertThat(r.scores().passed()).isFalse();
    }

    @Test
    void aSingleResourceReportBecomesAnOperationOutcome() {
        Report r = Samples.engine().run(List.of(Samples.example("invalid/patient-wrong-check-character.json").toString()),
                null, 1, null);
        org.hl7.fhir.r4.model.OperationOutcome oo = org.hmbd.validator.report.ReportOperationOutcome.of(r, "zh");
        assertThat(oo.getIssue()).anySatisfy(i -> {
            assertThat(i.getSeverity()).isEqualTo(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.ERROR);
            assertThat(i.getDetails().getCodingFirstRep().getCode()).isEqualTo("HMBD-ID-RESIDENT");
            assertThat(i.getDetails().getText()).contains("校验码");
            assertThat(i.getExpression().get(0).getValue()).isEqualTo("Patient.identifier[0].value");
        });
        String json = ValidationEngine.fhirContext().newJsonParser().encodeResourceToString(oo);
        assertThat(json).contains("\"resourceType\":\"OperationOutcome\"");
    }

    @Test
    void failedMandatoryRulesCapTheLevel() {
        Report r = Samples.engine().run(List.of(Samples.example("valid").toString(),
                Samples.example("invalid/patient-wrong-check-character.json").toString()), null, 2, null);
        assertThat(r.scores().mandatoryFailures()).containsExactly("HMBD-ID-RESIDENT");
        assertThat(r.scores().overall()).isGreaterThanOrEqualTo(90.0);
        // level 3 needs 90 points and no failed mandatory rule: only the level without that condition remains
        assertThat(r.scores().level().code()).isEqualTo("L1");
    }

    @Test
    void elementsOfAtMostOneAreCheckedAsWellAsListsAndAMalformedOneIsNoInternalError(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        String resident = "http://fhir.hmbd-registry.org/sample/core/NamingSystem/resident-id";
        // AdverseEvent.identifier is 0..1: an object, not a list (HL7's own R4 examples have one)
        java.nio.file.Files.writeString(dir.resolve("data.ndjson"), String.join("\n",
                "{\"resourceType\":\"AdverseEvent\",\"id\":\"ae\",\"actuality\":\"actual\","
                        + "\"subject\":{\"reference\":\"Patient/p\"},"
                        + "\"identifier\":{\"system\":\"" + resident + "\",\"value\":\"350102198503121235\"}}",
                "{\"resourceType\":\"Patient\",\"id\":\"p\",\"gender\":\"male\",\"birthDate\":\"1985-03-12\","
                        + "\"identifier\":{\"system\":\"" + resident + "\",\"value\":\"350102198503121235\"}}",
                // Location.address is 0..1 too
                "{\"resourceType\":\"Location\",\"id\":\"l\",\"address\":{\"city\":\"福州\",\"extension\":[{\"url\":"
                        + "\"http://fhir.hmbd-registry.org/sample/core/StructureDefinition/administrative-division\","
                        + "\"valueCode\":\"999999\"}]}}"));
        Report r = Samples.engine().run(List.of(dir.resolve("data.ndjson").toString()), null, 1, null);
        assertThat(r.findings()).extracting(Finding::checkId).doesNotContain("HMBD-VALIDATOR-FAILURE");
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("HMBD-ID-RESIDENT"))
                .extracting(Finding::location).contains("AdverseEvent.identifier.value");
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("HMBD-DIV-CODE"))
                .extracting(Finding::location).containsExactly("Location.address.extension[0].valueCode");
        // the malformed Patient is HAPI's structure error, not a crash of the identity rules
        assertThat(r.findings()).filteredOn(f -> f.resourceType() != null && f.resourceType().equals("Patient")
                && f.severity() == Severity.ERROR).isNotEmpty();
    }

    @Test
    void identifiersNeverAppearWholeInFindings() {
        Report r = Samples.engine().run(List.of(Samples.example("invalid").toString()), null, 2, null);
        String resident = "350102198503121" ; // first 15 digits of the sample person's number
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.message().zh()).doesNotContain(resident);
            assertThat(f.message().en()).doesNotContain(resident);
        });
        Map<String, Long> counts = r.checks().stream().collect(Collectors.toMap(c -> c.checkId(), c -> c.count()));
        assertThat(counts).containsKeys("HMBD-PAT-UNIQUE", "HMBD-ID-USCC", "HMBD-BIRTH-ORDER");
    }
}
