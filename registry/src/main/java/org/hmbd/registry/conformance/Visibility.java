package org.hmbd.registry.conformance;

import java.util.Map;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.ListQuery;
import org.springframework.stereotype.Component;

/**
 * Whose conformance data a viewer sees: the national administration everything; a supervisor the
 * organizations within its own organization's region (province: same first two digits of the
 * GB/T 2260 code, prefecture: four, county: all six; national: all); everyone else their own
 * organization only.
 */
@Component
class Visibility {

    private final Accounts accounts;

    Visibility(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * A viewer's scope as data: everything, or the organizations whose region code starts with
     * {@code regionPrefix}, plus the organization {@code organizationId}; nothing when neither is set.
     */
    record Scope(boolean all, String regionPrefix, Long organizationId) {

        static Scope organization(long id) {
            return new Scope(false, null, id);
        }

        /** Whether an organization in region {@code regionCode} is within the scope. */
        boolean includes(long organization, String regionCode) {
            return all || (organizationId != null && organizationId == organization)
                    || (regionPrefix != null && regionCode != null && regionCode.startsWith(regionPrefix));
        }

        /** Restricts a query to the scope, on the organization table under {@code alias}. */
        ListQuery restrict(ListQuery q, String alias) {
            if (all) {
                return q;
            }
            if (organizationId == null) {
                return q.and("false");
            }
            if (regionPrefix == null) {
                return q.and(alias + ".id = :scopeOrganization", organizationId);
            }
            return q.andAll("(" + alias + ".region_code like :scopeRegion or " + alias + ".id = :scopeOrganization)",
                    Map.of("scopeRegion", regionPrefix + "%", "scopeOrganization", organizationId));
        }
    }

    /** Every organization: the national view. */
    static final Scope ALL = new Scope(true, null, null);
    static final Scope NONE = new Scope(false, null, null);

    Scope scope(Actor viewer) {
        if (viewer.has(Role.NATIONAL_ADMIN)) {
            return ALL;
        }
        if (viewer.organizationId() == null) {
            return NONE;
        }
        if (viewer.has(Role.SUPERVISOR)) {
            Organization org = accounts.organization(viewer.organizationId());
            int prefix = switch (org.level()) {
                case NATIONAL -> 0;
                case PROVINCE -> 2;
                case PREFECTURE -> 4;
                case COUNTY, INSTITUTION -> 6;
            };
            if (prefix == 0) {
                return ALL;
            }
            return new Scope(false, org.regionCode().substring(0, prefix), viewer.organizationId());
        }
        return Scope.organization(viewer.organizationId());
    }
}
