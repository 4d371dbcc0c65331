package org.hmbd.registry.conformance.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.conformance.Adoption;
import org.hmbd.registry.conformance.Evaluations;
import org.hmbd.registry.shared.Text;
import org.hmbd.validator.report.ReportCsv;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Adoption evidence per edition and per institution, and effectiveness evaluations (Art. 13-15). */
@RestController
class AdoptionController {

    private final Adoption adoption;
    private final Evaluations evaluations;

    AdoptionController(Adoption adoption, Evaluations evaluations) {
        this.adoption = adoption;
        this.evaluations = evaluations;
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/api/v1/conformance/editions/{id}/adoption")
    Adoption.EditionAdoption edition(Actor viewer, @PathVariable long id,
                                     @RequestParam(required = false) String groupBy) {
        return adoption.edition(viewer, id, groupBy);
    }

    /** An institution's conformance across standards; {@code format=csv} for accreditation. */
    @Permits(Permission.SIGNED_IN)
    @GetMapping("/api/v1/conformance/organizations/{id}/status")
    Object organization(Actor viewer, @PathVariable long id, @RequestParam(required = false) String format,
                        HttpServletResponse response) throws IOException {
        Adoption.OrganizationStatus status = adoption.organization(viewer, id);
        if (format == null || format.equalsIgnoreCase("json")) {
            return status;
        }
        Text.enumValue("format", format.toUpperCase(), Formats.class);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("conformance-organization-" + id + ".csv").build().toString());
        Writer w = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        w.write('\uFEFF');
        row(w, List.of("organization_id", "organization", "region_code", "standard", "edition_code", "edition_status",
                "run_id", "tested_at", "score", "level", "passed", "certificate", "certificate_valid_until"));
        for (Adoption.StandardStatus s : status.standards()) {
            row(w, List.of(String.valueOf(id), status.organizationName(), status.regionCode(), s.standardTitleZh(),
                    String.valueOf(s.editionCode()), s.editionStatus(), String.valueOf(s.runId()),
                    s.testedAt().toString(), s.score() == null ? "" : String.valueOf(s.score()),
                    s.levelCode() == null ? "" : s.levelCode(), String.valueOf(s.passed()),
                    s.certificateNumber() == null ? "" : s.certificateNumber(),
                    s.certificateValidUntil() == null ? "" : s.certificateValidUntil().toString()));
        }
        w.flush();
        return null;
    }

    private enum Formats { JSON, CSV }

    /** One CSV line, cells quoted and neutralised as in the validator's CSV reports. */
    private static void row(Writer w, List<String> cells) throws IOException {
        w.write(String.join(",", cells.stream().map(ReportCsv::cell).toList()));
        w.write("\r\n");
    }

    @Permits(Permission.EVALUATE)
    @PostMapping("/api/v1/conformance/editions/{id}/evaluations")
    ResponseEntity<Evaluations.Evaluation> evaluate(Actor actor, @PathVariable long id,
                                                    @RequestBody Evaluations.EvaluationRequest body) {
        Evaluations.Evaluation e = evaluations.evaluate(actor, id, body);
        return ResponseEntity.created(URI.create("/api/v1/conformance/editions/" + id + "/evaluations")).body(e);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping("/api/v1/conformance/editions/{id}/evaluations")
    List<Evaluations.Evaluation> evaluations(org.hmbd.registry.auth.Actor viewer, @PathVariable long id) {
        return evaluations.list(viewer, id);
    }
}
