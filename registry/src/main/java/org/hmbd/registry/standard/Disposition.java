package org.hmbd.registry.standard;

/** How a working group disposed of a public comment, as HL7 ballot reconciliation requires. */
enum Disposition {
    ACCEPTED,
    PARTLY_ACCEPTED,
    NOT_ACCEPTED
}
