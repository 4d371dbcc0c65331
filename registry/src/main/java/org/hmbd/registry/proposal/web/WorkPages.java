package org.hmbd.registry.proposal.web;

import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.proposal.Proposals;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.standard.Standards;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "My work": what waits for the signed-in account: its proposals, the drafts its working groups
 * work on, the comment periods open, and the reviews and decisions its roles make (experts: the
 * editions in review; the standards administration: the approved editions to publish and the
 * proposals to decide).
 */
@Page
@Controller
class WorkPages {

    static final int SHOWN = 50;
    private final Proposals proposals;
    private final Standards standards;

    WorkPages(Proposals proposals, Standards standards) {
        this.proposals = proposals;
        this.standards = standards;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/my-work")
    String work(Actor viewer, Model model) {
        model.addAttribute("proposals", proposals.byProposer(viewer.id(), PageQuery.of(0, SHOWN)).items());
        model.addAttribute("drafts", standards.inProgressWithMember(viewer.id()));
        model.addAttribute("commentOpen", editions(viewer, "PUBLIC_COMMENT"));
        model.addAttribute("reviews", viewer.has(Role.EXPERT) ? editions(viewer, "EXPERT_REVIEW") : java.util.List.of());
        boolean admin = viewer.has(Role.STANDARDS_ADMIN);
        model.addAttribute("toPublish", admin ? editions(viewer, "APPROVED") : java.util.List.of());
        model.addAttribute("toDecide", admin ? proposals.list(new Proposals.ProposalFilter("SUBMITTED", null, null, null,
                null, null), PageQuery.of(0, SHOWN)).items() : java.util.List.of());
        return "my-work";
    }

    private java.util.List<org.hmbd.registry.standard.Edition> editions(Actor viewer, String status) {
        return standards.editions(viewer, new Standards.EditionFilter(null, status, null), PageQuery.of(0, SHOWN))
                .items();
    }
}
