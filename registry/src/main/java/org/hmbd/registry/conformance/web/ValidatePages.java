package org.hmbd.registry.conformance.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.ConformanceProperties;
import org.hmbd.registry.conformance.FhirValidation;
import org.hmbd.registry.conformance.TestSuites;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Problems;
import org.hmbd.validator.report.ReportOperationOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * One resource (or Bundle) validated at once, in the browser: what FHIR's {@code $validate} does
 * for clients ({@link FhirValidation}: the same engine and findings as a run), for a person who
 * pastes or chooses a file. Nothing of the resource is stored; the form is audited like every form.
 */
@Page
@Controller
class ValidatePages {

    private final FhirValidation validation;
    private final TestSuites suites;
    private final Problems problems;
    private final long maxSize;

    ValidatePages(FhirValidation validation, TestSuites suites, Problems problems, ConformanceProperties props) {
        this.validation = validation;
        this.suites = suites;
        this.problems = problems;
        this.maxSize = props.maxValidateSize().toBytes();
    }

    /** One issue as the page lists it. */
    record Issue(String severity, String checkId, String location, String message) {
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/validate")
    String form(Model model) {
        model.addAttribute("editions", testable());
        return "conformance/validate";
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping("/conformance/validate")
    String validate(@RequestParam(required = false) Long editionId,
                    @RequestParam(required = false) String resource,
                    @RequestParam(required = false) MultipartFile file, Locale locale, Model model) {
        model.addAttribute("editions", testable());
        model.addAttribute("editionId", editionId);
        byte[] body;
        String name;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > maxSize) {
                return failed(model, Msg.of("page.validate.tooLarge", maxSize / 1048576));
            }
            try (InputStream in = file.getInputStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                return failed(model, Msg.of("page.run.uploadFailed"));
            }
            name = file.getOriginalFilename();
        } else if (resource != null && !resource.isBlank()) {
            body = resource.getBytes(StandardCharsets.UTF_8);
            if (body.length > maxSize) {
                return failed(model, Msg.of("page.validate.tooLarge", maxSize / 1048576));
            }
            model.addAttribute("resource", resource);
            name = null;
        } else {
            return failed(model, Msg.of("page.validate.nothing"));
        }
        OperationOutcome outcome;
        try {
            outcome = validation.validate(body, xml(body), editionId, null,
                    "en".equals(locale.getLanguage()) ? "en" : "zh");
        } catch (DomainException e) {
            return failed(model, e.detail());
        }
        List<Issue> issues = outcome.getIssue().stream()
                .filter(i -> i.getCode() != OperationOutcome.IssueType.INFORMATIONAL)
                .map(ValidatePages::issue).toList();
        model.addAttribute("fileName", name);
        model.addAttribute("issues", issues);
        model.addAttribute("errors", count(issues, "ERROR"));
        model.addAttribute("warnings", count(issues, "WARNING"));
        model.addAttribute("edition", editionId == null ? null
                : testable().stream().filter(s -> s.editionId() == editionId).findFirst().orElse(null));
        return "conformance/validate";
    }

    private static Issue issue(OperationOutcome.OperationOutcomeIssueComponent i) {
        String check = i.getDetails().getCoding().stream()
                .filter(c -> ReportOperationOutcome.CHECK_SYSTEM.equals(c.getSystem()))
                .map(c -> c.getCode()).findFirst().orElse(null);
        String location = i.getExpression().isEmpty() ? null : i.getExpression().get(0).getValue();
        String line = i.getLocation().isEmpty() ? null : i.getLocation().get(0).getValue();
        // one resource: its path says where; the line (of a file of several) only when there is no path
        String where = location != null ? location : line;
        String text = i.getDetails().hasText() ? i.getDetails().getText() : i.getDiagnostics();
        String severity = switch (i.getSeverity() == null ? OperationOutcome.IssueSeverity.INFORMATION : i.getSeverity()) {
            case FATAL, ERROR -> "ERROR";
            case WARNING -> "WARNING";
            default -> "INFORMATION";
        };
        return new Issue(severity, check, where, text);
    }

    private static long count(List<Issue> issues, String severity) {
        return issues.stream().filter(i -> i.severity().equals(severity)).count();
    }

    /** XML when the first character that is not white space (after a byte order mark) is {@code <}. */
    static boolean xml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 256), StandardCharsets.UTF_8);
        return head.replace("\uFEFF", "").stripLeading().startsWith("<");
    }

    private String failed(Model model, Msg why) {
        model.addAttribute("failure", problems.text(why));
        return "conformance/validate";
    }

    private List<TestSuites.SuiteView> testable() {
        return suites.ready();
    }
}
