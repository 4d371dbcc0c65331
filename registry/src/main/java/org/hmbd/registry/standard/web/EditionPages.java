package org.hmbd.registry.standard.web;

import java.time.LocalDate;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.shared.web.Problems;
import org.hmbd.registry.standard.Comments;
import org.hmbd.registry.standard.Edition;
import org.hmbd.registry.standard.EditionWorkflow;
import org.hmbd.registry.standard.Standards;
import org.hmbd.registry.standard.WorkingGroups;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An edition's page: its state and dates, the moves this account may make now (each a button, with
 * the reason, deadline or code the move needs), public comments with their dispositions, and the
 * history. Anonymous readers see published, superseded and abolished editions only.
 */
@Page
@Controller
class EditionPages {

    static final int COMMENTS_PAGE_SIZE = 20;
    private final Standards standards;
    private final EditionWorkflow workflow;
    private final Comments comments;
    private final WorkingGroups groups;
    private final Problems problems;

    EditionPages(Standards standards, EditionWorkflow workflow, Comments comments, WorkingGroups groups,
                 Problems problems) {
        this.standards = standards;
        this.workflow = workflow;
        this.comments = comments;
        this.groups = groups;
        this.problems = problems;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/editions/{id}")
    String edition(Actor viewer, @PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        return show(viewer, id, page, model, null);
    }

    private String show(Actor viewer, long id, Integer page, Model model, String failure) {
        Edition e = standards.edition(viewer, id);
        model.addAttribute("edition", e);
        model.addAttribute("standard", standards.get(viewer, e.standardId()));
        model.addAttribute("history", standards.history(viewer, id));
        model.addAttribute("moves", workflow.movesFor(viewer, id));
        String status = String.valueOf(e.status());
        boolean open = status.equals("PUBLIC_COMMENT");
        model.addAttribute("commentOpen", open && viewer != null);
        model.addAttribute("disposes", viewer != null && (open || status.equals("EXPERT_REVIEW"))
                && groups.drafts(e.workingGroupId(), viewer.id()));
        if (viewer != null && !e.status().isPublic() || open) {
            PageResult<Comments.Comment> list = comments.list(id, null, PageQuery.of(page, COMMENTS_PAGE_SIZE));
            model.addAttribute("comments", list);
            model.addAttribute("pages", Pager.of(list));
        }
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("failure", failure);
        return "standards/edition";
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/transitions")
    String move(Actor actor, @PathVariable long id, @RequestParam(required = false) String to,
                @RequestParam(required = false) String reason, @RequestParam(required = false) String code,
                @RequestParam(required = false) LocalDate effectiveDate,
                @RequestParam(required = false) LocalDate commentDeadline, Model model) {
        try {
            workflow.transition(actor, id, new EditionWorkflow.TransitionRequest(to, Forms.blank(reason), Forms.blank(code),
                    effectiveDate, commentDeadline));
        } catch (DomainException e) {
            return show(actor, id, null, model, problems.text(e.detail()));
        }
        return "redirect:/editions/" + id;
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/comments")
    String comment(Actor actor, @PathVariable long id, @RequestParam(required = false) String section,
                   @RequestParam(required = false) String text, Model model) {
        try {
            comments.comment(actor, id, new Comments.CommentRequest(Forms.blank(section), text));
        } catch (DomainException e) {
            return show(actor, id, null, model, problems.text(e.detail()));
        }
        return "redirect:/editions/" + id + "#comments";
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/comments/{commentId}/disposition")
    String dispose(Actor actor, @PathVariable long id, @PathVariable long commentId,
                   @RequestParam(required = false) String disposition, @RequestParam(required = false) String reason,
                   Model model) {
        try {
            comments.dispose(actor, id, commentId, new Comments.DispositionRequest(disposition, Forms.blank(reason)));
        } catch (DomainException e) {
            return show(actor, id, null, model, problems.text(e.detail()));
        }
        return "redirect:/editions/" + id + "#comments";
    }
}
