package org.hmbd.registry.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standards and their editions: reading (the public sees only published content) and opening
 * drafts when a proposal enters the work plan.
 */
@Service
public class Standards {

    private final JdbcClient jdbc;
    private final EditionStore store;

    Standards(JdbcClient jdbc, EditionStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    private static final String STANDARD_SELECT = """
            select s.*, c.code as category_code,
                   (select e.id from edition e where e.standard_id = s.id and e.status = 'PUBLISHED'
                    order by e.id desc limit 1) as current_edition_id,
                   (select e.code from edition e where e.standard_id = s.id and e.status = 'PUBLISHED'
                    order by e.id desc limit 1) as current_code,
                   (select max(e.id) from edition e where e.standard_id = s.id) as latest_edition_id
            from standard s join category c on c.id = s.category_id""";

    private static final String PUBLIC_STANDARD = " exists (select 1 from edition pe where pe.standard_id = s.id "
            + "and pe.status in ('PUBLISHED', 'SUPERSEDED', 'ABOLISHED'))";

    private static final String EDITION_SELECT = """
            select e.*, s.title_zh, s.title_en from edition e join standard s on s.id = e.standard_id""";

    public record StandardFilter(String status, String category, String level, Integer year, String q) {
    }

    public record EditionFilter(Long standardId, String status, Integer year) {
    }

    public PageResult<Standard> list(Actor viewer, StandardFilter f, PageQuery page) {
        String level = ListQuery.given(f.level());
        String status = ListQuery.given(f.status());
        ListQuery q = ListQuery.filter();
        if (viewer == null) {
            q.and(PUBLIC_STANDARD);
        }
        q.and("s.status = :status", status == null ? null : status.toUpperCase())
                // a category includes its sub-categories
                .and("s.category_id in (with recursive sub(id) as (select id from category where code = :category "
                        + "union all select c.id from category c join sub on c.parent_id = sub.id) select id from sub)",
                        ListQuery.given(f.category()))
                .and("s.level = :level", level == null ? null : Text.enumValue("level", level, StandardLevel.class).name())
                .and("exists (select 1 from edition ye where ye.standard_id = s.id "
                        + "and extract(year from ye.published_at at time zone 'Asia/Shanghai') = :year)", f.year())
                .and("(s.title_zh ilike :q or s.title_en ilike :q or s.number ilike :q"
                        + " or exists (select 1 from edition qe where qe.standard_id = s.id and qe.code ilike :q))",
                        ListQuery.containing(f.q()));
        return q.page(jdbc, STANDARD_SELECT, "select count(*) from standard s", "order by s.id", page,
                Standards::mapStandard);
    }

    public Standard get(Actor viewer, long id) {
        String where = " where s.id = ?" + (viewer == null ? " and" + PUBLIC_STANDARD : "");
        return jdbc.sql(STANDARD_SELECT + where).param(id).query(Standards::mapStandard).optional()
                .orElseThrow(() -> DomainException.notFound("standard", id));
    }

    public PageResult<Edition> editions(Actor viewer, EditionFilter f, PageQuery page) {
        String status = ListQuery.given(f.status());
        ListQuery q = ListQuery.filter();
        if (viewer == null) {
            q.and("e.status in ('PUBLISHED', 'SUPERSEDED', 'ABOLISHED')");
        }
        q.and("e.standard_id = :standardId", f.standardId())
                .and("e.status = :status",
                        status == null ? null : Text.enumValue("status", status, EditionStatus.class).name())
                .and("extract(year from e.published_at at time zone 'Asia/Shanghai') = :year", f.year());
        return q.page(jdbc, EDITION_SELECT, "select count(*) from edition e", "order by e.id", page,
                Standards::mapEdition);
    }

    /** The editions in progress whose working group the account belongs to (any role). */
    public List<Edition> inProgressWithMember(long userId) {
        return jdbc.sql(EDITION_SELECT + " " + """
                         where e.status in ('DRAFTING', 'PUBLIC_COMMENT', 'EXPERT_REVIEW', 'APPROVED')
                           and e.working_group_id in (select working_group_id from working_group_member where user_id = ?)
                         order by e.id""").param(userId).query(Standards::mapEdition).list();
    }

    /** An edition; anonymous viewers see only published, superseded or abolished editions. */
    public Edition edition(Actor viewer, long id) {
        Edition e = jdbc.sql(EDITION_SELECT + " where e.id = ?").param(id).query(Standards::mapEdition).optional()
                .orElseThrow(() -> DomainException.notFound("edition", id));
        if (viewer == null && !e.status().isPublic()) {
            throw DomainException.notFound("edition", id);
        }
        return e;
    }

    public List<HistoryEntry> history(Actor viewer, long editionId) {
        edition(viewer, editionId);
        return jdbc.sql("select * from edition_transition where edition_id = ? order by id").param(editionId)
                .query(HistoryEntry::map)
                .list();
    }

    /** Status of each edition, for the work plan. */
    public Map<Long, EditionStatus> statuses(List<Long> editionIds) {
        Map<Long, EditionStatus> result = new java.util.HashMap<>();
        if (editionIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select id, status from edition where id = any(?)")
                .param(editionIds.toArray(new Long[0]))
                .query((rs, n) -> result.put(rs.getLong(1), EditionStatus.valueOf(rs.getString(2)))).list();
        return result;
    }

    /** What a revision or abolition proposal may target: an existing standard, with its status. */
    public Optional<String> statusOf(long standardId) {
        return jdbc.sql("select status from standard where id = ?").param(standardId).query(String.class).optional();
    }

    /** An edition as the conformance service sees it (no viewer check: callers decide who may test). */
    public Optional<ConformanceTarget> conformanceTarget(long editionId) {
        return jdbc.sql("""
                        select e.id, e.standard_id, e.status, e.code, s.title_zh, s.title_en,
                               (select max(t.at) from edition_transition t
                                 where t.edition_id = e.id and t.to_status = 'SUPERSEDED') as superseded_at
                        from edition e join standard s on s.id = e.standard_id where e.id = ?""")
                .param(editionId)
                .query((rs, n) -> new ConformanceTarget(rs.getLong(1), rs.getLong(2),
                        EditionStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .optional();
    }

    /**
     * A standard with all its editions as the catalog sees it (no viewer check: the catalog marks what
     * is public), each edition with its latest FHIR package, if any.
     */
    public record CatalogSource(long id, String titleZh, String titleEn, String category, StandardLevel level,
                                String number, String status, List<EditionSource> editions) {
    }

    public record EditionSource(long id, EditionStatus status, String code, java.time.LocalDate effectiveDate,
                                java.time.Instant publishedAt, java.time.Instant createdAt, Long supersedesId,
                                Long supersededById, String organization, byte[] fhirPackage) {
    }

    public Optional<CatalogSource> catalogSource(long standardId) {
        List<EditionSource> editions = jdbc.sql("""
                        select e.id, e.status, e.code, e.effective_date, e.published_at, e.created_at, e.supersedes_id,
                               e.superseded_by_id, o.name_zh,
                               (select a.content from artifact_revision a where a.edition_id = e.id and a.name = ?
                                 order by a.revision desc limit 1)
                        from edition e left join working_group g on g.id = e.working_group_id
                             left join organization o on o.id = g.lead_organization_id
                        where e.standard_id = ? order by e.id""")
                .params(Artifacts.FHIR_PACKAGE, standardId)
                .query((rs, n) -> new EditionSource(rs.getLong(1), EditionStatus.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getObject(4, java.time.LocalDate.class),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6).toInstant(), (Long) rs.getObject(7), (Long) rs.getObject(8),
                        rs.getString(9), rs.getBytes(10)))
                .list();
        return jdbc.sql("""
                        select s.id, s.title_zh, s.title_en, c.code, s.level, s.number, s.status
                        from standard s join category c on c.id = s.category_id where s.id = ?""")
                .param(standardId)
                .query((rs, n) -> new CatalogSource(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        StandardLevel.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), editions))
                .optional();
    }

    /** Editions in force or superseded that carry the named artifact, newest first. */
    public List<Long> editionsWithArtifact(String artifactName) {
        return jdbc.sql("""
                        select e.id from edition e where e.status in ('PUBLISHED', 'SUPERSEDED')
                          and exists (select 1 from artifact_revision a where a.edition_id = e.id and a.name = ?)
                        order by e.id desc""")
                .param(artifactName).query(Long.class).list();
    }

    public Optional<Long> publishedEdition(long standardId) {
        return jdbc.sql("select id from edition where standard_id = ? and status = 'PUBLISHED'").param(standardId)
                .query(Long.class).optional();
    }

    public boolean hasEditionInProgress(long standardId) {
        return jdbc.sql("select count(*) from edition where standard_id = ? and status in "
                        + "('DRAFTING', 'PUBLIC_COMMENT', 'EXPERT_REVIEW', 'APPROVED')")
                .param(standardId).query(Long.class).single() > 0;
    }

    public record OpenedDraft(long standardId, long editionId) {
    }

    /** A new standard with its first draft edition, drafted by the given working group. */
    @Transactional
    public OpenedDraft openNewStandard(String actor, String titleZh, String titleEn, long categoryId,
                                       StandardLevel level, long workingGroupId, String reason) {
        long standardId = store.createDraftStandard(titleZh, titleEn, categoryId, level);
        return new OpenedDraft(standardId, store.openDraft(standardId, workingGroupId, null, actor, reason));
    }

    /** A draft revision of a published standard. */
    @Transactional
    public OpenedDraft openRevision(String actor, long standardId, long workingGroupId, String reason) {
        store.lockStandard(standardId);
        long published = publishedEdition(standardId)
                .orElseThrow(() -> DomainException.conflict("no-published-edition", standardId));
        if (hasEditionInProgress(standardId)) {
            throw DomainException.conflict("edition-in-progress", standardId);
        }
        return new OpenedDraft(standardId, store.openDraft(standardId, workingGroupId, published, actor, reason));
    }


    private static Standard mapStandard(ResultSet rs, int n) throws SQLException {
        return new Standard(rs.getLong("id"), rs.getString("title_zh"), rs.getString("title_en"),
                rs.getString("category_code"), StandardLevel.valueOf(rs.getString("level")), rs.getString("number"),
                rs.getString("status"), (Long) rs.getObject("current_edition_id"), rs.getString("current_code"),
                (Long) rs.getObject("latest_edition_id"), rs.getTimestamp("created_at").toInstant());
    }

    static Edition mapEdition(ResultSet rs, int n) throws SQLException {
        EditionStatus status = EditionStatus.valueOf(rs.getString("status"));
        return new Edition(rs.getLong("id"), rs.getLong("standard_id"), rs.getString("title_zh"),
                rs.getString("title_en"), status, rs.getString("code"),
                rs.getObject("effective_date", java.time.LocalDate.class),
                rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                rs.getObject("comment_deadline", java.time.LocalDate.class), (Long) rs.getObject("supersedes_id"),
                (Long) rs.getObject("superseded_by_id"), (Long) rs.getObject("working_group_id"),
                rs.getTimestamp("created_at").toInstant(), EditionLifecycle.allowedTargets(status));
    }
}
