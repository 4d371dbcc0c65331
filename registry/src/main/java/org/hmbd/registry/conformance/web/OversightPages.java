package org.hmbd.registry.conformance.web;

import jakarta.servlet.http.HttpServletRequest;
import org.hmbd.registry.audit.AuditLog;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.conformance.RegulatorPort;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Certificates and the regulator's view in the browser: the certificates the viewer may see (an
 * institution its own, a supervisor its region's), each verifiable and printable; and for a
 * supervisor (Art. 38) the institutions of its region with their runs and certificates in force,
 * each access recorded in the audit trail as a regulator read, like the regulator API's.
 */
@Page
@Controller
class OversightPages {

    static final int PAGE_SIZE = 20;
    private final Certificates certificates;
    private final RegulatorPort port;
    private final AuditLog audit;

    OversightPages(Certificates certificates, RegulatorPort port, AuditLog audit) {
        this.certificates = certificates;
        this.port = port;
        this.audit = audit;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/certificates")
    String certificates(Actor viewer, @RequestParam(required = false) Integer page, Model model) {
        PageResult<Certificates.Verification> list = certificates.list(viewer, null, null, PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", list);
        model.addAttribute("pages", Pager.of(list));
        return "conformance/certificates";
    }

    @Permits(Permission.REGULATOR_READ)
    @GetMapping("/regulator")
    String regulator(Actor viewer, @RequestParam(required = false) Integer page, HttpServletRequest request,
                     Model model) {
        PageResult<RegulatorPort.Institution> list = port.institutions(viewer, PageQuery.of(page, PAGE_SIZE));
        audit.record(new AuditLog.Who(viewer.username(), viewer.id(), viewer.realNameMasked(), viewer.organizationId()),
                "GET /regulator", request.getQueryString() == null ? request.getRequestURI()
                        : request.getRequestURI() + "?" + request.getQueryString(),
                "SUCCESS", 200, "regulator read", request.getRemoteAddr());
        model.addAttribute("result", list);
        model.addAttribute("pages", Pager.of(list));
        return "conformance/regulator";
    }
}
