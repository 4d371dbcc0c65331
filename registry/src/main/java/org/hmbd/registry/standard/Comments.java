package org.hmbd.registry.standard;

import java.time.Instant;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public comment (Art. 11): during {@code PUBLIC_COMMENT} any signed-in user comments on an
 * edition, optionally on a part of it; the working group disposes of every comment before the
 * edition may leave {@code EXPERT_REVIEW}.
 */
@Service
public class Comments {

    private final JdbcClient jdbc;
    private final WorkingGroups groups;

    Comments(JdbcClient jdbc, WorkingGroups groups) {
        this.jdbc = jdbc;
        this.groups = groups;
    }

    public record Comment(long id, long editionId, long authorId, String author, String section, String text,
                          Instant createdAt, Disposition disposition, String dispositionReason, String disposedBy,
                          Instant disposedAt) {
    }

    public record CommentRequest(String section, String text) {
    }

    public record DispositionRequest(String disposition, String reason) {
    }

    private record EditionState(EditionStatus status, Long workingGroupId, java.time.LocalDate deadline) {
    }

    @Transactional
    public Comment comment(Actor actor, long editionId, CommentRequest req) {
        EditionState e = state(editionId, false);
        String text = Text.required("text", req.text(), 10000);
        String section = Text.optional("section", req.section(), 200);
        if (e.status() != EditionStatus.PUBLIC_COMMENT) {
            throw new DomainException(ErrorCode.CONFLICT, java.util.Map.of("currentStatus", e.status().name()),
                    Msg.of("conflict.not-in-comment", e.status()));
        }
        if (e.deadline() != null && BusinessDates.today().isAfter(e.deadline())) {
            throw DomainException.conflict("comment-period-closed", e.deadline());
        }
        long id = jdbc.sql("insert into edition_comment (edition_id, author_id, section, text) values (?, ?, ?, ?) "
                        + "returning id")
                .params(editionId, actor.id(), section, text).query(Long.class).single();
        return get(editionId, id);
    }

    public PageResult<Comment> list(long editionId, Boolean disposed, PageQuery page) {
        state(editionId, false);
        ListQuery q = ListQuery.filter().and("c.edition_id = :editionId", editionId);
        if (disposed != null) {
            q.and(disposed ? "c.disposition is not null" : "c.disposition is null");
        }
        return q.page(jdbc, SELECT, "select count(*) from edition_comment c", "order by c.id", page, Comments::map);
    }

    /** Records (or revises) the disposition; only the group's lead or drafters, during comment or review. */
    @Transactional
    public Comment dispose(Actor actor, long editionId, long commentId, DispositionRequest req) {
        EditionState e = state(editionId, true);
        get(editionId, commentId);
        groups.requireDrafter(actor, e.workingGroupId());
        if (e.status() != EditionStatus.PUBLIC_COMMENT && e.status() != EditionStatus.EXPERT_REVIEW) {
            throw new DomainException(ErrorCode.CONFLICT, java.util.Map.of("currentStatus", e.status().name()),
                    Msg.of("conflict.not-in-review", e.status()));
        }
        Disposition d = Text.enumValue("disposition", req.disposition(), Disposition.class);
        String reason = d == Disposition.ACCEPTED ? Text.optional("reason", req.reason(), 2000)
                : Text.required("reason", req.reason(), 2000);
        jdbc.sql("""
                update edition_comment set disposition = ?, disposition_reason = ?, disposed_by = ?, disposed_at = now()
                where id = ? and edition_id = ?""")
                .params(d.name(), reason, actor.id(), commentId, editionId).update();
        return get(editionId, commentId);
    }

    private Comment get(long editionId, long commentId) {
        return jdbc.sql(SELECT + " where c.id = ? and c.edition_id = ?").params(commentId, editionId)
                .query(Comments::map).optional().orElseThrow(() -> DomainException.notFound("comment", commentId));
    }

    private EditionState state(long editionId, boolean lock) {
        return jdbc.sql("select status, working_group_id, comment_deadline from edition where id = ?"
                        + (lock ? " for update" : ""))
                .param(editionId)
                .query((rs, n) -> new EditionState(EditionStatus.valueOf(rs.getString(1)), (Long) rs.getObject(2),
                        rs.getObject(3, java.time.LocalDate.class)))
                .optional().orElseThrow(() -> DomainException.notFound("edition", editionId));
    }

    private static final String SELECT = """
            select c.*, a.username as author, d.username as disposer
            from edition_comment c join app_user a on a.id = c.author_id left join app_user d on d.id = c.disposed_by""";

    private static Comment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String disposition = rs.getString("disposition");
        return new Comment(rs.getLong("id"), rs.getLong("edition_id"), rs.getLong("author_id"), rs.getString("author"),
                rs.getString("section"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
                disposition == null ? null : Disposition.valueOf(disposition), rs.getString("disposition_reason"),
                rs.getString("disposer"),
                rs.getTimestamp("disposed_at") == null ? null : rs.getTimestamp("disposed_at").toInstant());
    }
}
