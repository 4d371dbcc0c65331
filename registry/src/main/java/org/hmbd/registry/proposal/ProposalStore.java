package org.hmbd.registry.proposal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Transitions;
import org.hmbd.registry.standard.StandardLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one owner of the proposal aggregate's tables: {@code proposal}, its history
 * {@code proposal_transition}, and the work plan's {@code plan_item} it enters on acceptance.
 * Every status change goes through {@link Transitions}.
 */
@Component
class ProposalStore {

    private final JdbcClient jdbc;
    private final Transitions transitions;

    ProposalStore(JdbcClient jdbc, Transitions transitions) {
        this.jdbc = jdbc;
        this.transitions = transitions;
    }

    /** What a new proposal records; checked by the caller. */
    record NewProposal(ProposalKind kind, String titleZh, String titleEn, long categoryId, StandardLevel level,
                       String scope, String rationale, String proposingOrganization, long proposerId,
                       Long targetStandardId) {
    }

    /** An item of the annual work plan. */
    record NewPlanItem(int year, long proposalId, long leadOrganizationId, Long workingGroupId, Long standardId,
                       Long editionId, LocalDate dueDate) {
    }

    /** A plan item as stored, with its proposal's kind and titles. */
    record PlanRow(long id, int year, long proposalId, ProposalKind kind, String titleZh, String titleEn,
                   long leadOrganizationId, Long workingGroupId, Long standardId, Long editionId, LocalDate dueDate) {
    }

    /** A submitted proposal, with its first history row; its id. */
    long create(NewProposal p, String actor) {
        long id = jdbc.sql("""
                        insert into proposal (kind, title_zh, title_en, category_id, intended_level, scope, rationale,
                                              proposing_org, proposer_id, target_standard_id, status)
                        values (:kind, :titleZh, :titleEn, :category, :level, :scope, :rationale, :org, :proposer,
                                :target, 'SUBMITTED') returning id""")
                .param("kind", p.kind().name()).param("titleZh", p.titleZh()).param("titleEn", p.titleEn())
                .param("category", p.categoryId()).param("level", p.level().name()).param("scope", p.scope())
                .param("rationale", p.rationale()).param("org", p.proposingOrganization())
                .param("proposer", p.proposerId()).param("target", p.targetStandardId())
                .query(Long.class).single();
        transitions.created(ProposalLifecycle.LIFECYCLE, id, ProposalStatus.SUBMITTED, actor, null);
        return id;
    }

    void move(long id, Lifecycle.Move<ProposalStatus, ProposalLifecycle.Party> move, String actor, String reason) {
        transitions.move(ProposalLifecycle.LIFECYCLE, id, move, actor, reason);
    }

    Optional<Proposal> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(ProposalStore::map).optional();
    }

    /** The proposal, its row locked until the transaction ends; empty when there is none. */
    Optional<Proposal> lock(long id) {
        return jdbc.sql("select id from proposal where id = :id for update").param("id", id).query(Long.class)
                .optional().flatMap(this::find);
    }

    PageResult<Proposal> page(ListQuery q, PageQuery page) {
        return q.page(jdbc, SELECT, "select count(*) from proposal p", "order by p.id", page, ProposalStore::map);
    }

    List<HistoryEntry> history(long id) {
        return jdbc.sql("select * from proposal_transition where proposal_id = :id order by id").param("id", id)
                .query(HistoryEntry::map).list();
    }

    void addPlanItem(NewPlanItem i) {
        jdbc.sql("""
                        insert into plan_item (plan_year, proposal_id, lead_organization_id, working_group_id,
                                               standard_id, edition_id, due_date)
                        values (:year, :proposal, :org, :group, :standard, :edition, :due)""")
                .param("year", i.year()).param("proposal", i.proposalId()).param("org", i.leadOrganizationId())
                .param("group", i.workingGroupId()).param("standard", i.standardId()).param("edition", i.editionId())
                .param("due", Date.valueOf(i.dueDate())).update();
    }

    /** The plan's items of a year (all years when null), by due date. */
    List<PlanRow> planItems(Integer year) {
        return ListQuery.filter().and("i.plan_year = :year", year).list(jdbc, """
                        select i.id, i.plan_year, i.proposal_id, p.kind, p.title_zh, p.title_en,
                               i.lead_organization_id, i.working_group_id, i.standard_id, i.edition_id, i.due_date
                        from plan_item i join proposal p on p.id = i.proposal_id""", "order by i.due_date, i.id",
                (rs, n) -> new PlanRow(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        ProposalKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                        (Long) rs.getObject(8), (Long) rs.getObject(9), (Long) rs.getObject(10),
                        rs.getObject(11, LocalDate.class)));
    }

    private static final String SELECT = """
            select p.*, c.code as category_code, u.username as proposer, pi.id as plan_item_id
            from proposal p join category c on c.id = p.category_id join app_user u on u.id = p.proposer_id
            left join plan_item pi on pi.proposal_id = p.id""";

    private static Proposal map(ResultSet rs, int n) throws SQLException {
        ProposalStatus status = ProposalStatus.valueOf(rs.getString("status"));
        return new Proposal(rs.getLong("id"), ProposalKind.valueOf(rs.getString("kind")), rs.getString("title_zh"),
                rs.getString("title_en"), rs.getString("category_code"),
                StandardLevel.valueOf(rs.getString("intended_level")), rs.getString("scope"),
                rs.getString("rationale"), rs.getString("proposing_org"), rs.getLong("proposer_id"),
                rs.getString("proposer"), (Long) rs.getObject("target_standard_id"), status,
                rs.getTimestamp("created_at").toInstant(), (Long) rs.getObject("plan_item_id"),
                ProposalLifecycle.allowedTargets(status));
    }
}
