package org.hmbd.registry.conformance;

import java.util.Map;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Authority;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.ListQuery;
import org.springframework.stereotype.Component;

/**
 * Whose conformance data a viewer sees: the national administration everything; a supervisor the
 * organizations of its own organization's subtree in the administrative tree (a supervisor at the
 * national root: all; at an institution: that institution); everyone else their own organization
 * only. (Before issue 13 the supervisor's reach was the region code's prefix, so a supervisor at any
 * institution saw its whole county, and one at any national-level body everything.)
 */
@Component
class Visibility {

    private final Accounts accounts;
    private final Authority authority;

    Visibility(Accounts accounts, Authority authority) {
        this.accounts = accounts;
        this.authority = authority;
    }

    /**
     * A viewer's scope as data: everything, or the organizations whose tree path starts with
     * {@code subtreePath}, plus the organization {@code organizationId}; nothing when neither is set.
     */
    record Scope(boolean all, String subtreePath, Long organizationId) {

        static Scope organization(long id) {
            return new Scope(false, null, id);
        }

        /** Restricts a query to the scope, on the organization table under {@code alias}. */
        ListQuery restrict(ListQuery q, String alias) {
            if (all) {
                return q;
            }
            if (organizationId == null) {
                return q.and("false");
            }
            if (subtreePath == null) {
                return q.and(alias + ".id = :scopeOrganization", organizationId);
            }
            return q.andAll("(" + alias + ".path like :scopePath or " + alias + ".id = :scopeOrganization)",
                    Map.of("scopePath", ListQuery.escapeLike(subtreePath) + "%", "scopeOrganization", organizationId));
        }
    }

    /**
     * Whether the viewer sees national aggregates (adoption and evaluation metrics over every
     * region) whatever its organization: the standards administration and its experts evaluate
     * the standards nationally (Art. 14). They see no single run unless another role lets them.
     */
    boolean nationalAggregates(Actor viewer) {
        return viewer.has(Role.STANDARDS_ADMIN) || viewer.has(Role.EXPERT) || scope(viewer).all();
    }

    /** Every organization: the national view. */
    static final Scope ALL = new Scope(true, null, null);
    static final Scope NONE = new Scope(false, null, null);

    Scope scope(Actor viewer) {
        if (viewer.organizationId() == null) {
            return NONE;
        }
        if (viewer.has(Role.SUPERVISOR)) {
            Organization org = accounts.organization(viewer.organizationId());
            if (org.parentId() == null) {
                return ALL; // the root of the tree
            }
            String path = authority.path(org.id()).orElse(null);
            return new Scope(false, path, viewer.organizationId());
        }
        return Scope.organization(viewer.organizationId());
    }
}
