package org.hmbd.registry.conformance.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import org.hmbd.registry.conformance.RunReports;
import org.hmbd.registry.conformance.Runs;
import org.hmbd.registry.conformance.TestSuites;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.web.Forms;
import org.hmbd.registry.shared.web.Page;
import org.hmbd.registry.shared.web.Pager;
import org.hmbd.registry.shared.web.Problems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
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
    private final Runs runs;
    private final RunReports reports;
    private final TestSuites suites;
    private final Problems problems;

    RunPages(Runs runs, RunReports reports, TestSuites suites, Problems problems) {
        this.runs = runs;
        this.reports = reports;
        this.suites = suites;
        this.problems = problems;
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
        return suites.list().stream().filter(s -> s.state() == TestSuites.State.READY).toList();
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/conformance/runs/{id}")
    String run(Actor viewer, @PathVariable long id, @RequestParam(required = false) String checkId,
               @RequestParam(required = false) String severity, @RequestParam(required = false) String dimension,
               @RequestParam(required = false) String resourceType, @RequestParam(required = false) Integer page,
               Model model) {
        Runs.RunView run = runs.get(viewer, id);
        RunLine line = RunLine.of(run);
        model.addAttribute("run", run);
        model.addAttribute("line", line);
        model.addAttribute("history", runs.history(viewer, id));
        if (line.succeeded()) {
            List<RunReports.CheckView> checks = reports.checks(viewer, id);
            model.addAttribute("checks", checks);
            model.addAttribute("topChecks", checks.stream().filter(c -> c.count() > 0)
                    .sorted(Comparator.comparingLong(RunReports.CheckView::count).reversed()).limit(10).toList());
            model.addAttribute("dimensions", dimensions(run.result().scores()));
            PageResult<RunReports.FindingView> findings = reports.findings(viewer, id, new RunReports.FindingFilter(
                    Forms.blank(checkId), Forms.blank(severity), Forms.blank(dimension), Forms.blank(resourceType)),
                    PageQuery.of(page, FINDINGS_PAGE_SIZE));
            model.addAttribute("findings", findings);
            model.addAttribute("pages", Pager.of(findings));
            model.addAttribute("filter", new RunReports.FindingFilter(checkId, severity, dimension, resourceType));
            try {
                model.addAttribute("comparison", reports.comparison(viewer, id));
            } catch (DomainException e) {
                model.addAttribute("comparison", null); // its first run: nothing to compare with
            }
        }
        return "conformance/run";
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
