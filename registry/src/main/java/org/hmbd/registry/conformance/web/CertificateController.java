package org.hmbd.registry.conformance.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.conformance.TestSuites;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Certificates (public verification by number) and the test suites available. */
@RestController
class CertificateController {

    private final Certificates certificates;
    private final TestSuites suites;

    CertificateController(Certificates certificates, TestSuites suites) {
        this.certificates = certificates;
        this.suites = suites;
    }

    /** Public: whether a certificate number is genuine and still valid. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/certificates/{number}")
    Certificates.PublicVerification verify(@PathVariable String number) {
        return certificates.verifyPublicly(number);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/api/v1/certificates")
    PageResult<Certificates.Verification> list(Actor viewer, @RequestParam(required = false) Long organizationId,
                                               @RequestParam(required = false) Long editionId,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return certificates.list(viewer, organizationId, editionId, PageQuery.of(page, size));
    }

    /** Public: the editions data can be tested against, and whether their suites are loaded. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/conformance/suites")
    List<TestSuites.SuiteView> suites() {
        return suites.list();
    }
}
