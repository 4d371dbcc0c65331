package org.hmbd.validator;

/** Severity of a finding, as in FHIR's OperationOutcome.issue.severity (fatal is reported as error). */
public enum Severity {
    ERROR,
    WARNING,
    INFORMATION
}
