package org.hmbd.registry.standard.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.standard.Edition;
import org.hmbd.registry.standard.EditionWorkflow;
import org.hmbd.registry.standard.Standard;
import org.hmbd.registry.standard.Standards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Standards and editions. Reading published content is public; everything else needs an account. */
@RestController
@RequestMapping("/api/v1")
class StandardController {

    private final Standards standards;
    private final EditionWorkflow workflow;

    StandardController(Standards standards, EditionWorkflow workflow) {
        this.standards = standards;
        this.workflow = workflow;
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/standards")
    PageResult<Standard> standards(Actor viewer,
                                   @RequestParam(required = false) String status,
                                   @RequestParam(required = false) String category,
                                   @RequestParam(required = false) String level,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return standards.list(viewer, new Standards.StandardFilter(status, category, level, year, q),
                PageQuery.of(page, size));
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/standards/{id}")
    Standard standard(Actor viewer, @PathVariable long id) {
        return standards.get(viewer, id);
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/standards/{id}/editions")
    PageResult<Edition> standardEditions(Actor viewer, @PathVariable long id,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        standards.get(viewer, id);
        return standards.editions(viewer, new Standards.EditionFilter(id, null, null), PageQuery.of(page, size));
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/editions")
    PageResult<Edition> editions(Actor viewer,
                                 @RequestParam(required = false) Long standardId,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return standards.editions(viewer, new Standards.EditionFilter(standardId, status, year),
                PageQuery.of(page, size));
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/editions/{id}")
    Edition edition(Actor viewer, @PathVariable long id) {
        return standards.edition(viewer, id);
    }

    @Permits(Permission.PUBLIC)
    @GetMapping("/editions/{id}/history")
    List<HistoryEntry> history(Actor viewer, @PathVariable long id) {
        return standards.history(viewer, id);
    }

    /** Moves an edition to another state; 409 {@code illegal-transition} names the allowed ones. */
    @Permits(Permission.SIGNED_IN)
    @PostMapping("/editions/{id}/transitions")
    Edition transition(Actor actor, @PathVariable long id, @RequestBody EditionWorkflow.TransitionRequest req) {
        return workflow.transition(actor, id, req);
    }
}
