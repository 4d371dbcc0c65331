package org.hmbd.registry.standard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.Transitions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one writer of the standard aggregate's tables: {@code standard}, {@code edition} and the
 * editions' history {@code edition_transition}. Every edition status change goes through
 * {@link Transitions}; the standard's own status (which follows its editions and has no history of
 * its own) is written only here. Reading stays with {@link Standards}. Callers run it inside their
 * transactions.
 */
@Component
class EditionStore {

    private final JdbcClient jdbc;
    private final Transitions transitions;

    EditionStore(JdbcClient jdbc, Transitions transitions) {
        this.jdbc = jdbc;
        this.transitions = transitions;
    }

    /** An edition locked for a move, with what the guards of the move need. */
    record Locked(long id, long standardId, EditionStatus status, Long workingGroupId, Long supersedesId,
                  String level, String number) {
    }

    // ---- standards -----------------------------------------------------------------------------------

    /** A standard being drafted for the first time; its id. */
    long createDraftStandard(String titleZh, String titleEn, long categoryId, StandardLevel level) {
        return jdbc.sql("""
                        insert into standard (title_zh, title_en, category_id, level, status)
                        values (:titleZh, :titleEn, :category, :level, 'DRAFT') returning id""")
                .param("titleZh", titleZh).param("titleEn", titleEn).param("category", categoryId)
                .param("level", level.name()).query(Long.class).single();
    }

    /** A standard in force shipped with the product (category data sets); its id. */
    long createShippedStandard(String titleZh, String titleEn, StandardLevel level, String number) {
        return jdbc.sql("""
                        insert into standard (title_zh, title_en, category_id, level, number, status)
                        values (:titleZh, :titleEn, (select id from category where code = 'DATA_SET'), :level,
                                :number, 'ACTIVE')
                        returning id""")
                .param("titleZh", titleZh).param("titleEn", titleEn).param("level", level.name())
                .param("number", number).query(Long.class).single();
    }

    /** Locks a standard's row (before any of its editions: the same order for every writer). */
    void lockStandard(long standardId) {
        jdbc.sql("select id from standard where id = :id for update").param("id", standardId).query(Long.class)
                .single();
    }

    /** First publication: the standard takes its number and is in force. */
    void activate(long standardId, String number) {
        jdbc.sql("update standard set number = :number, status = 'ACTIVE' where id = :id")
                .param("number", number).param("id", standardId).update();
    }

    void abolish(long standardId) {
        jdbc.sql("update standard set status = 'ABOLISHED' where id = :id").param("id", standardId).update();
    }

    /** A standard never published is withdrawn with the last of its editions. */
    void withdrawIfNoEditionLeft(long standardId) {
        jdbc.sql("""
                        update standard set status = 'WITHDRAWN' where id = :id and status = 'DRAFT'
                          and not exists (select 1 from edition where standard_id = :id and status <> 'WITHDRAWN')""")
                .param("id", standardId).update();
    }

    // ---- editions ------------------------------------------------------------------------------------

    /** A draft edition of a standard, with its first history row; its id. */
    long openDraft(long standardId, long workingGroupId, Long supersedes, String actor, String reason) {
        long id = jdbc.sql("""
                        insert into edition (standard_id, working_group_id, status, supersedes_id)
                        values (:standard, :group, 'DRAFTING', :supersedes) returning id""")
                .param("standard", standardId).param("group", workingGroupId).param("supersedes", supersedes)
                .query(Long.class).single();
        transitions.created(EditionLifecycle.LIFECYCLE, id, EditionStatus.DRAFTING, actor, reason);
        return id;
    }

    /** An edition in force shipped with the product, with its first history row; its id. */
    long registerShipped(long standardId, String code, LocalDate effective, String packageKey, String actor,
                         String reason) {
        long id = jdbc.sql("""
                        insert into edition (standard_id, status, code, effective_date, published_at, shipped_package)
                        values (:standard, 'PUBLISHED', :code, :effective, now(), :key) returning id""")
                .param("standard", standardId).param("code", code).param("effective", Date.valueOf(effective))
                .param("key", packageKey).query(Long.class).single();
        transitions.created(EditionLifecycle.LIFECYCLE, id, EditionStatus.PUBLISHED, actor, reason);
        return id;
    }

    private static final String LOCKED_SELECT = """
            select e.id, e.standard_id, e.status, e.working_group_id, e.supersedes_id, s.level, s.number
            from edition e join standard s on s.id = e.standard_id where e.id = :id""";

    private static Locked locked(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Locked(rs.getLong(1), rs.getLong(2), EditionStatus.valueOf(rs.getString(3)), (Long) rs.getObject(4),
                (Long) rs.getObject(5), rs.getString(6), rs.getString(7));
    }

    /** The edition as the lock would give it, without locking (to show what may be done). */
    Optional<Locked> find(long editionId) {
        return jdbc.sql(LOCKED_SELECT)
                .param("id", editionId)
                .query(EditionStore::locked)
                .optional();
    }

    /** Locks the edition's standard, then the edition; empty when there is no such edition. */
    Optional<Locked> lock(long editionId) {
        Optional<Long> standardId = jdbc.sql("select standard_id from edition where id = :id").param("id", editionId)
                .query(Long.class).optional();
        if (standardId.isEmpty()) {
            return Optional.empty();
        }
        lockStandard(standardId.get());
        return Optional.of(jdbc.sql(LOCKED_SELECT + " for update of e")
                .param("id", editionId)
                .query(EditionStore::locked)
                .single());
    }

    void move(long editionId, Lifecycle.Move<EditionStatus, Party> move, String actor, String reason) {
        transitions.move(EditionLifecycle.LIFECYCLE, editionId, move, actor, reason);
    }

    void setCommentDeadline(long editionId, LocalDate deadline) {
        jdbc.sql("update edition set comment_deadline = :d where id = :id").param("d", Date.valueOf(deadline))
                .param("id", editionId).update();
    }

    /** The edition in force gives way to its successor, as the system, with its own history row. */
    void supersede(long previous, long successor, String actor, String reason) {
        jdbc.sql("update edition set superseded_by_id = :next where id = :id").param("next", successor)
                .param("id", previous).update();
        move(previous, EditionLifecycle.check(EditionStatus.PUBLISHED, EditionStatus.SUPERSEDED, true), actor, reason);
        jdbc.sql("update edition set supersedes_id = :previous where id = :id").param("previous", previous)
                .param("id", successor).update();
    }

    /**
     * Records an edition's publication facts (its status is moved separately).
     *
     * @throws org.springframework.dao.DuplicateKeyException when the code is taken
     */
    void recordPublication(long editionId, String code, LocalDate effective) {
        jdbc.sql("update edition set code = :code, effective_date = :effective, published_at = now() where id = :id")
                .param("code", code).param("effective", Date.valueOf(effective)).param("id", editionId).update();
    }
}
