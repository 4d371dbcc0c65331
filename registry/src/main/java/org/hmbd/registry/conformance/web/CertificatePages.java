package org.hmbd.registry.conformance.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Public verification of a certificate by its number (the QR code printed on a certificate opens this page). */
@Page
@Controller
class CertificatePages {

    private final Certificates certificates;

    CertificatePages(Certificates certificates) {
        this.certificates = certificates;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/certificates/verify")
    String verify(@RequestParam(required = false) String number, Model model) {
        model.addAttribute("number", number);
        if (number != null && !number.isBlank()) {
            try {
                model.addAttribute("certificate", certificates.verifyPublicly(number.trim()));
            } catch (DomainException e) {
                if (e.errorCode() != ErrorCode.NOT_FOUND && e.errorCode() != ErrorCode.VALIDATION_FAILED) {
                    throw e;
                }
                model.addAttribute("notGenuine", true);
            }
        }
        return "certificates/verify";
    }
}
