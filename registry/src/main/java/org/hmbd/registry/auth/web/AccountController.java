package org.hmbd.registry.auth.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import java.net.URI;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @Permits(Permission.ORGANIZATIONS_MANAGE)
    @PostMapping("/organizations")
    ResponseEntity<Organization> createOrganization(Actor actor, @RequestBody Accounts.NewOrganization req) {
        Organization org = accounts.createOrganization(actor, req);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + org.id())).body(org);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/organizations")
    PageResult<Organization> organizations(@RequestParam(required = false) String level,
                                           @RequestParam(required = false) String region,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return accounts.organizations(level, region, q, PageQuery.of(page, size));
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/organizations/{id}")
    Organization organization(@PathVariable long id) {
        return accounts.organization(id);
    }

    @Permits(Permission.ACCOUNTS_MANAGE)
    @PostMapping("/users")
    ResponseEntity<Accounts.CreatedUser> createUser(Actor actor, @RequestBody Accounts.NewUser req) {
        Accounts.CreatedUser created = accounts.createUser(actor, req);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id())).body(created);
    }

    @Permits(Permission.ACCOUNTS_READ)
    @GetMapping("/users")
    PageResult<Accounts.UserView> users(Actor actor, @RequestParam(required = false) Long organizationId,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return accounts.users(actor, organizationId, PageQuery.of(page, size));
    }

    /** Public: anyone registers an account of their own, pending until an administrator verifies it. */
    @Permits(Permission.PUBLIC)
    @PostMapping("/registrations")
    ResponseEntity<Accounts.UserView> register(@RequestBody Accounts.NewRegistration req) {
        Accounts.UserView created = accounts.register(req);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    /** Verifies a registration, locks, unlocks, disables or re-enables an account; its history records who and why. */
    @Permits(Permission.ACCOUNTS_MANAGE)
    @PostMapping("/users/{id}/transitions")
    Accounts.UserView changeStatus(Actor actor, @PathVariable long id, @RequestBody Accounts.StatusChange req) {
        return accounts.changeStatus(actor, id, req);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/users/{id}/history")
    java.util.List<Accounts.AccountTransition> history(Actor actor, @PathVariable long id) {
        return accounts.history(actor, id);
    }

    /** Sets the roles an account holds (security administrator; organization administrators for their subtree's roles); a reason is required. */
    @Permits(Permission.ROLES_GRANT)
    @org.springframework.web.bind.annotation.PutMapping("/users/{id}/roles")
    Accounts.UserView setRoles(Actor actor, @PathVariable long id, @RequestBody Accounts.RoleChange req) {
        return accounts.setRoles(actor, id, req);
    }

    /** Every grant and withdrawal of the account's roles: who, when, why. */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/users/{id}/role-history")
    java.util.List<Accounts.RoleChangeEntry> roleHistory(Actor actor, @PathVariable long id) {
        return accounts.roleHistory(actor, id);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/users/{id}")
    Accounts.UserView user(Actor actor, @PathVariable long id) {
        return accounts.user(actor, id);
    }
}
