package org.hmbd.registry.proposal.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.proposal.Proposal;
import org.hmbd.registry.proposal.Proposals;
import org.hmbd.registry.proposal.WorkPlan;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.shared.web.Problems;
import org.hmbd.registry.standard.Categories;
import org.hmbd.registry.standard.Category;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Proposals in the browser (Art. 8, 9): anyone signed in proposes; the standards administration
 * accepts a proposal into the annual work plan (lead organization, lead, due date) or rejects it with
 * its reason; the proposer withdraws it. The work plan by year, with what is overdue.
 */
@Page
@Controller
class ProposalPages {

    static final int PAGE_SIZE = 20;
    private final Proposals proposals;
    private final WorkPlan plan;
    private final Categories categories;
    private final Accounts accounts;
    private final Problems problems;
    private final org.hmbd.registry.standard.Standards standards;

    ProposalPages(Proposals proposals, WorkPlan plan, Categories categories, Accounts accounts, Problems problems,
                  org.hmbd.registry.standard.Standards standards) {
        this.standards = standards;
        this.proposals = proposals;
        this.plan = plan;
        this.categories = categories;
        this.accounts = accounts;
        this.problems = problems;
    }

    /** The form's fields, kept when the form comes back with a reason. */
    record ProposalForm(String kind, String titleZh, String titleEn, String category, String intendedLevel,
                        String scope, String rationale, String proposingOrganization, Long targetStandardId) {
        Proposals.ProposalRequest request() {
            return new Proposals.ProposalRequest(kind, titleZh, titleEn, category, intendedLevel, scope, rationale,
                    proposingOrganization, targetStandardId);
        }
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/proposals")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                Model model) {
        PageResult<Proposal> result = proposals.list(new Proposals.ProposalFilter(Forms.blank(status), null, null, null,
                null, null), PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", result);
        model.addAttribute("pages", Pager.of(result));
        model.addAttribute("status", status);
        return "proposals/list";
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/proposals/new")
    String form(Actor viewer, Model model) {
        return form(viewer, model, new ProposalForm("NEW", null, null, null, null, null, null, null, null), null);
    }

    private String form(Actor viewer, Model model, ProposalForm form, String failure) {
        model.addAttribute("form", form);
        model.addAttribute("standards", standards.list(viewer, new org.hmbd.registry.standard.Standards.StandardFilter(
                null, null, null, null, null), PageQuery.of(0, PageQuery.MAX_SIZE)).items());
        model.addAttribute("categories", flat(categories.tree()));
        model.addAttribute("failure", failure);
        return "proposals/new";
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/proposals")
    String submit(Actor actor, @ModelAttribute ProposalForm form, Model model) {
        try {
            Proposal p = proposals.submit(actor, form.request());
            return "redirect:/proposals/" + p.id();
        } catch (DomainException e) {
            return form(actor, model, form, problems.text(e.detail()));
        }
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/proposals/{id}")
    String proposal(Actor viewer, @PathVariable long id, Model model) {
        return show(viewer, id, model, null);
    }

    private String show(Actor viewer, long id, Model model, String failure) {
        Proposal p = proposals.get(id);
        List<?> allowed = p.allowedTransitions();
        List<String> moves = allowed.stream().map(String::valueOf).toList();
        model.addAttribute("proposal", p);
        model.addAttribute("history", proposals.history(id));
        model.addAttribute("canDecide", viewer.has(Role.STANDARDS_ADMIN) && moves.contains("ACCEPTED"));
        model.addAttribute("canWithdraw", viewer.id() == p.proposerId() && moves.contains("WITHDRAWN"));
        model.addAttribute("organizations", accounts.organizations(null, null, null, PageQuery.of(0, PageQuery.MAX_SIZE))
                .items());
        model.addAttribute("year", LocalDate.now().getYear());
        model.addAttribute("failure", failure);
        try {
            model.addAttribute("category", p.category() == null ? null : categories.get(p.category()));
        } catch (DomainException e) {
            model.addAttribute("category", null); // a code no longer in the tree: shown as it is
        }
        return "proposals/proposal";
    }

    @Permits(Permission.WORK_PLAN_DECIDE)
    @PostMapping("/proposals/{id}/accept")
    String accept(Actor actor, @PathVariable long id, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Long leadOrganizationId,
                  @RequestParam(required = false) String leadUsername,
                  @RequestParam(required = false) String workingGroupName,
                  @RequestParam(required = false) LocalDate dueDate, @RequestParam(required = false) String reason,
                  Model model) {
        try {
            Long lead = leadUsername == null || leadUsername.isBlank() ? null : accounts.activeAccountId(leadUsername)
                    .orElseThrow(() -> DomainException.invalidField("leadUsername", "unknown-user", leadUsername));
            proposals.accept(actor, id, new Proposals.AcceptRequest(year, leadOrganizationId, lead,
                    Forms.blank(workingGroupName), dueDate, Forms.blank(reason)));
        } catch (DomainException e) {
            return show(actor, id, model, problems.text(e.detail()));
        }
        return "redirect:/proposals/" + id;
    }

    @Permits(Permission.WORK_PLAN_DECIDE)
    @PostMapping("/proposals/{id}/reject")
    String reject(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        try {
            proposals.reject(actor, id, new Proposals.DecisionRequest(reason));
        } catch (DomainException e) {
            return show(actor, id, model, problems.text(e.detail()));
        }
        return "redirect:/proposals/" + id;
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason, Model model) {
        try {
            proposals.withdraw(actor, id, new Proposals.DecisionRequest(Forms.blank(reason)));
        } catch (DomainException e) {
            return show(actor, id, model, problems.text(e.detail()));
        }
        return "redirect:/proposals/" + id;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/work-plan")
    String workPlan(@RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean overdue,
                    @RequestParam(required = false) Integer page, Model model) {
        PageResult<WorkPlan.PlanItem> items = plan.items(year, overdue, PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", items);
        model.addAttribute("pages", Pager.of(items));
        model.addAttribute("year", year);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        return "proposals/work-plan";
    }



    /** The category tree in order, each with its depth, for a select. */
    record CategoryOption(String code, String nameZh, String nameEn, int depth) {
    }

    static List<CategoryOption> flat(List<Category> tree) {
        List<CategoryOption> out = new ArrayList<>();
        walk(tree, 0, out);
        return out;
    }

    private static void walk(List<Category> level, int depth, List<CategoryOption> out) {
        for (Category c : level) {
            out.add(new CategoryOption(c.code(), c.nameZh(), c.nameEn(), depth));
            if (c.children() != null) {
                walk(c.children(), depth + 1, out);
            }
        }
    }
}
