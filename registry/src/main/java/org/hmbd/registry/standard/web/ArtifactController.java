package org.hmbd.registry.standard.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.standard.Artifacts;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Draft content: {@code PUT} the raw bytes of an artifact to add a revision. */
@RestController
@RequestMapping("/api/v1/editions/{editionId}/artifacts")
class ArtifactController {

    private final Artifacts artifacts;

    ArtifactController(Artifacts artifacts) {
        this.artifacts = artifacts;
    }

    @Permits(Permission.SIGNED_IN)
    @PutMapping("/{name}")
    ResponseEntity<Artifacts.Revision> upload(Actor actor, @PathVariable long editionId, @PathVariable String name,
                                              HttpServletRequest request) throws IOException {
        Artifacts.Revision r = artifacts.upload(actor, editionId, name, request.getContentType(),
                request.getInputStream());
        return ResponseEntity.created(URI.create("/api/v1/editions/" + editionId + "/artifacts/" + name
                + "/revisions/" + r.revision())).body(r);
    }

    @Permits(Permission.PUBLIC)
    @GetMapping
    List<Artifacts.Revision> list(Actor viewer, @PathVariable long editionId) {
        return artifacts.latest(viewer, editionId);
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/{name}")
    ResponseEntity<byte[]> latest(Actor viewer, @PathVariable long editionId, @PathVariable String name) {
        return download(artifacts.content(viewer, editionId, name, null));
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/{name}/revisions")
    List<Artifacts.Revision> revisions(Actor viewer, @PathVariable long editionId, @PathVariable String name) {
        return artifacts.revisions(viewer, editionId, name);
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/{name}/revisions/{revision}")
    ResponseEntity<byte[]> revision(Actor viewer, @PathVariable long editionId, @PathVariable String name,
                                    @PathVariable int revision) {
        return download(artifacts.content(viewer, editionId, name, revision));
    }

    private static ResponseEntity<byte[]> download(Artifacts.Content c) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(c.revision().mediaType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .eTag("\"" + c.revision().sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(c.revision().name()).build().toString())
                .header("X-Artifact-Revision", String.valueOf(c.revision().revision()))
                .body(c.bytes());
    }
}
