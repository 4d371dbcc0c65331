package org.hmbd.registry.conformance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.Certificates;
import org.hmbd.registry.conformance.RunReports;
import org.hmbd.registry.conformance.Runs;
import org.hmbd.registry.conformance.TestSuites;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.SecurityEvent;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.shared.web.PdfDocuments;
import org.hmbd.registry.shared.web.Problems;
import org.hmbd.registry.shared.web.WebProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The institutions' pages of conformance testing: their runs, a new run (several files, then
 * submit; with JavaScript each file is uploaded with a progress bar through the API, without it one
 * form posts them all), a run's live progress and its report: score, level, dimensions, the checks
 * that failed most, the findings filtered and paged, downloads, the comparison with the previous
 * run, the history.
 */
@Page
@Controller
class RunPages {

    static final int PAGE_SIZE = 20;
    static final int FINDINGS_PAGE_SIZE = 50;
    static final int PDF_FINDINGS = 200;
    private final Runs runs;
    private final RunReports reports;
    private final TestSuites suites;
    private final Problems problems;
    private final Certificates certificates;
    private final PdfDocuments pdf;
    private final WebProperties web;
    private final ApplicationEventPublisher events;

    RunPages(Runs runs, RunReports reports, TestSuites suites, Problems problems, Certificates certificates,
             PdfDocuments pdf, WebProperties web, ApplicationEventPublisher events) {
        this.runs = runs;
        this.reports = reports;
        this.suites = suites;
        this.problems = problems;
        this.certificates = certificates;
        this.pdf = pdf;
        this.web = web;
        this.events = events;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance")
    String list(Actor viewer, @RequestParam(required = false) Integer page, Model model) {
        PageResult<Runs.RunView> result = runs.list(viewer, new Runs.RunFilter(null, null, null),
                PageQuery.of(page, PAGE_SIZE));
        model.addAttribute("result", result.map(RunLine::of));
        model.addAttribute("pages", Pager.of(result));
        model.addAttribute("submitter", viewer.has(org.hmbd.registry.auth.Role.SUBMITTER));
        return "conformance/list";
    }

    @Permits(Permission.RUNS_SUBMIT)
    @GetMapping("/conformance/new")
    String newRun(Model model) {
        model.addAttribute("editions", testable());
        return "conformance/new";
    }

    /** Without JavaScript: the files of one form, then the run is submitted. */
    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping("/conformance/runs")
    String create(Actor actor, @RequestParam(required = false) Long editionId,
                  @RequestParam(required = false) List<MultipartFile> files, Model model) {
        List<MultipartFile> given = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.isEmpty()) {
            return again(model, problems.text(org.hmbd.registry.shared.Msg.of("page.run.noFiles")));
        }
        Runs.RunView run;
        try {
            run = runs.create(actor, editionId);
        } catch (DomainException e) {
            return again(model, problems.text(e.detail()));
        }
        try {
            for (MultipartFile f : given) {
                try (InputStream in = f.getInputStream()) {
                    runs.upload(actor, run.id(), f.getOriginalFilename(), f.getContentType(), f.getSize(), in);
                }
            }
            runs.submit(actor, run.id());
        } catch (DomainException | IOException e) {
            runs.cancel(actor, run.id(), "upload failed");
            String why = e instanceof DomainException d ? problems.text(d.detail())
                    : problems.text(org.hmbd.registry.shared.Msg.of("page.run.uploadFailed"));
            return again(model, why);
        }
        return "redirect:/conformance/runs/" + run.id();
    }

    private String again(Model model, String failure) {
        model.addAttribute("editions", testable());
        model.addAttribute("failure", failure);
        return "conformance/new";
    }

