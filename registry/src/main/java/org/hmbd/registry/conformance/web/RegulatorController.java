package org.hmbd.registry.conformance.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletRequest;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.conformance.Adoption;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.conformance.RegulatorPort;
import org.hmbd.registry.conformance.Runs;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regulatory access port (Art. 38): read-only, for supervisors over their subtree; reached with a
 * sign-in or a {@code REGULATOR_READ} personal token. Every read is recorded in the audit trail.
 */
@RestController
@RequestMapping("/api/v1/regulator")
class RegulatorController {

    private final RegulatorPort port;
    private final Certificates certificates;
    private final Adoption adoption;
    private final AuditLog audit;

    RegulatorController(RegulatorPort port, Certificates certificates, Adoption adoption, AuditLog audit) {
        this.port = port;
        this.certificates = certificates;
        this.adoption = adoption;
        this.audit = audit;
    }

    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/institutions")
    PageResult<RegulatorPort.Institution> institutions(Actor viewer, HttpServletRequest request,
                                                        @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size) {
        PageResult<RegulatorPort.Institution> r = port.institutions(viewer, PageQuery.of(page, size));
        read(viewer, request);
        return r;
    }

    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/runs")
    PageResult<RegulatorPort.RunSummary> runs(Actor viewer, HttpServletRequest request,
                                              @RequestParam(required = false) Long editionId,
                                              @RequestParam(required = false) Long organizationId,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        PageResult<RegulatorPort.RunSummary> r = port.runs(viewer, new Runs.RunFilter(editionId, organizationId, status),
                PageQuery.of(page, size));
        read(viewer, request);
        return r;
    }

    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/certificates")
    PageResult<Certificates.Verification> certificates(Actor viewer, HttpServletRequest request,
                                                       @RequestParam(required = false) Long organizationId,
                                                       @RequestParam(required = false) Long editionId,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        viewer.require(org.hmbd.registry.auth.Role.SUPERVISOR);
        PageResult<Certificates.Verification> r = certificates.list(viewer, organizationId, editionId,
                PageQuery.of(page, size));
        read(viewer, request);
        return r;
    }

    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/editions/{id}/adoption")
    Adoption.EditionAdoption adoption(Actor viewer, HttpServletRequest request, @PathVariable long id,
                                      @RequestParam(required = false) String groupBy) {
        viewer.require(org.hmbd.registry.auth.Role.SUPERVISOR);
        Adoption.EditionAdoption r = adoption.edition(viewer, id, groupBy);
        read(viewer, request);
        return r;
    }

    private void read(Actor viewer, HttpServletRequest request) {
        audit.record(new AuditLog.Who(viewer.username(), viewer.id(), viewer.realNameMasked(), viewer.organizationId()),
                "GET " + request.getRequestURI(), request.getQueryString() == null
                        ? request.getRequestURI() : request.getRequestURI() + "?" + request.getQueryString(),
                "SUCCESS", 200, "regulator read", request.getRemoteAddr());
    }
}
