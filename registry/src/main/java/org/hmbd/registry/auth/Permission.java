package org.hmbd.registry.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * What an operation needs (issue 13): one place that says, for every REST operation, which roles
 * may call it and how far from their organization they reach. Every handler declares one with
 * {@link Permits}; the server refuses to start with a handler that declares none. The role part
 * is decided before the handler runs ({@code PermissionInterceptor}, 403 {@code role}); the
 * reach is decided by the feature against the target's organization ({@link Authority}, the
 * conformance visibility), because only the feature knows the target.
 */
public enum Permission {
    /** Anyone, signed in or not (published standards, the catalog, certificate verification, sign-in). */
    PUBLIC(Reach.ANYONE),
    /** Any signed-in account; the feature decides on the object (its owner, its working group, its organization). */
    SIGNED_IN(Reach.OBJECT),
    /** Organizations: create under a parent one administers. */
    ORGANIZATIONS_MANAGE(Reach.SUBTREE, Role.SYSTEM_ADMIN, Role.ORG_ADMIN),
    /** Accounts: create, verify, lock, disable. */
    ACCOUNTS_MANAGE(Reach.SUBTREE, Role.SYSTEM_ADMIN, Role.ORG_ADMIN),
    /** Accounts: list. */
    ACCOUNTS_READ(Reach.SUBTREE, Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.ORG_ADMIN),
    /** Roles: grant and withdraw. */
    ROLES_GRANT(Reach.SUBTREE, Role.SECURITY_ADMIN, Role.ORG_ADMIN),
    /** Other accounts' personal access tokens: list and revoke. */
    TOKENS_MANAGE(Reach.SUBTREE, Role.SECURITY_ADMIN, Role.ORG_ADMIN),
    /** The security-event feed. */
    SECURITY_EVENTS_READ(Reach.ALL, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
    /** The audit trail: search, export, verify. */
    AUDIT_READ(Reach.SUBTREE, Role.AUDIT_ADMIN),
    /** The regulator port: institutions, runs, certificates, adoption, audit events of a region. */
    REGULATOR_READ(Reach.SUBTREE, Role.SUPERVISOR),
    /** The search index: state and rebuild. */
    SEARCH_INDEX_MANAGE(Reach.ALL, Role.SYSTEM_ADMIN),
    /** The category tree. */
    CATEGORIES_MANAGE(Reach.ALL, Role.STANDARDS_ADMIN),
    /** The annual work plan: accept or reject proposals. */
    WORK_PLAN_DECIDE(Reach.ALL, Role.STANDARDS_ADMIN),
    /** Effectiveness evaluations of an edition. */
    EVALUATE(Reach.ALL, Role.STANDARDS_ADMIN, Role.EXPERT),
    /** Conformance runs: create, upload, submit, cancel, re-run. */
    RUNS_SUBMIT(Reach.OWN, Role.SUBMITTER);

    /** How far from its organization an allowed role reaches. */
    public enum Reach {
        /** no account needed */
        ANYONE,
        /** decided on the object by the feature */
        OBJECT,
        /** every organization */
        ALL,
        /** the account's organization and those below it */
        SUBTREE,
        /** the account's own organization */
        OWN
    }

    private final Reach reach;
    private final Set<Role> roles;

    Permission(Reach reach, Role... roles) {
        this.reach = reach;
        this.roles = roles.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(roles[0], roles));
    }

    public Reach reach() {
        return reach;
    }

    /** The roles that may call the operation; empty when no role is needed. */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether an account with these roles passes the role part (the reach is the feature's to decide). */
    public boolean allows(Set<Role> held) {
        return roles.isEmpty() || held.stream().anyMatch(roles::contains);
    }
}
