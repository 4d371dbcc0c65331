package org.hmbd.registry.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.standard.EditionStatus;
import org.hmbd.registry.standard.Standards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The annual work plan (Art. 8): accepted proposals, who drafts them, by when, and what is overdue. */
@Service
public class WorkPlan {

    private final JdbcClient jdbc;
    private final Standards standards;

    WorkPlan(JdbcClient jdbc, Standards standards) {
        this.jdbc = jdbc;
        this.standards = standards;
    }

    /** {@code IN_PROGRESS} until the edition is published (or, for an abolition, the standard abolished). */
    public enum ItemState { IN_PROGRESS, DONE, CANCELLED }

    public record PlanItem(long id, int year, long proposalId, ProposalKind kind, String titleZh, String titleEn,
                           long leadOrganizationId, Long workingGroupId, Long standardId, Long editionId,
                           EditionStatus editionStatus, LocalDate dueDate, ItemState state, boolean overdue) {
    }

    private record Row(long id, int year, long proposalId, ProposalKind kind, String titleZh, String titleEn,
                       long leadOrg, Long groupId, Long standardId, Long editionId, LocalDate due) {
    }

    public PageResult<PlanItem> items(Integer year, Boolean overdue, PageQuery page) {
        // overdue is derived from edition states owned by the standard module: filter after loading
        List<Row> rows = ListQuery.filter().and("i.plan_year = :year", year).list(jdbc, """
                        select i.id, i.plan_year, i.proposal_id, p.kind, p.title_zh, p.title_en,
                               i.lead_organization_id, i.working_group_id, i.standard_id, i.edition_id, i.due_date
                        from plan_item i join proposal p on p.id = i.proposal_id""", "order by i.due_date, i.id",
                (rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3),
                        ProposalKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                        (Long) rs.getObject(8), (Long) rs.getObject(9), (Long) rs.getObject(10),
                        rs.getObject(11, LocalDate.class)));
        Map<Long, EditionStatus> statuses = standards.statuses(
                rows.stream().map(Row::editionId).filter(java.util.Objects::nonNull).toList());
        LocalDate today = BusinessDates.today();
        List<PlanItem> all = rows.stream().map(r -> {
            EditionStatus es = r.editionId() == null ? null : statuses.get(r.editionId());
            ItemState state = state(r, es);
            return new PlanItem(r.id(), r.year(), r.proposalId(), r.kind(), r.titleZh(), r.titleEn(), r.leadOrg(),
                    r.groupId(), r.standardId(), r.editionId(), es, r.due(), state,
                    state == ItemState.IN_PROGRESS && r.due().isBefore(today));
        }).filter(i -> overdue == null || i.overdue() == overdue).toList();
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
    }

    private ItemState state(Row r, EditionStatus es) {
        if (r.kind() == ProposalKind.ABOLITION) {
            return "ABOLISHED".equals(standards.statusOf(r.standardId()).orElse("")) ? ItemState.DONE
                    : ItemState.IN_PROGRESS;
        }
        if (es == null) {
            return ItemState.IN_PROGRESS;
        }
        return switch (es) {
            case PUBLISHED, SUPERSEDED, ABOLISHED -> ItemState.DONE;
            case WITHDRAWN -> ItemState.CANCELLED;
            default -> ItemState.IN_PROGRESS;
        };
    }
}
