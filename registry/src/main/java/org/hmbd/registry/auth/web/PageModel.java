package org.hmbd.registry.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Organization;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.web.Page;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page shows around its content: the signed-in account and its organization, and the
 * language switch (the same page in the other language).
 */
@ControllerAdvice(annotations = Page.class)
class PageModel {

    private final Accounts accounts;

    PageModel(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in account as the page header shows it; null when nobody is signed in. */
    record Viewer(String username, String displayName, String organization, boolean mustChangePassword,
                  boolean administersAccounts, boolean auditor, boolean systemAdmin, boolean supervisor) {
    }

    @ModelAttribute("viewer")
    Viewer viewer(Actor actor) {
        if (actor == null) {
            return null;
        }
        String org = null;
        if (actor.organizationId() != null) {
            Organization o = accounts.organization(actor.organizationId());
            org = english() && o.nameEn() != null && !o.nameEn().isBlank() ? o.nameEn() : o.nameZh();
        }
        return new Viewer(actor.username(), actor.displayName(), org, actor.mustChangePassword(),
                actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.SECURITY_ADMIN)
                        || actor.has(Role.ORG_ADMIN), actor.has(Role.AUDIT_ADMIN), actor.has(Role.SYSTEM_ADMIN),
                actor.has(Role.SUPERVISOR));
    }

    private static boolean english() {
        return LocaleContextHolder.getLocale().getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    /** This page in the other language. */
    @ModelAttribute("switchLanguage")
    String switchLanguage(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", english() ? "zh-CN" : "en")
                .build().toUriString().replaceFirst("^[a-z]+://[^/]+", "");
    }
}
