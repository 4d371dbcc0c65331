package org.hmbd.registry.auth;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hmbd.registry.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hierarchical authority over the organization tree (issue 13): a role reaches the subtree of the
 * organization its account belongs to, never beyond. The system and security administrators sit
 * at the root, so their subtree is every organization; an organization administrator
 * ({@link Role#ORG_ADMIN}) manages the accounts and organizations of its own subtree and grants the
 * organizations' roles there; an institution's members see only their institution. Subtrees are
 * materialized paths ({@code /1/5/23/}).
 */
@Component
public class Authority {

    /** The roles an organization administrator may grant within its subtree. */
    static final Set<Role> ORG_ADMIN_GRANTS = EnumSet.of(Role.ORG_ADMIN, Role.SUBMITTER, Role.SUPERVISOR);

    private final JdbcClient jdbc;

    Authority(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The organization's path from the root, e.g. {@code /1/5/23/}. */
    public Optional<String> path(long organizationId) {
        return jdbc.sql("select path from organization where id = ?").param(organizationId).query(String.class)
                .optional();
    }

    /** The subtree whose accounts and organizations an account administers: everything for the system administrator, its own for organization administrators. */
    public Optional<String> administeredPath(Actor actor) {
        return reach(actor, Role.SYSTEM_ADMIN);
    }

    /** The subtree in whose accounts an account grants roles: everything for the security administrator, its own for organization administrators. */
    public Optional<String> grantingPath(Actor actor) {
        return reach(actor, Role.SECURITY_ADMIN);
    }

    /** The whole tree for the national administrator of that duty, its own subtree for an organization administrator. */
    private Optional<String> reach(Actor actor, Role national) {
        if (actor == null || actor.organizationId() == null) {
            return Optional.empty();
        }
        if (actor.has(national)) {
            return Optional.of("/");
        }
        return actor.has(Role.ORG_ADMIN) ? path(actor.organizationId()) : Optional.empty();
    }

    /** Whether the account grants roles to the accounts of organization {@code organizationId}. */
    public boolean grantsIn(Actor actor, long organizationId) {
        return within(grantingPath(actor), organizationId);
    }

    private boolean within(Optional<String> mine, long organizationId) {
        Optional<String> theirs = path(organizationId);
        return mine.isPresent() && theirs.isPresent() && theirs.get().startsWith(mine.get());
    }

    /** Whether the account administers organization {@code organizationId}. */
    public boolean administers(Actor actor, long organizationId) {
        return within(administeredPath(actor), organizationId);
    }

    /** 403 {@code role} unless the account administers some subtree; 403 {@code outside-subtree} unless it holds this organization. */
    public void requireAdministers(Actor actor, long organizationId) {
        requireAdministrator(actor);
        if (!administers(actor, organizationId)) {
            throw DomainException.forbidden("outside-subtree");
        }
    }

    /** 403 unless the account is the system administrator or an organization administrator. */
    public static void requireAdministrator(Actor actor) {
        if (actor == null || !(actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.ORG_ADMIN))) {
            throw DomainException.forbidden("role", Role.SYSTEM_ADMIN + " / " + Role.ORG_ADMIN);
        }
    }

    /** The roles the account may grant and withdraw: all for the security administrator, {@link #ORG_ADMIN_GRANTS} for organization administrators, none otherwise. */
    public static Set<Role> grantable(Actor actor) {
        if (actor.has(Role.SECURITY_ADMIN)) {
            return EnumSet.allOf(Role.class);
        }
        return actor.has(Role.ORG_ADMIN) ? ORG_ADMIN_GRANTS : EnumSet.noneOf(Role.class);
    }
}
