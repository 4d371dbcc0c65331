package org.hmbd.registry.standard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.Text;
import org.hmbd.registry.shared.Transitions;
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
    private final Transitions transitions;
    private final WorkingGroups groups;
    private final Standards standards;
    private final ApplicationEventPublisher events;

    EditionWorkflow(JdbcClient jdbc, Transitions transitions, WorkingGroups groups, Standards standards,
                    ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transitions = transitions;
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

    private record Locked(long id, long standardId, EditionStatus status, Long workingGroupId, Long supersedesId,
                          String level, String number) {
    }

    @Transactional
    public Edition transition(Actor actor, long editionId, TransitionRequest req) {
        Locked e = lock(editionId);
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
            case ABOLISHED -> jdbc.sql("update standard set status = 'ABOLISHED' where id = ?")
                    .param(e.standardId()).update();
            default -> {
            }
        }
        transitions.move(EditionLifecycle.LIFECYCLE, editionId, t, actor.username(), reason);
        if (to == EditionStatus.WITHDRAWN) {
            jdbc.sql("""
                    update standard set status = 'WITHDRAWN' where id = ? and status = 'DRAFT'
                      and not exists (select 1 from edition where standard_id = ? and status <> 'WITHDRAWN')""")
                    .params(e.standardId(), e.standardId()).update();
        }
        return standards.edition(actor, editionId);
    }

    private void authorize(Actor actor, Party party, Locked e) {
        boolean allowed = switch (party) {
            case WORKING_GROUP_LEAD -> e.workingGroupId() != null && groups.roleOf(e.workingGroupId(), actor.id())
                    .filter(r -> r == WorkingGroupRole.LEAD).isPresent();
            case EXPERT -> actor.has(Role.EXPERT);
            case NATIONAL_ADMIN -> actor.has(Role.NATIONAL_ADMIN);
            case SYSTEM -> false;
        };
        if (!allowed) {
            throw DomainException.forbidden("party", Msg.of("party." + party.name()));
        }
    }

    private void openComment(Locked e, LocalDate deadline) {
        LocalDate today = BusinessDates.today();
        LocalDate d = deadline == null ? today.plusDays(DEFAULT_COMMENT_DAYS) : deadline;
        if (!d.isAfter(today)) {
            throw DomainException.invalidField("commentDeadline", "future-date");
        }
        jdbc.sql("update edition set comment_deadline = ? where id = ?").params(Date.valueOf(d), e.id()).update();
    }

    private void publish(Actor actor, Locked e, TransitionRequest req) {
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
        standards.publishedEdition(e.standardId()).ifPresent(previous -> {
            Lifecycle.Move<EditionStatus, Party> sys = EditionLifecycle.check(EditionStatus.PUBLISHED,
                    EditionStatus.SUPERSEDED, true);
            jdbc.sql("update edition set superseded_by_id = ? where id = ?").params(e.id(), previous).update();
            transitions.move(EditionLifecycle.LIFECYCLE, previous, sys, actor.username(), "superseded by " + code);
            jdbc.sql("update edition set supersedes_id = ? where id = ?").params(previous, e.id()).update();
        });
        try {
            jdbc.sql("update standard set number = ?, status = 'ACTIVE' where id = ?")
                    .params(number, e.standardId()).update();
            jdbc.sql("update edition set code = ?, effective_date = ?, published_at = now() where id = ?")
                    .params(code, Date.valueOf(effective), e.id()).update();
        } catch (DuplicateKeyException ex) {
            throw DomainException.conflict("code-taken", code);
        }
    }

    private Locked lock(long editionId) {
        Long standardId = jdbc.sql("select standard_id from edition where id = ?").param(editionId)
                .query(Long.class).optional().orElseThrow(() -> DomainException.notFound("edition", editionId));
        // lock the standard first, then the edition: the same order for every writer
        jdbc.sql("select id from standard where id = ? for update").param(standardId).query(Long.class).single();
        return jdbc.sql("""
                        select e.id, e.standard_id, e.status, e.working_group_id, e.supersedes_id, s.level, s.number
                        from edition e join standard s on s.id = e.standard_id where e.id = ? for update of e""")
                .param(editionId)
                .query((rs, n) -> new Locked(rs.getLong(1), rs.getLong(2), EditionStatus.valueOf(rs.getString(3)),
                        (Long) rs.getObject(4), (Long) rs.getObject(5), rs.getString(6), rs.getString(7)))
                .single();
    }
}