    private List<TestSuites.SuiteView> testable() {
        return suites.ready();
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/runs/{id}")
    String run(Actor viewer, @PathVariable long id, @RequestParam(required = false) String checkId,
               @RequestParam(required = false) String severity, @RequestParam(required = false) String dimension,
               @RequestParam(required = false) String resourceType, @RequestParam(required = false) Integer page,
               Model model) {
        RunLine line = report(viewer, id, new RunReports.FindingFilter(Forms.blank(checkId), Forms.blank(severity),
                Forms.blank(dimension), Forms.blank(resourceType)), PageQuery.of(page, FINDINGS_PAGE_SIZE), model);
        model.addAttribute("history", runs.history(viewer, id));
        model.addAttribute("filter", new RunReports.FindingFilter(checkId, severity, dimension, resourceType));
        model.addAttribute("ownSubmission", viewer.has(org.hmbd.registry.auth.Role.SUBMITTER)
                && viewer.organizationId() != null && viewer.organizationId() == ((Runs.RunView) model.getAttribute("run"))
                .organizationId());
        model.addAttribute("pdfAvailable", pdf.available());
        return "conformance/run";
    }

    /** The run, and for a finished one its result: what the report page and the PDF report show. */
    private RunLine report(Actor viewer, long id, RunReports.FindingFilter filter, PageQuery page, Model model) {
        Runs.RunView run = runs.get(viewer, id);
        RunLine line = RunLine.of(run);
        model.addAttribute("run", run);
        model.addAttribute("line", line);
        if (line.succeeded()) {
            List<RunReports.CheckView> checks = reports.checks(viewer, id);
            model.addAttribute("checks", checks);
            model.addAttribute("topChecks", checks.stream().filter(c -> c.count() > 0)
                    .sorted(Comparator.comparingLong(RunReports.CheckView::count).reversed()).limit(10).toList());
            model.addAttribute("dimensions", dimensions(run.result().scores()));
            PageResult<RunReports.FindingView> findings = reports.findings(viewer, id, filter, page);
            model.addAttribute("findings", findings);
            model.addAttribute("pages", Pager.of(findings));
            try {
                model.addAttribute("comparison", reports.comparison(viewer, id));
            } catch (DomainException e) {
                model.addAttribute("comparison", null); // its first run: nothing to compare with
            }
        }
        return line;
    }

    /**
     * The report as a PDF in the viewer's language: result, dimensions, the checks that failed most
     * and the first {@value #PDF_FINDINGS} findings (all of them are in the CSV and JSON downloads).
     */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/runs/{id}/report.pdf")
    void reportPdf(Actor viewer, @PathVariable long id, Model model, HttpServletResponse response) throws IOException {
        RunLine line = report(viewer, id, new RunReports.FindingFilter(null, null, null, null),
                PageQuery.of(1, PDF_FINDINGS), model);
        if (!line.succeeded()) {
            throw DomainException.conflict("run-without-result", line.status());
        }
        model.addAttribute("generatedAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneOffset.UTC).format(Instant.now()));
        byte[] body = pdf.render("conformance/report-pdf", model.asMap());
        send(viewer, response, body, "conformance-run-" + id + ".pdf", "conformance-run/" + id + "/report");
    }

    /** A run's certificate as a printable PDF, with a QR code that opens its public verification. */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/runs/{id}/certificate.pdf")
    void certificatePdf(Actor viewer, @PathVariable long id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Runs.RunView run = runs.get(viewer, id);
        if (run.certificateNumber() == null) {
            throw DomainException.notFound("certificate", "run " + id);
        }
        Certificates.Verification certificate = certificates.verify(run.certificateNumber());
        String verifyAt = UriComponentsBuilder.fromUriString(publicUrl(request)).path("/certificates/verify")
                .queryParam("number", certificate.number()).build().toUriString();
        byte[] body = pdf.render("certificates/certificate-pdf", Map.of("certificate", certificate,
                "verifyAt", verifyAt, "qrCode", PdfDocuments.qrCode(verifyAt, 240)));
        send(viewer, response, body, certificate.number() + ".pdf", "certificate/" + certificate.number());
    }

    private String publicUrl(HttpServletRequest request) {
        if (web.publicUrl() != null) {
            return web.publicUrl().toString().replaceAll("/+$", "");
        }
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    private void send(Actor viewer, HttpServletResponse response, byte[] body, String file, String what)
            throws IOException {
        events.publishEvent(new SecurityEvent(SecurityEvent.Kind.DOWNLOAD, viewer.username(), viewer.organizationId(),
                what + ".pdf", null));
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                .toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Cancels the viewer's own run from its page. */
    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping("/conformance/runs/{id}/cancellation")
    String cancel(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason) {
        runs.cancel(actor, id, Forms.blank(reason));
        return "redirect:/conformance/runs/" + id;
    }

    /** Runs a finished run again on the same files, and opens the new run. */
    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping("/conformance/runs/{id}/reruns")
    String rerun(Actor actor, @PathVariable long id) {
        return "redirect:/conformance/runs/" + runs.rerun(actor, id).id();
    }

    /** The run's state and progress alone, for the page to poll while it runs. */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/runs/{id}/progress")
    String progress(Actor viewer, @PathVariable long id, Model model, HttpServletResponse response) {
        Runs.RunView run = runs.get(viewer, id);
        RunLine line = RunLine.of(run);
        if (line.finished()) {
            response.setHeader("HX-Refresh", "true"); // the whole page shows the result
        }
        model.addAttribute("run", run);
        model.addAttribute("line", line);
        return "conformance/run :: progress";
    }


    /** A dimension's bar: its name, score (0-100, null when nothing was checked), passed of total. */
    record DimensionBar(String dimension, Double score, long passed, long total) {
    }

    static List<DimensionBar> dimensions(JsonNode scores) {
        List<DimensionBar> bars = new ArrayList<>();
        if (scores == null || scores.get("dimensions") == null) {
            return bars;
        }
        for (var e : scores.get("dimensions").properties()) {
            JsonNode d = e.getValue();
            bars.add(new DimensionBar(e.getKey(), d.get("score") == null || d.get("score").isNull() ? null
                    : d.get("score").asDouble(), d.path("passed").asLong(), d.path("total").asLong()));
        }
        return bars;
    }

    /** What a list and the progress show of a run: its state as text, finished or not, percent and time left. */
    record RunLine(long id, String editionCode, String organizationName, String status, boolean finished,
                   boolean succeeded, Integer percent, long resourcesDone, Long resourcesEstimate, Long secondsLeft,
                   Double score, String levelCode, Boolean passed, Instant createdAt, Instant finishedAt,
                   String certificateNumber) {

        static RunLine of(Runs.RunView r) {
            String status = String.valueOf((Object) r.status());
            boolean finished = status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
            Integer percent = r.progress() == null ? null : r.progress().percent();
            Long left = null;
            if (!finished && percent != null && percent > 0 && r.startedAt() != null) {
                long elapsed = Duration.between(r.startedAt(), Instant.now()).toSeconds();
                left = Math.max(0, elapsed * (100 - percent) / percent);
            }
            return new RunLine(r.id(), r.editionCode(), r.organizationName(), status, finished,
                    status.equals("SUCCEEDED"), percent, r.progress() == null ? 0 : r.progress().resourcesDone(),
                    r.progress() == null ? null : r.progress().resourcesEstimate(), left,
                    r.result() == null ? null : r.result().score(), r.result() == null ? null : r.result().levelCode(),
                    r.result() == null ? null : r.result().passed(), r.createdAt(), r.finishedAt(),
                    r.certificateNumber());
        }
    }
}
