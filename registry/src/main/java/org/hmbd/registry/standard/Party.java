package org.hmbd.registry.standard;

/** Who may perform a lifecycle transition. */
enum Party {
    /** The lead of the edition's working group. */
    WORKING_GROUP_LEAD,
    /** A member of the expert review committee (role {@code EXPERT}). */
    EXPERT,
    /** The national administration (role {@code STANDARDS_ADMIN}). */
    STANDARDS_ADMIN,
    /** The registry itself, as a consequence of another transition (supersession). */
    SYSTEM
}
