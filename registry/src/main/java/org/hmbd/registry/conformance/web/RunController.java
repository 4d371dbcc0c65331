package org.hmbd.registry.conformance.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.conformance.RunReports;
import org.hmbd.registry.conformance.Runs;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conformance test runs. Either create a run, {@code PUT} its files and submit it, or send one file
 * as the raw body of {@code POST /api/v1/conformance/runs?editionId=…&fileName=…} to do all three.
 */
@RestController
@RequestMapping("/api/v1/conformance/runs")
class RunController {

    private final Runs runs;
    private final RunReports reports;

    private final org.springframework.context.ApplicationEventPublisher events;

    RunController(Runs runs, RunReports reports, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.runs = runs;
        this.reports = reports;
    }

    record NewRun(Long editionId) {
    }

    record Cancellation(String reason) {
    }

    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Runs.RunView> create(Actor actor, @RequestBody NewRun body) {
        Runs.RunView run = runs.create(actor, body.editionId());
        return ResponseEntity.created(URI.create("/api/v1/conformance/runs/" + run.id())).body(run);
    }

    /** One file as the raw body: the run is created, the file stored and the run queued. */
    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping(params = "fileName")
    ResponseEntity<Runs.RunView> submitFile(Actor actor, @RequestParam(required = false) Long editionId,
                                            @RequestParam String fileName, HttpServletRequest request)
            throws IOException {
        Runs.RunView run = runs.submitFile(actor, editionId, fileName, request.getContentType(), length(request),
                request.getInputStream());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/conformance/runs/" + run.id())).body(run);
    }

    @Permits(Permission.RUNS_SUBMIT)
    @PutMapping("/{id}/files/{name}")
    ResponseEntity<Runs.FileView> upload(Actor actor, @PathVariable long id, @PathVariable String name,
                                         HttpServletRequest request) throws IOException {
        Runs.FileView f = runs.upload(actor, id, name, request.getContentType(), length(request),
                request.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).body(f);
    }

    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping("/{id}/submission")
    ResponseEntity<Runs.RunView> submit(Actor actor, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.submit(actor, id));
    }

    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping("/{id}/cancellation")
    ResponseEntity<Runs.RunView> cancel(Actor actor, @PathVariable long id,
                                        @RequestBody(required = false) Cancellation body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(runs.cancel(actor, id, body == null ? null : body.reason()));
    }

    @Permits(Permission.RUNS_SUBMIT)
    @PostMapping("/{id}/reruns")
    ResponseEntity<Runs.RunView> rerun(Actor actor, @PathVariable long id) {
        Runs.RunView run = runs.rerun(actor, id);
        return ResponseEntity.created(URI.create("/api/v1/conformance/runs/" + run.id())).body(run);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping
    PageResult<Runs.RunView> list(Actor viewer, @RequestParam(required = false) Long editionId,
                                  @RequestParam(required = false) Long organizationId,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        return runs.list(viewer, new Runs.RunFilter(editionId, organizationId, status), PageQuery.of(page, size));
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}")
    Runs.RunView get(Actor viewer, @PathVariable long id) {
        return runs.get(viewer, id);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}/history")
    List<HistoryEntry> history(Actor viewer, @PathVariable long id) {
        return runs.history(viewer, id);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}/checks")
    List<RunReports.CheckView> checks(Actor viewer, @PathVariable long id) {
        return reports.checks(viewer, id);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}/findings")
    PageResult<RunReports.FindingView> findings(Actor viewer, @PathVariable long id,
                                                @RequestParam(required = false) String checkId,
                                                @RequestParam(required = false) String severity,
                                                @RequestParam(required = false) String dimension,
                                                @RequestParam(required = false) String resourceType,
                                                @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        return reports.findings(viewer, id, new RunReports.FindingFilter(checkId, severity, dimension, resourceType),
                PageQuery.of(page, size));
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}/comparison")
    RunReports.ComparisonView comparison(Actor viewer, @PathVariable long id) {
        return reports.comparison(viewer, id);
    }

    /** The report as {@code format=json} (default), {@code html} or {@code csv}. */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/{id}/report")
    void report(Actor viewer, @PathVariable long id, @RequestParam(required = false) String format,
                HttpServletResponse response) throws IOException {
        RunReports.Format f = format == null ? RunReports.Format.JSON
                : Text.enumValue("format", format.toUpperCase(), RunReports.Format.class);
        // rendered before anything is sent, so that a refusal is a problem, not a broken download
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        reports.writeReport(viewer, id, f, body);
        events.publishEvent(new org.hmbd.registry.shared.SecurityEvent(org.hmbd.registry.shared.SecurityEvent.Kind.DOWNLOAD,
                viewer.username(), viewer.organizationId(), "conformance-run/" + id + "/report", null));
        MediaType type = switch (f) {
            case JSON -> MediaType.APPLICATION_JSON;
            case HTML -> new MediaType("text", "html", StandardCharsets.UTF_8);
            case CSV -> new MediaType("text", "csv", StandardCharsets.UTF_8);
        };
        String file = "conformance-run-" + id + "." + f.name().toLowerCase();
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                (f == RunReports.Format.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(file).build().toString());
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }

    private static Long length(HttpServletRequest request) {
        long n = request.getContentLengthLong();
        return n < 0 ? null : n;
    }
}
