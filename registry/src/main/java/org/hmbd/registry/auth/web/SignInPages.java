package org.hmbd.registry.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page (the form posts to Spring Security's {@code /login}; with OpenID Connect
 * configured, a link to the provider beside it) and the password change, required at the first
 * sign-in. A changed password ends every session of the account, this one included: the user signs
 * in again with it.
 */
@Page
@Controller
class SignInPages {

    private final Accounts accounts;
    private final Problems problems;
    private final boolean oidc;
    private final int minLength;

    SignInPages(Accounts accounts, Problems problems, ObjectProvider<ClientRegistrationRepository> oidc,
                org.hmbd.registry.auth.AuthProperties props) {
        this.accounts = accounts;
        this.minLength = props.minPasswordLength();
        this.problems = problems;
        this.oidc = oidc.getIfAvailable() != null;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/login")
    String signIn(Model model) {
        model.addAttribute("oidc", oidc);
        return "login";
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("minLength", minLength);
        return "account/password";
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/account/password")
    String changePassword(Actor actor, @RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String confirmPassword, HttpServletRequest request,
                          Model model) {
        model.addAttribute("minLength", minLength);
        if (newPassword == null || !newPassword.equals(confirmPassword)) {
            model.addAttribute("failure", problems.text(org.hmbd.registry.shared.Msg.of("page.password.mismatch")));
            return "account/password";
        }
        try {
            accounts.changePassword(actor, currentPassword, newPassword);
        } catch (DomainException e) {
            model.addAttribute("failure", problems.text(e.detail()));
            return "account/password";
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?changed";
    }
}
