package org.hmbd.registry.auth;

/** Where an account stands; only an {@code ACTIVE} account signs in or uses its tokens. */
enum AccountStatus {
    /** registered by its holder, waiting for an administrator to verify the identity */
    PENDING_VERIFICATION,
    ACTIVE,
    /** held by an administrator (suspected misuse); the holder cannot sign in until unlocked */
    LOCKED,
    /** ended: a rejected registration, or an account no longer in use */
    DISABLED
}
