package org.hmbd.registry.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.hmbd.registry.audit.AuditEvent;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.audit.AuditVerification;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for audit administrators, in their region (Art. 23): search by actor, action,
 * target, outcome and time, paged; export of the same search (CSV, JSON lines); the verification of
 * the hash chain on request. Each read is itself recorded.
 */
@Page
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    private final AuditLog audit;
    private final AuditReads reads;
    private final Problems problems;

    AuditPages(AuditLog audit, AuditReads reads, Problems problems) {
        this.audit = audit;
        this.reads = reads;
        this.problems = problems;
    }

    @Permits(Permission.AUDIT_READ)
    @GetMapping("/audit")
    String search(Actor actor, HttpServletRequest request, @RequestParam(required = false) String actorName,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String target,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) Instant from,
                  @RequestParam(required = false) Instant to, @RequestParam(required = false) Boolean verify,
                  @RequestParam(required = false) Integer page, Model model) {
        actor.require(Role.AUDIT_ADMIN);
        AuditLog.Filter filter = new AuditLog.Filter(Forms.blank(actorName), Forms.blank(action), Forms.blank(target), Forms.blank(outcome),
                from, to);
        String region = reads.region(actor);
        PageResult<AuditEvent> result = region == null ? audit.search(filter, PageQuery.of(page, PAGE_SIZE))
                : audit.searchRegion(region, filter, PageQuery.of(page, PAGE_SIZE));
        reads.record(actor, request, "GET /audit", result.total() + " matching");
        model.addAttribute("result", result);
        model.addAttribute("pages", Pager.of(result));
        model.addAttribute("filter", filter);
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        if (Boolean.TRUE.equals(verify)) {
            AuditVerification v = audit.verify();
            reads.record(actor, request, "GET /audit?verify", v.intact() ? "intact" : v.problem().kind().name());
            Msg summary = AuditReads.summary(v);
            model.addAttribute("verification", v);
            model.addAttribute("verificationSummary", problems.text(summary));
        }
        return "admin/audit";
    }

    /** For a supervisor (Art. 38): the audit events of its subtree's accounts, by action and outcome, paged. */
    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/regulator/audit")
    String regulator(Actor actor, HttpServletRequest request, @RequestParam(required = false) String action,
                     @RequestParam(required = false) String outcome, @RequestParam(required = false) Integer page,
                     Model model) {
        actor.require(Role.SUPERVISOR);
        AuditLog.Filter filter = new AuditLog.Filter(null, Forms.blank(action), null, Forms.blank(outcome), null, null);
        PageResult<AuditEvent> result = audit.searchRegion(reads.subtree(actor), filter, PageQuery.of(page, PAGE_SIZE));
        reads.record(actor, request, "GET /regulator/audit", result.total() + " matching");
        model.addAttribute("result", result);
        model.addAttribute("pages", Pager.of(result));
        model.addAttribute("filter", filter);
        return "conformance/regulator-audit";
    }
}
