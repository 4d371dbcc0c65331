package org.hmbd.validator;

/**
 * Data-quality dimensions a check belongs to, after the Kahn framework (as in OHDSI's Data Quality
 * Dashboard) and the national interoperability maturity assessment.
 */
public enum Dimension {
    STRUCTURE,
    TERMINOLOGY,
    COMPLETENESS,
    PLAUSIBILITY,
    UNIQUENESS_CONSISTENCY
}
