package org.hmbd.registry.auth.web;

import java.util.ArrayList;
import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Authority;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Organizations and accounts in the browser, as the security model defines (ADR 0014): the system
 * administrator and organization administrators create organizations and accounts in their
 * subtree and verify, lock, unlock or disable accounts; the security administrator and organization
 * administrators grant roles with a reason. Identities are shown masked; a generated one-time
 * password is shown once, on the page answering the creation.
 */
@Page
@Controller
class AccountPages {

    static final int PAGE_SIZE = 20;
    /** The identity documents an account may be bound to ({@code auth.IdentityDocument}). */
    static final List<String> ID_KINDS = List.of("RESIDENT_ID_CARD", "PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT",
            "FOREIGN_PERMANENT_RESIDENT");
    private final Accounts accounts;
    private final Problems problems;
    private final org.hmbd.registry.auth.Tokens tokens;

    AccountPages(Accounts accounts, Problems problems, org.hmbd.registry.auth.Tokens tokens) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Permits(Permission.ACCOUNTS_READ)
    @GetMapping("/admin/users")
    String users(Actor actor, @RequestParam(required = false) Long organizationId,
                 @RequestParam(required = false) Integer page, Model model) {
        PageResult<Accounts.UserView> result = accounts.users(actor, organizationId, PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("pages", Pager.of(result));
        model.addAttribute("organizationId", organizationId);
        model.addAttribute("organizations", organizations());
        model.addAttribute("creates", actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.ORG_ADMIN));
        return "admin/users";
    }

    /** The fields of a new account, kept when the form comes back. */
    record UserForm(String username, String displayName, String email, Long organizationId, String realName,
                    String idKind, String idNumber) {
    }

    @Permits(Permission.ACCOUNTS_MANAGE)
    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return userForm(model, new UserForm(null, null, null, null, null, "RESIDENT_ID_CARD", null), null);
    }

    private String userForm(Model model, UserForm form, String failure) {
        model.addAttribute("form", form);
        model.addAttribute("organizations", organizations());
        model.addAttribute("idKinds", ID_KINDS);
        model.addAttribute("failure", failure);
        return "admin/new-user";
    }

    @Permits(Permission.ACCOUNTS_MANAGE)
    @PostMapping("/admin/users")
    String createUser(Actor actor, @ModelAttribute UserForm form, Model model) {
        Accounts.CreatedUser created;
        try {
            created = accounts.createUser(actor, new Accounts.NewUser(form.username(), form.displayName(),
                    Forms.blank(form.email()), form.organizationId(), List.of(), null, form.realName(), form.idKind(),
                    form.idNumber()));
        } catch (DomainException e) {
            return userForm(model, form, problems.text(e.detail()));
        }
        // shown once, in this answer only (no redirect: the password is never in an address)
        model.addAttribute("oneTimePassword", created.oneTimePassword());
        return user(actor, created.user().id(), model, null);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/admin/users/{id}")
    String user(Actor actor, @PathVariable long id, Model model) {
        return user(actor, id, model, null);
    }

    private String user(Actor actor, long id, Model model, String failure) {
        Accounts.UserView u = accounts.user(actor, id);
        model.addAttribute("user", u);
        model.addAttribute("organization", u.organizationId() == null ? null : accounts.organization(u.organizationId()));
        model.addAttribute("history", accounts.history(actor, id));
        model.addAttribute("roleHistory", accounts.roleHistory(actor, id));
        boolean manages = actor.id() != id && (actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.ORG_ADMIN));
        List<?> allowed = u.allowedTransitions();
        model.addAttribute("moves", manages ? allowed.stream().map(String::valueOf).toList() : List.of());
        boolean grants = actor.id() != id && !Authority.grantable(actor).isEmpty();
        model.addAttribute("grantable", grants ? new ArrayList<>(Authority.grantable(actor)) : List.of());
        model.addAttribute("allRoles", List.of(Role.values()));
        model.addAttribute("failure", failure);
        model.addAttribute("tokens", actor.id() != id && managesTokens(actor, id) ? tokens.personal(id) : null);
        return "admin/user";
    }

    /** The security administrator, and an organization administrator above the account, see and revoke its tokens. */
    private boolean managesTokens(Actor actor, long id) {
        try {
            accounts.requireTokenManager(actor, id);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    @Permits(Permission.TOKENS_MANAGE)
    @PostMapping("/admin/users/{id}/tokens/{tokenId}/revocation")
    String revokeToken(Actor actor, @PathVariable long id, @PathVariable long tokenId) {
        accounts.requireTokenManager(actor, id);
        tokens.revokePersonal(id, tokenId);
        return "redirect:/admin/users/" + id + "#tokens";
    }

    @Permits(Permission.ACCOUNTS_MANAGE)
    @PostMapping("/admin/users/{id}/transitions")
    String move(Actor actor, @PathVariable long id, @RequestParam(required = false) String to,
                @RequestParam(required = false) String reason, Model model) {
        try {
            accounts.changeStatus(actor, id, new Accounts.StatusChange(to, Forms.blank(reason)));
        } catch (DomainException e) {
            return user(actor, id, model, problems.text(e.detail()));
        }
        return "redirect:/admin/users/" + id;
    }

    @Permits(Permission.ROLES_GRANT)
    @PostMapping("/admin/users/{id}/roles")
    String roles(Actor actor, @PathVariable long id, @RequestParam(required = false) List<String> roles,
                 @RequestParam(required = false) String reason, Model model) {
        try {
            accounts.setRoles(actor, id, new Accounts.RoleChange(roles == null ? List.of() : roles, reason));
        } catch (DomainException e) {
            return user(actor, id, model, problems.text(e.detail()));
        }
        return "redirect:/admin/users/" + id;
    }

    /** The fields of a new organization, kept when the form comes back. */
    record OrganizationForm(String nameZh, String nameEn, String kind, String level, String regionCode, String grade,
                            Long parentId) {
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/admin/organizations")
    String organizations(Actor actor, @RequestParam(required = false) String q,
                         @RequestParam(required = false) Integer page, Model model) {
        return organizationsPage(actor, q, page, model, new OrganizationForm(null, null, "HEALTHCARE_INSTITUTION",
                "INSTITUTION", null, null, null), null);
    }

    private String organizationsPage(Actor actor, String q, Integer page, Model model, OrganizationForm form,
                                     String failure) {
        PageResult<Organization> result = accounts.organizations(null, null, Forms.blank(q), PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("pages", Pager.of(result));
        model.addAttribute("q", q);
        model.addAttribute("creates", actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.ORG_ADMIN));
        model.addAttribute("parents", organizations());
        model.addAttribute("form", form);
        model.addAttribute("failure", failure);
        return "admin/organizations";
    }

    @Permits(Permission.ORGANIZATIONS_MANAGE)
    @PostMapping("/admin/organizations")
    String createOrganization(Actor actor, @ModelAttribute OrganizationForm form, Model model) {
        try {
            accounts.createOrganization(actor, new Accounts.NewOrganization(form.nameZh(), Forms.blank(form.nameEn()),
                    form.kind(), form.level(), form.regionCode(), Forms.blank(form.grade()), form.parentId()));
        } catch (DomainException e) {
            return organizationsPage(actor, null, null, model, form, problems.text(e.detail()));
        }
        return "redirect:/admin/organizations";
    }

    private List<Organization> organizations() {
        return accounts.organizations(null, null, null, PageQuery.of(0, PageQuery.MAX_SIZE)).items();
    }



}
