package org.hmbd.registry.audit;

/**
 * What walking the audit chain found.
 *
 * @param intact no record altered, deleted, inserted, reordered or cut off
 * @param checked records walked (positions 1 to {@code end})
 * @param end the chain's end as the database holds it
 * @param anchor the furthest position this server has written (kept outside the database); a chain
 *        shorter than it was cut or restored from an older backup
 * @param outsideChain records without a position: written before the chain existed (or inserted
 *        directly, then reported as a problem)
 * @param problem the first problem, or null
 */
public record AuditVerification(boolean intact, long checked, long end, long anchor, long outsideChain,
                                Problem problem) {

    /** The kinds of damage the walk tells apart. */
    public enum Kind {
        /** the record's content no longer matches its hash */
        ALTERED,
        /** records are missing at this position */
        DELETED,
        /** a record the server did not write (its MAC does not verify): inserted, or altered and re-hashed */
        INSERTED,
        /** a genuine record, but not in the place it was written */
        REORDERED,
        /** the chain ends before the position recorded as its end, or before the anchor */
        TRUNCATED
    }

    /**
     * @param position the chain position (seq) where the chain first breaks
     * @param eventId the id of the record found there, if any
     */
    public record Problem(Kind kind, long position, Long eventId) {
    }
}
