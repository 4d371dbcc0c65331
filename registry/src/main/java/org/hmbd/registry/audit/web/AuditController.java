package org.hmbd.registry.audit.web;

import java.time.Instant;
import org.hmbd.registry.audit.AuditEvent;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    /** The audit trail, newest first; national administrators only. */
    @GetMapping("/api/v1/audit-events")
    PageResult<AuditEvent> events(Actor actor,
                                  @RequestParam(required = false) String actorName,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) String outcome,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        actor.require(Role.NATIONAL_ADMIN);
        return audit.search(new AuditLog.Filter(actorName, action, target, outcome, from, to),
                PageQuery.of(page, size));
    }
}
