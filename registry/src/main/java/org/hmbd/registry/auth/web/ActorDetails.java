package org.hmbd.registry.auth.web;

import java.util.Collection;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account as Spring Security sees it. */
record ActorDetails(Actor actor, String passwordHash) implements UserDetails {

    static List<GrantedAuthority> authorities(Actor actor) {
        return actor.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }
}
