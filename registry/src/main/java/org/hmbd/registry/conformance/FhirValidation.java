package org.hmbd.registry.conformance;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.ReportOperationOutcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Validation of one resource (or Bundle) on request, for the FHIR {@code $validate} operation:
 * against a named edition, against the edition whose content defines a given profile, or against
 * the base FHIR R4 specification. The same engine and findings as conformance runs.
 */
@Service
public class FhirValidation {

    private final TestSuites suites;
    private final MessageSource messages;

    FhirValidation(TestSuites suites, MessageSource messages) {
        this.suites = suites;
        this.messages = messages;
    }

    /**
     * @param editionId the edition to validate against, or null
     * @param profile a profile URL selecting the edition that defines it, or null
     * @param xml whether the body is XML (else JSON)
     * @param lang "zh" or "en": the language of the issues' text
     * @throws org.hmbd.registry.shared.DomainException for an unknown or untestable edition
     */
    public OperationOutcome validate(byte[] resource, boolean xml, Long editionId, String profile, String lang) {
        ValidationEngine engine;
        OperationOutcome.OperationOutcomeIssueComponent unknownProfile = null;
        if (editionId != null) {
            suites.requireTestable(editionId);
            engine = suites.engine(editionId);
        } else if (profile != null && !profile.isBlank()) {
            Long found = suites.editionDefining(profile.strip()).orElse(null);
            if (found == null) {
                engine = suites.base();
                unknownProfile = new OperationOutcome.OperationOutcomeIssueComponent()
                        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(OperationOutcome.IssueType.NOTFOUND)
                        .setDiagnostics(messages.getMessage("fhir.validate.unknown-profile", new Object[] {profile},
                                "zh".equals(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH));
            } else {
                engine = suites.engine(found);
            }
        } else {
            engine = suites.base();
        }
        String name = xml ? "resource.xml" : "resource.json";
        Report report = engine.run(List.of(new ValidationEngine.Source(name, () -> new ByteArrayInputStream(resource))),
                1, null);
        OperationOutcome outcome = ReportOperationOutcome.of(report, lang);
        if (unknownProfile != null) {
            outcome.getIssue().add(0, unknownProfile);
        }
        return outcome;
    }
}
