package org.hmbd.registry.conformance;

import java.util.ArrayList;
import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Role;
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

    /** A SQL condition on an organization alias {@code o} and its parameters. */
    record Scope(String condition, List<Object> params) {
    }

    /** Every organization: the national view. */
    static final Scope ALL = new Scope("true", List.of());

    Scope scope(Actor viewer) {
        if (viewer.has(Role.NATIONAL_ADMIN)) {
            return ALL;
        }
        if (viewer.organizationId() == null) {
            return new Scope("false", List.of());
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
            List<Object> p = new ArrayList<>();
            p.add(org.regionCode().substring(0, prefix) + "%");
            p.add(viewer.organizationId());
            return new Scope("(o.region_code like ? or o.id = ?)", p);
        }
        return new Scope("o.id = ?", List.of(viewer.organizationId()));
    }
}
