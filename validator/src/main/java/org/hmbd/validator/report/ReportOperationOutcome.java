package org.hmbd.validator.report;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.hmbd.validator.Finding;

/**
 * A report as a FHIR OperationOutcome (for a single resource, or the kept findings of a run):
 * one issue per finding, its check id as the issue's coding, its location as the FHIRPath
 * expression, and its message in the requested language ({@code zh} or {@code en}).
 */
public final class ReportOperationOutcome {

    public static final String CHECK_SYSTEM = "http://fhir.hmbd-registry.org/CodeSystem/check-id";

    private ReportOperationOutcome() {
    }

    public static OperationOutcome of(Report report, String lang) {
        OperationOutcome oo = new OperationOutcome();
        for (Finding f : report.findings()) {
            OperationOutcome.OperationOutcomeIssueComponent issue = oo.addIssue();
            issue.setSeverity(switch (f.severity()) {
                case ERROR -> OperationOutcome.IssueSeverity.ERROR;
                case WARNING -> OperationOutcome.IssueSeverity.WARNING;
                case INFORMATION -> OperationOutcome.IssueSeverity.INFORMATION;
            });
            issue.setCode(f.checkId().startsWith("HMBD-INPUT") ? OperationOutcome.IssueType.STRUCTURE
                    : f.checkId().startsWith("HMBD-NOT-CHECKED") ? OperationOutcome.IssueType.NOTSUPPORTED
                    : f.dimension() == org.hmbd.validator.Dimension.TERMINOLOGY ? OperationOutcome.IssueType.CODEINVALID
                    : OperationOutcome.IssueType.PROCESSING);
            issue.setDetails(new CodeableConcept(new Coding(CHECK_SYSTEM, f.checkId(), null))
                    .setText(f.message().in(lang)));
            if (f.location() != null) {
                issue.addExpression(f.location());
            }
            if (f.line() > 0) {
                issue.getLocation().add(new StringType("Line[" + f.line() + "] Col[" + f.column() + "]"));
            }
        }
        if (oo.getIssue().isEmpty()) {
            oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDetails(new CodeableConcept().setText("en".equals(lang) ? "No issues found" : "未发现问题"));
        }
        return oo;
    }
}
