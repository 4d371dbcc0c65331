package org.hmbd.registry.shared;

/** Request attributes through which features tell the audit log who acted and on what. */
public final class AuditAttributes {

    /** The user name of whoever made the request (or attempted to sign in). */
    public static final String ACTOR = "hmbd.audit.actor";
    /** The acting account's organization id (a Long), when known. */
    public static final String ORGANIZATION = "hmbd.audit.organization";
    /** The acting account's id (a Long) and masked real name, when known. */
    public static final String ACTOR_ID = "hmbd.audit.actor-id";
    public static final String ACTOR_NAME = "hmbd.audit.actor-name";
    /** The resource a write created or changed, when not evident from the path (e.g. a new id). */
    public static final String TARGET = "hmbd.audit.target";

    private AuditAttributes() {
    }
}
