package org.hmbd.registry.standard.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.standard.Artifacts;
import org.springframework.web.multipart.MultipartFile;
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
    private final Artifacts artifacts;
    private final Accounts accounts;

    EditionPages(Standards standards, EditionWorkflow workflow, Comments comments, WorkingGroups groups,
                 Problems problems, Artifacts artifacts, Accounts accounts) {
        this.artifacts = artifacts;
        this.accounts = accounts;
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
        model.addAttribute("artifacts", artifacts.latest(viewer, id));
        boolean drafter = viewer != null && groups.drafts(e.workingGroupId(), viewer.id());
        model.addAttribute("uploads", drafter && status.equals("DRAFTING"));
        if (viewer != null && e.workingGroupId() != null) {
            model.addAttribute("group", groups.get(e.workingGroupId()));
            model.addAttribute("managesGroup", groups.manages(viewer, e.workingGroupId()));
        }
        return "standards/edition";
    }

    /** Without JavaScript: one file as a new revision of the artifact of its name (with JavaScript, PUT with progress). */
    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/artifacts")
    String upload(Actor actor, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String name, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            return show(actor, id, null, model, problems.text(Msg.of("page.artifacts.noFile")));
        }
        String artifact = Forms.blank(name) != null ? name.strip() : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            artifacts.upload(actor, id, artifact, file.getContentType(), in);
        } catch (DomainException e) {
            return show(actor, id, null, model, problems.text(e.detail()));
        }
        return "redirect:/editions/" + id + "#artifacts";
    }

    /**
     * An artifact's revisions with who uploaded each and when; two of them compared line by line
     * where both are text.
     */
    @Permits(Permission.PUBLIC)
    @GetMapping("/editions/{id}/artifacts/{name}")
    String artifact(Actor viewer, @PathVariable long id, @PathVariable String name,
                    @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                    Model model) {
        Edition e = standards.edition(viewer, id);
        List<Artifacts.Revision> revisions = artifacts.revisions(viewer, id, name);
        model.addAttribute("edition", e);
        model.addAttribute("name", name);
        model.addAttribute("revisions", revisions);
        int last = revisions.get(revisions.size() - 1).revision();
        int a = from != null ? from : Math.max(1, last - 1);
        int b = to != null ? to : last;
        model.addAttribute("from", a);
        model.addAttribute("to", b);
        if (revisions.size() > 1 || from != null || to != null) {
            Artifacts.Content left = artifacts.content(viewer, id, name, a);
            Artifacts.Content right = artifacts.content(viewer, id, name, b);
            model.addAttribute("diff", TextDiff.of(left.bytes(), right.bytes()));
        }
        return "standards/artifact";
    }

    /** Adds an account to the edition's working group by its user name, with a role; the lead or the standards administration. */
    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/members")
    String addMember(Actor actor, @PathVariable long id, @RequestParam(required = false) String username,
                     @RequestParam(required = false) String role, Model model) {
        Edition e = standards.edition(actor, id);
        try {
            Long userId = Forms.blank(username) == null ? null : accounts.activeAccountId(username.strip())
                    .orElseThrow(() -> DomainException.invalidField("username", "unknown-user", username.strip()));
            groups.addMember(actor, e.workingGroupId(), new WorkingGroups.MemberRequest(userId, role));
        } catch (DomainException x) {
            if (x.errorCode() == org.hmbd.registry.shared.ErrorCode.FORBIDDEN) {
                throw x;
            }
            return show(actor, id, null, model, problems.text(x.detail()));
        }
        return "redirect:/editions/" + id + "#group";
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/members/{userId}/removal")
    String removeMember(Actor actor, @PathVariable long id, @PathVariable long userId, Model model) {
        Edition e = standards.edition(actor, id);
        try {
            groups.removeMember(actor, e.workingGroupId(), userId);
        } catch (DomainException x) {
            if (x.errorCode() == org.hmbd.registry.shared.ErrorCode.FORBIDDEN) {
                throw x;
            }
            return show(actor, id, null, model, problems.text(x.detail()));
        }
        return "redirect:/editions/" + id + "#group";
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
