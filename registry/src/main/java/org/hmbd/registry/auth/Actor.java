package org.hmbd.registry.auth;

import java.util.Set;
import org.hmbd.registry.shared.DomainException;

/** The signed-in account making a request. */
public record Actor(long id, String username, String displayName, Long organizationId, Set<Role> roles,
                    boolean mustChangePassword, String realNameMasked) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The same account signed in at an OpenID provider: the local password's first change does not apply. */
    public Actor withoutPasswordChange() {
        return new Actor(id, username, displayName, organizationId, roles, false, realNameMasked);
    }

    /** Refuses with 403 {@code forbidden} unless the account holds the role. */
    public void require(Role role) {
        if (!has(role)) {
            throw DomainException.forbidden("role", role);
        }
    }
}
