package org.hmbd.registry.audit.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.hmbd.registry.audit.AuditEvent;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.audit.AuditVerification;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The audit trail, for audit administrators only (role {@code AUDIT_ADMIN}, held alone). Every read
 * of it is itself recorded.
 */
@RestController
class AuditController {

    private final AuditLog audit;
    private final Problems problems;
    private final LocaleResolver locales;
    private final org.hmbd.registry.auth.Authority authority;
    private final org.springframework.context.ApplicationEventPublisher monitor;
    private final AuditReads reads;

    AuditController(AuditLog audit, Problems problems, LocaleResolver locales,
                    org.hmbd.registry.auth.Authority authority,
                    org.springframework.context.ApplicationEventPublisher monitor, AuditReads reads) {
        this.monitor = monitor;
        this.reads = reads;
        this.audit = audit;
        this.problems = problems;
        this.locales = locales;
        this.authority = authority;
    }

    /**
     * The regulator port's audit events (Art. 38): what the accounts of the supervisor's subtree did,
     * newest first; for supervisors only.
     */
    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/api/v1/regulator/audit-events")
    PageResult<AuditEvent> regionEvents(Actor actor, HttpServletRequest request,
                                        @RequestParam(required = false) String action,
                                        @RequestParam(required = false) String outcome,
                                        @RequestParam(required = false) Instant from,
                                        @RequestParam(required = false) Instant to,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        actor.require(Role.SUPERVISOR);
        String path = actor.organizationId() == null ? null : authority.path(actor.organizationId()).orElse(null);
        if (path == null) {
            throw DomainException.forbidden("no-organization");
        }
        PageResult<AuditEvent> result = audit.searchRegion(path, new AuditLog.Filter(null, action, null, outcome, from,
                to), PageQuery.of(page, size));
        read(actor, request, "GET /api/v1/regulator/audit-events", result.total() + " matching");
        return result;
    }

    /** The audit trail, newest first. */
    @Permits(Permission.AUDIT_READ)
    @GetMapping("/api/v1/audit-events")
    PageResult<AuditEvent> events(Actor actor, HttpServletRequest request,
                                  @RequestParam(required = false) String actorName,
                                  @RequestParam(required = false) String action,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) String outcome,
                                  @RequestParam(required = false) Instant from,
                                  @RequestParam(required = false) Instant to,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        actor.require(Role.AUDIT_ADMIN);
        AuditLog.Filter filter = new AuditLog.Filter(actorName, action, target, outcome, from, to);
        String region = region(actor);
        PageResult<AuditEvent> result = region == null ? audit.search(filter, PageQuery.of(page, size))
                : audit.searchRegion(region, filter, PageQuery.of(page, size));
        read(actor, request, "GET /api/v1/audit-events", result.total() + " matching");
        return result;
    }

    /**
     * The matching records, oldest first, as CSV (UTF-8 with BOM, for spreadsheets) or JSON lines;
     * streamed, all of them.
     */
    @Permits(Permission.AUDIT_READ)
    @GetMapping("/api/v1/audit-events/export")
    void export(Actor actor, HttpServletRequest request, HttpServletResponse response,
                @RequestParam(required = false) String format,
                @RequestParam(required = false) String actorName,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String target,
                @RequestParam(required = false) String outcome,
                @RequestParam(required = false) Instant from,
                @RequestParam(required = false) Instant to) throws IOException {
        actor.require(Role.AUDIT_ADMIN);
        boolean csv = format == null || format.equals("csv");
        if (!csv && !format.equals("ndjson")) {
            throw DomainException.invalidField("format", "one-of", "csv, ndjson");
        }
        read(actor, request, "GET /api/v1/audit-events/export", "format " + (csv ? "csv" : "ndjson"));
        monitor.publishEvent(new org.hmbd.registry.shared.SecurityEvent(org.hmbd.registry.shared.SecurityEvent.Kind.DOWNLOAD,
                actor.username(), actor.organizationId(), "audit-events/export", request.getRemoteAddr()));
        response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-events." + (csv ? "csv" : "ndjson") + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        audit.export(region(actor), new AuditLog.Filter(actorName, action, target, outcome, from, to), csv, out);
        out.flush();
    }

    record VerificationView(boolean intact, long checked, long end, long anchor, long outsideChain,
                            AuditVerification.Problem problem, String summary) {
    }

    /** Security warnings (Art. 25), newest first: brute force, probing outside one's scope, bulk downloads, a broken chain, runs stopped by limits. */
    @Permits(Permission.SECURITY_EVENTS_READ)
    @GetMapping("/api/v1/security-events")
    PageResult<AuditEvent> securityEvents(Actor actor, HttpServletRequest request,
                                          @RequestParam(required = false) String kind,
                                          @RequestParam(required = false) Instant from,
                                          @RequestParam(required = false) Instant to,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        if (!actor.has(Role.SECURITY_ADMIN)) {
            actor.require(Role.AUDIT_ADMIN); // the security administrator follows them; the auditor reads them too
        }
        PageResult<AuditEvent> result = audit.securityEvents(kind, from, to, PageQuery.of(page, size));
        read(actor, request, "GET /api/v1/security-events", result.total() + " matching");
        return result;
    }

    /** Walks the hash chain and reports the first altered, deleted, inserted, reordered or cut position. */
    @Permits(Permission.AUDIT_READ)
    @GetMapping("/api/v1/audit-events/verification")
    VerificationView verification(Actor actor, HttpServletRequest request) {
        actor.require(Role.AUDIT_ADMIN);
        AuditVerification v = audit.verify();
        read(actor, request, "GET /api/v1/audit-events/verification", v.intact() ? "intact" : v.problem().kind().name());
        Msg summary = AuditReads.summary(v);
        return new VerificationView(v.intact(), v.checked(), v.end(), v.anchor(), v.outsideChain(), v.problem(),
                problems.resolve(summary, locales.resolveLocale(request)));
    }

    private String region(Actor actor) {
        return reads.region(actor);
    }

    private void read(Actor actor, HttpServletRequest request, String action, String detail) {
        reads.record(actor, request, action, detail);
    }
}
