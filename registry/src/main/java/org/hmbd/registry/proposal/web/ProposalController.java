package org.hmbd.registry.proposal.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import java.net.URI;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.proposal.Proposal;
import org.hmbd.registry.proposal.Proposals;
import org.hmbd.registry.proposal.WorkPlan;
import org.hmbd.registry.shared.HistoryEntry;
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
class ProposalController {

    private final Proposals proposals;
    private final WorkPlan plan;

    ProposalController(Proposals proposals, WorkPlan plan) {
        this.proposals = proposals;
        this.plan = plan;
    }

    /** Any account holder proposes a new standard, a revision or an abolition. */
    @Permits(Permission.SIGNED_IN)
    @PostMapping("/proposals")
    ResponseEntity<Proposal> submit(Actor actor, @RequestBody Proposals.ProposalRequest req) {
        Proposal p = proposals.submit(actor, req);
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.id())).body(p);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/proposals")
    PageResult<Proposal> list(@RequestParam(required = false) String status,
                              @RequestParam(required = false) String kind,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) String level,
                              @RequestParam(required = false) Integer year,
                              @RequestParam(required = false) String q,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size) {
        return proposals.list(new Proposals.ProposalFilter(status, kind, category, level, year, q),
                PageQuery.of(page, size));
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/proposals/{id}")
    Proposal get(@PathVariable long id) {
        return proposals.get(id);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/proposals/{id}/history")
    List<HistoryEntry> history(@PathVariable long id) {
        return proposals.history(id);
    }

    @Permits(Permission.WORK_PLAN_DECIDE)
    @PostMapping("/proposals/{id}/accept")
    Proposal accept(Actor actor, @PathVariable long id, @RequestBody Proposals.AcceptRequest req) {
        return proposals.accept(actor, id, req);
    }

    @Permits(Permission.WORK_PLAN_DECIDE)
    @PostMapping("/proposals/{id}/reject")
    Proposal reject(Actor actor, @PathVariable long id, @RequestBody Proposals.DecisionRequest req) {
        return proposals.reject(actor, id, req);
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/proposals/{id}/withdraw")
    Proposal withdraw(Actor actor, @PathVariable long id,
                      @RequestBody(required = false) Proposals.DecisionRequest req) {
        return proposals.withdraw(actor, id, req == null ? new Proposals.DecisionRequest(null) : req);
    }

    /** The annual work plan; {@code overdue=true} lists what is late. */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/work-plan")
    PageResult<WorkPlan.PlanItem> workPlan(@RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        return plan.items(year, overdue, PageQuery.of(page, size));
    }
}
