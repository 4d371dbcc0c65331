package org.hmbd.registry.standard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves editions through their lifecycle. Each move is checked by {@link EditionLifecycle#check},
 * done only by the party the lifecycle names, with its required fields, and leaves an immutable
 * history entry. Publishing a revision supersedes the previous edition; abolition retires the standard.
 */
@Service
public class EditionWorkflow {

    /** Days a public comment period lasts when no deadline is given. */
    static final int DEFAULT_COMMENT_DAYS = 30;

    private final JdbcClient jdbc;
    private final EditionStore store;
    private final WorkingGroups groups;
    private final Standards standards;
    private final ApplicationEventPublisher events;

    EditionWorkflow(JdbcClient jdbc, EditionStore store, WorkingGroups groups, Standards standards,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.store = store;
        this.groups = groups;
        this.standards = standards;
        this.events = events;
    }

    /**
     * A requested move.
     *
     * @param to the target state
     * @param reason why; required for back-moves, withdrawal and abolition
     * @param code the standard code, e.g. {@code WS/T 1001-2026}, when publishing (derived from the
     *        standard's number for a revision)
     * @param effectiveDate when the published edition takes effect (required when publishing)
     * @param commentDeadline last day of public comment (default: 30 days on)
     */
    public record TransitionRequest(String to, String reason, String code, LocalDate effectiveDate,
                                    LocalDate commentDeadline) {
    }

    @Transactional
    public Edition transition(Actor actor, long editionId, TransitionRequest req) {
        EditionStore.Locked e = lock(editionId);
        EditionStatus to = EditionLifecycle.parse(Text.required("to", req.to(), 30));
        Lifecycle.Move<EditionStatus, Party> t = EditionLifecycle.check(e.status(), to, false);
        authorize(actor, t.party(), e);
        String reason = t.reasonRequired() ? Text.required("reason", req.reason(), 2000)
                : Text.optional("reason", req.reason(), 2000);
        if (e.status() == EditionStatus.EXPERT_REVIEW && to != EditionStatus.WITHDRAWN) {
            long open = jdbc.sql("select count(*) from edition_comment where edition_id = ? and disposition is null")
                    .param(editionId).query(Long.class).single();
            if (open > 0) {
                throw new DomainException(ErrorCode.COMMENTS_WITHOUT_DISPOSITION, Map.of("openComments", open),
                        Msg.of("problem.comments-without-disposition.detail", open));
            }
        }
        switch (to) {
            case PUBLIC_COMMENT -> openComment(e, req.commentDeadline());
            case PUBLISHED -> {
                publish(actor, e, req);
                events.publishEvent(new EditionPublished(editionId));
            }
            case ABOLISHED -> store.abolish(e.standardId());
            default -> {
            }
        }
        store.move(editionId, t, actor.username(), reason);
        if (to == EditionStatus.WITHDRAWN) {
            store.withdrawIfNoEditionLeft(e.standardId());
        }
        return standards.edition(actor, editionId);
    }

    /** A move the account may make on the edition now: the state it leads to, and whether it needs a reason. */
    public record AllowedMove(EditionStatus to, boolean reasonRequired) {
    }

    /** The moves this account may make on the edition in its present state (what the page offers as buttons). */
    public List<AllowedMove> movesFor(Actor actor, long editionId) {
        if (actor == null) {
            return List.of();
        }
        EditionStore.Locked e = store.find(editionId).orElseThrow(() -> DomainException.notFound("edition", editionId));
        return EditionLifecycle.all().stream().filter(m -> m.from() == e.status() && m.party() != Party.SYSTEM)
                .filter(m -> mayAct(actor, m.party(), e)).map(m -> new AllowedMove(m.to(), m.reasonRequired()))
                .toList();
    }

    private void authorize(Actor actor, Party party, EditionStore.Locked e) {
        if (!mayAct(actor, party, e)) {
            throw DomainException.forbidden("party", Msg.of("party." + party.name()));
        }
    }

    private boolean mayAct(Actor actor, Party party, EditionStore.Locked e) {
        return switch (party) {
            case WORKING_GROUP_LEAD -> e.workingGroupId() != null && groups.roleOf(e.workingGroupId(), actor.id())
                    .filter(r -> r == WorkingGroupRole.LEAD).isPresent();
            case EXPERT -> actor.has(Role.EXPERT);
            case STANDARDS_ADMIN -> actor.has(Role.STANDARDS_ADMIN);
            case SYSTEM -> false;
        };
    }

    private void openComment(EditionStore.Locked e, LocalDate deadline) {
        LocalDate today = BusinessDates.today();
        LocalDate d = deadline == null ? today.plusDays(DEFAULT_COMMENT_DAYS) : deadline;
        if (!d.isAfter(today)) {
            throw DomainException.invalidField("commentDeadline", "future-date");
        }
        store.setCommentDeadline(e.id(), d);
    }

    private void publish(Actor actor, EditionStore.Locked e, TransitionRequest req) {
        LocalDate effective = Text.requiredValue("effectiveDate", req.effectiveDate());
        LocalDate today = BusinessDates.today();
        if (effective.isBefore(today)) {
            throw DomainException.invalidField("effectiveDate", "not-past-date");
        }
        String number;
        String given = Text.optional("code", req.code(), 60);
        // the year of a code is the year of publication, or of taking effect for one issued late in a year
        String year = String.valueOf(today.getYear());
        if (given != null) {
            given = given.replace('—', '-').replace('–', '-').replaceAll("\\s+", " ");
            int dash = given.lastIndexOf('-');
            String effectiveYear = String.valueOf(effective.getYear());
            String givenYear = dash < 0 ? "" : given.substring(dash + 1);
            if (!givenYear.equals(year) && !givenYear.equals(effectiveYear)) {
                throw DomainException.invalidField("code", "code-year", year, effectiveYear);
            }
            year = givenYear;
            number = given.substring(0, dash).strip();
        } else if (e.number() != null) {
            number = e.number();
        } else {
            throw DomainException.invalidField("code", "required");
        }
        StandardLevel level = StandardLevel.valueOf(e.level());
        if (!level.isNumber(number)) {
            throw DomainException.invalidField("code", "code-format", level);
        }
        if (e.number() != null && !e.number().equals(number)) {
            throw DomainException.invalidField("code", "code-number", e.number());
        }
        String code = number + "-" + year;
        // supersede the edition in force, as the system, with its own history entry
        standards.publishedEdition(e.standardId()).ifPresent(previous ->
                store.supersede(previous, e.id(), actor.username(), "superseded by " + code));
        try {
            store.activate(e.standardId(), number);
            store.recordPublication(e.id(), code, effective);
        } catch (DuplicateKeyException ex) {
            throw DomainException.conflict("code-taken", code);
        }
    }

    private EditionStore.Locked lock(long editionId) {
        return store.lock(editionId).orElseThrow(() -> DomainException.notFound("edition", editionId));
    }
}
