package org.hmbd.registry.auth.web;

import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Tokens;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What people do for themselves: register an account of their own (Art. 9: anyone may propose and
 * comment; it waits until an administrator verifies it), and manage their personal access tokens
 * for API clients (named, scoped, expiring; the secret shown once).
 */
@Page
@Controller
class SelfServicePages {

    static final List<String> SCOPES = List.of("READ", "SUBMIT", "ADMINISTER", "REGULATOR_READ");
    private final Accounts accounts;
    private final Tokens tokens;
    private final Problems problems;

    SelfServicePages(Accounts accounts, Tokens tokens, Problems problems) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.problems = problems;
    }

    /** What the registration form shows again after a refusal (never the password or the identity number). */
    record RegistrationForm(String username, String displayName, String email, Long organizationId, String realName,
                            String idKind) {
    }

    /** The form; {@code org} narrows the organizations offered to those whose name holds it (there are thousands). */
    @Permits(Permission.PUBLIC)
    @GetMapping("/register")
    String registration(@RequestParam(required = false) String org, Model model) {
        model.addAttribute("org", org);
        return registrationPage(model, new RegistrationForm(null, null, null, null, null, "RESIDENT_ID_CARD"), null,
                Forms.blank(org));
    }

    @Permits(Permission.PUBLIC)
    @PostMapping("/register")
    String register(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                    @RequestParam(required = false) String email, @RequestParam(required = false) Long organizationId,
                    @RequestParam(required = false) String password, @RequestParam(required = false) String confirmPassword,
                    @RequestParam(required = false) String realName, @RequestParam(required = false) String idKind,
                    @RequestParam(required = false) String idNumber, Model model) {
        RegistrationForm form = new RegistrationForm(username, displayName, email, organizationId, realName, idKind);
        if (password == null || !password.equals(confirmPassword)) {
            return registrationPage(model, form, problems.text(org.hmbd.registry.shared.Msg.of("page.password.mismatch")),
                    null);
        }
        try {
            accounts.register(new Accounts.NewRegistration(Forms.blank(username), Forms.blank(displayName),
                    Forms.blank(email), organizationId, password, Forms.blank(realName), Forms.blank(idKind),
                    Forms.blank(idNumber)));
        } catch (DomainException e) {
            return registrationPage(model, form, problems.text(e.detail()), null);
        }
        model.addAttribute("registered", username.strip());
        return "account/registered";
    }

    private String registrationPage(Model model, RegistrationForm form, String failure, String org) {
        var found = accounts.organizations(null, null, org, PageQuery.of(0, PageQuery.MAX_SIZE));
        List<Organization> organizations = new java.util.ArrayList<>(found.items());
        if (form.organizationId() != null && organizations.stream().noneMatch(o -> o.id() == form.organizationId())) {
            try {
                organizations.add(0, accounts.organization(form.organizationId())); // the one chosen stays offered
            } catch (DomainException e) {
                // an organization that does not exist: the refusal says so
            }
        }
        model.addAttribute("moreOrganizations", found.total() > organizations.size());
        model.addAttribute("organizations", organizations);
        model.addAttribute("idKinds", AccountPages.ID_KINDS);
        model.addAttribute("form", form);
        model.addAttribute("failure", failure);
        return "account/register";
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/account/tokens")
    String tokens(Actor actor, Model model) {
        return tokensPage(actor, model, null, null);
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/account/tokens")
    String createToken(Actor actor, @RequestParam(required = false) String name,
                       @RequestParam(required = false) List<String> scopes,
                       @RequestParam(required = false) Integer expiresInDays, Model model) {
        try {
            Tokens.CreatedToken created = tokens.createPersonal(actor, new Tokens.NewToken(Forms.blank(name), scopes,
                    expiresInDays));
            // shown this once, on this answer: never in an address, never stored in clear
            return tokensPage(actor, model, created, null);
        } catch (DomainException e) {
            return tokensPage(actor, model, null, problems.text(e.detail()));
        }
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/account/tokens/{tokenId}/revocation")
    String revoke(Actor actor, @PathVariable long tokenId) {
        tokens.revokePersonal(actor.id(), tokenId);
        return "redirect:/account/tokens";
    }

    private String tokensPage(Actor actor, Model model, Tokens.CreatedToken created, String failure) {
        model.addAttribute("tokens", tokens.personal(actor.id()));
        model.addAttribute("scopes", SCOPES);
        model.addAttribute("created", created);
        model.addAttribute("failure", failure);
        return "account/tokens";
    }
}
