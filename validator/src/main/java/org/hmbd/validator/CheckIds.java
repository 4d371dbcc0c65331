package org.hmbd.validator;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check ids the engine itself gives its findings (docs/validator.md, "Findings"); HAPI's are
 * {@code FHIR-<message id>} and {@code FHIR-INV-<key>}, a standard's rules carry the ids of its
 * manifest. Stable across runs and editions: reports, baselines and the registry's queries rely
 * on them. {@code CheckIdsTest} keeps this class and the documentation in step.
 */
public final class CheckIds {

    /** A declared {@code meta.profile} the engine does not have (e.g. US Core): a warning. */
    public static final String NOT_CHECKED_PROFILE = "HMBD-NOT-CHECKED-PROFILE";
    /** A code system not available offline (LOINC, SNOMED CT, ICD-10): a warning. */
    public static final String NOT_CHECKED_CODESYSTEM = "HMBD-NOT-CHECKED-CODESYSTEM";
    /** HAPI or a rule failed on this resource (or a rule on the whole submission). */
    public static final String VALIDATOR_FAILURE = "HMBD-VALIDATOR-FAILURE";

    public static final String INPUT_MALFORMED = "HMBD-INPUT-MALFORMED";
    public static final String INPUT_ENCODING = "HMBD-INPUT-ENCODING";
    public static final String INPUT_EMPTY = "HMBD-INPUT-EMPTY";
    public static final String INPUT_TOO_LARGE = "HMBD-INPUT-TOO-LARGE";
    public static final String INPUT_TOO_DEEP = "HMBD-INPUT-TOO-DEEP";
    public static final String INPUT_DUPLICATE_KEY = "HMBD-INPUT-DUPLICATE-KEY";
    public static final String INPUT_UNKNOWN_TYPE = "HMBD-INPUT-UNKNOWN-TYPE";
    public static final String INPUT_NOT_A_RESOURCE = "HMBD-INPUT-NOT-A-RESOURCE";
    public static final String INPUT_NDJSON_PRETTY = "HMBD-INPUT-NDJSON-PRETTY";
    public static final String INPUT_UNREADABLE = "HMBD-INPUT-UNREADABLE";
    /** XML in a file named {@code .json}: validated as XML, with this warning. */
    public static final String INPUT_FORMAT_MISMATCH = "HMBD-INPUT-FORMAT-MISMATCH";
    /** A reference HAPI itself fails on, located at its element. */
    public static final String INPUT_REFERENCE = "HMBD-INPUT-REFERENCE";
    /** A JSON {@code null} in an array with no extension at its place ({@code _given}): HL7 itself fails on it. */
    public static final String INPUT_NULL = "HMBD-INPUT-NULL";

    private CheckIds() {
    }

    /** Every id above. */
    public static Set<String> all() {
        Set<String> ids = new TreeSet<>();
        for (Field f : CheckIds.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    ids.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ids;
    }
}
