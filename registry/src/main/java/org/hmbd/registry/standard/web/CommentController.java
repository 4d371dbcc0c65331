package org.hmbd.registry.standard.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import java.net.URI;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.standard.Comments;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/editions/{editionId}/comments")
class CommentController {

    private final Comments comments;

    CommentController(Comments comments) {
        this.comments = comments;
    }

    @Permits(Permission.SIGNED_IN)
    @PostMapping
    ResponseEntity<Comments.Comment> comment(Actor actor, @PathVariable long editionId,
                                             @RequestBody Comments.CommentRequest req) {
        Comments.Comment c = comments.comment(actor, editionId, req);
        return ResponseEntity.created(URI.create("/api/v1/editions/" + editionId + "/comments/" + c.id())).body(c);
    }

    @Permits(Permission.SIGNED_IN)
    @GetMapping
    PageResult<Comments.Comment> list(@PathVariable long editionId,
                                      @RequestParam(required = false) Boolean disposed,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return comments.list(editionId, disposed, PageQuery.of(page, size));
    }

    @Permits(Permission.SIGNED_IN)
    @PutMapping("/{commentId}/disposition")
    Comments.Comment dispose(Actor actor, @PathVariable long editionId, @PathVariable long commentId,
                             @RequestBody Comments.DispositionRequest req) {
        return comments.dispose(actor, editionId, commentId, req);
    }
}
