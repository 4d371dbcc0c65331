package org.hmbd.validator;

/**
 * One finding, as data.
 *
 * @param checkId stable id of the check: the same rule gives the same id across runs and editions
 *        ({@code FHIR-<HAPI message id>}, {@code FHIR-INV-<invariant key>}, {@code HMBD-...})
 * @param severity error, warning or information
 * @param dimension the data-quality dimension the check belongs to
 * @param source the input (file name, zip entry) the resource came from
 * @param line line in that input (NDJSON line, or the line HAPI reports), or 0 when unknown
 * @param column column where known, else 0
 * @param entry index in a Bundle, or -1
 * @param location FHIRPath-like location of the issue in the resource
 * @param resourceType the resource type, when known
 * @param resourceId the resource id, when known
 * @param message the message in Simplified Chinese and English
 * @param rule the profile, invariant or manifest rule the check comes from
 */
public record Finding(String checkId, Severity severity, Dimension dimension, String source, long line, int column,
                      int entry, String location, String resourceType, String resourceId, Text message,
                      String rule) {
}
