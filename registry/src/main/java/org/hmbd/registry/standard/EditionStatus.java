package org.hmbd.registry.standard;

/** The states of a standard edition, from drafting to retirement (Measures Art. 10, 11, 14). */
public enum EditionStatus {
    DRAFTING,
    PUBLIC_COMMENT,
    EXPERT_REVIEW,
    APPROVED,
    PUBLISHED,
    SUPERSEDED,
    ABOLISHED,
    WITHDRAWN;

    /** States whose content the public may read. */
    public boolean isPublic() {
        return this == PUBLISHED || this == SUPERSEDED || this == ABOLISHED;
    }

    /** States in which the edition is still being worked on. */
    public boolean isInProgress() {
        return this == DRAFTING || this == PUBLIC_COMMENT || this == EXPERT_REVIEW || this == APPROVED;
    }
}
