package org.hmbd.registry.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Global roles, each reaching the subtree of the organization its account belongs to
 * ({@link Policy}). Every account may propose and comment; working-group roles are per group.
 * <p>The three administrators of GB/T 22239-2019 level 3 are separate roles, each held alone, and
 * apart from the standards roles:
 * <ul>
 *   <li>{@code SYSTEM_ADMIN}: the system administrator: accounts (creation, verification of
 *       registrations, locks) and organizations of the whole tree, the search index. Grants no role.</li>
 *   <li>{@code SECURITY_ADMIN}: the security administrator: grants and withdraws roles, lists and
 *       revokes any account's tokens, follows the security events. Creates no account.</li>
 *   <li>{@code AUDIT_ADMIN}: the audit administrator: reads, exports and verifies the audit trail of
 *       its region, and nothing else.</li>
 * </ul>
 * The standards roles:
 * <ul>
 *   <li>{@code STANDARDS_ADMIN}: the national standards administration: the category tree, the annual
 *       work plan (accepting or rejecting proposals), working groups, publication, abolition,
 *       effectiveness evaluations.</li>
 *   <li>{@code EXPERT}: member of the expert review committee: approves drafts or sends them back.</li>
 * </ul>
 * The roles of organizations:
 * <ul>
 *   <li>{@code ORG_ADMIN}: an organization administrator: manages the accounts and organizations of
 *       its own organization's subtree and grants {@code ORG_ADMIN}, {@code SUBMITTER} and
 *       {@code SUPERVISOR} there (the delegated, local administration of an institution or a region).</li>
 *   <li>{@code SUBMITTER}: tests its own organization's data against published editions.</li>
 *   <li>{@code SUPERVISOR}: a health administration's supervisor: reads the conformance runs,
 *       certificates, adoption and audit events of its organization's subtree.</li>
 * </ul>
 * Every member of an organization sees its organization's runs and certificates.
 */
public enum Role {
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDIT_ADMIN,
    STANDARDS_ADMIN,
    EXPERT,
    ORG_ADMIN,
    SUBMITTER,
    SUPERVISOR;

    /** The three administrators: each held alone. */
    static final Set<Role> ADMINISTRATORS = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN);

    /** Roles held only by accounts of the root of the tree (the national commission): they act nationally. */
    static final Set<Role> NATIONAL = EnumSet.of(SYSTEM_ADMIN, SECURITY_ADMIN, STANDARDS_ADMIN);

    /**
     * Whether {@code roles} may be held by one account together: an administrator role is held alone,
     * and an organization administrator (who manages accounts) holds no standards role.
     */
    public static boolean compatible(Set<Role> roles) {
        for (Role r : ADMINISTRATORS) {
            if (roles.contains(r) && roles.size() > 1) {
                return false;
            }
        }
        return !(roles.contains(ORG_ADMIN) && (roles.contains(EXPERT) || roles.contains(STANDARDS_ADMIN)));
    }
}
