package org.hmbd.registry.shared;

/**
 * Something the security monitoring should know (Measures Art. 25), published as an application
 * event by the feature that saw it; the audit module counts, records and raises the warnings.
 *
 * @param kind what happened
 * @param actor the account's user name, or null
 * @param organizationId the account's organization, or null
 * @param subject what it was about (a run, an organization, a client address), or null
 * @param clientIp the client address, or null
 */
public record SecurityEvent(Kind kind, String actor, Long organizationId, String subject, String clientIp) {

    /** The signals; some become warnings only when repeated (see {@code hmbd.security.*}). */
    public enum Kind {
        /** sign-in locked after repeated failures (an account or a client address) */
        BRUTE_FORCE,
        /** one refusal of access (403); repeated ones from one account raise {@link #OUT_OF_SCOPE} */
        FORBIDDEN,
        /** an account was refused again and again: probing outside its scope */
        OUT_OF_SCOPE,
        /** one download of a report or an export; many from one account raise {@link #BULK_DOWNLOAD} */
        DOWNLOAD,
        /** an account downloaded many reports or exports in a short time */
        BULK_DOWNLOAD,
        /** the audit chain did not verify */
        AUDIT_CHAIN_BROKEN,
        /** a conformance run was stopped by a limit (size, time) */
        RUN_LIMIT
    }
}
