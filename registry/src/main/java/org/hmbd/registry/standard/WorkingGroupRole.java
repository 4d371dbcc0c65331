package org.hmbd.registry.standard;

/** Roles inside a working group (Art. 10): the lead steers the draft, drafters write it, reviewers read along. */
enum WorkingGroupRole {
    LEAD,
    DRAFTER,
    REVIEWER
}
