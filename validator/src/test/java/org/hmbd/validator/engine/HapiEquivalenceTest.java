package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hmbd.validator.Severity;
import org.hmbd.validator.report.Report;
import org.junit.jupiter.api.Test;

/**
 * Speed must never cost correctness: on the same inputs, the engine reports exactly the errors
 * stock HAPI reports for HAPI's own checks, at every severity (same message, same location), on the
 * standard's examples, Bundles included.
 */
class HapiEquivalenceTest {

    private static Severity severity(ResultSeverityEnum s) {
        return switch (s) {
            case FATAL, ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
    }

    @Test
    void theEngineReportsTheSameMessagesAsStockHapi() throws IOException {
        ValidationEngine engine = Samples.engine();
        FhirContext ctx = ValidationEngine.fhirContext();
        ValidationSupportChain chain = ValidationSupportFactory.create(ctx, engine.content());
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setErrorForUnknownProfiles(true);
        FhirValidator stock = ctx.newValidator().registerValidatorModule(module);
        // Bundles: whole, with HL7's Bundle rules checking each entry against the standard's profile
        FhirValidator withRules = ctx.newValidator().registerValidatorModule(
                new StockWithBundleRules(chain, ValidationEngine.entryProfiles(engine.content())));

        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(Samples.example("valid")), Files.list(Samples.example("invalid")))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        Set<String> expected = new TreeSet<>();
        for (Path f : files) {
            String text = Files.readString(f);
            String type = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(text)
                    .path("resourceType").asText();
            ValidationOptions options = new ValidationOptions();
            String profile = engine.content().manifest().profiles().get(type);
            if (profile != null) {
                options.addProfile(profile);
            }
            ("Bundle".equals(type) ? withRules : stock).validateWithResult(text, options).getMessages().stream()
                    .filter(m -> !m.getMessage().contains(" dom-6: ")) // suppressed by the sample's manifest
                    .forEach(m -> expected.add(f.getFileName() + " " + severity(m.getSeverity()) + " "
                            + m.getLocationString() + " " + m.getMessage()));
        }
        Report r = engine.run(files.stream().map(Path::toString).toList(), null, 2, null);
        Set<String> actual = new TreeSet<>();
        r.findings().stream()
                .filter(f -> f.checkId().startsWith("FHIR-") || f.checkId().equals("HMBD-NOT-CHECKED-CODESYSTEM"))
                .forEach(f -> actual.add(Path.of(f.source()).getFileName() + " " + f.severity() + " " + f.location()
                        + " " + f.message().en()));
        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }
}
