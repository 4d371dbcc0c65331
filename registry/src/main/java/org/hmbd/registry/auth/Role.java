package org.hmbd.registry.auth;

/**
 * Global roles. Every account may propose and comment; working-group roles are per group.
 * <ul>
 *   <li>{@code NATIONAL_ADMIN}: the national administration: accounts, organizations, the category
 *       tree, the annual work plan (accepting or rejecting proposals), publication, abolition.</li>
 *   <li>{@code EXPERT}: member of the expert review committee: approves drafts or sends them back.</li>
 *   <li>{@code SUBMITTER}: tests its own organization's data against published editions (starts,
 *       cancels and re-runs conformance runs).</li>
 *   <li>{@code SUPERVISOR}: a health administration's supervisor: sees the conformance runs,
 *       certificates and adoption of the organizations in its own organization's region (all of
 *       them for the national level).</li>
 *   <li>{@code ORG_ADMIN}: an organization administrator: manages the accounts (creation, verification
 *       of registrations, locks) and the organizations of its own organization's subtree, and grants
 *       {@code ORG_ADMIN}, {@code SUBMITTER} and {@code SUPERVISOR} there.</li>
 *   <li>{@code AUDIT_ADMIN}: the audit administrator: reads, exports and verifies the audit trail,
 *       and nothing else. An account holding it holds no other role (separation of duties,
 *       GB/T 22239-2019 level 3): the administrators whose work is audited cannot read or verify it.</li>
 * </ul>
 * Every member of an organization sees its organization's runs and certificates.
 */
public enum Role {
    NATIONAL_ADMIN,
    EXPERT,
    SUBMITTER,
    SUPERVISOR,
    ORG_ADMIN,
    AUDIT_ADMIN;

    /**
     * Whether {@code roles} may be held by one account together: the audit administrator holds no
     * other role, and an organization administrator (who manages accounts) is no expert reviewer.
     */
    public static boolean compatible(java.util.Set<Role> roles) {
        if (roles.contains(AUDIT_ADMIN) && roles.size() > 1) {
            return false;
        }
        return !(roles.contains(ORG_ADMIN) && roles.contains(EXPERT));
    }
}
