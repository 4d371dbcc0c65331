package org.hmbd.registry.proposal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.standard.EditionStatus;
import org.hmbd.registry.standard.Standards;
import org.springframework.stereotype.Service;

/** The annual work plan (Art. 8): accepted proposals, who drafts them, by when, and what is overdue. */
@Service
public class WorkPlan {

    private final ProposalStore store;
    private final Standards standards;

    WorkPlan(ProposalStore store, Standards standards) {
        this.store = store;
        this.standards = standards;
    }

    /** {@code IN_PROGRESS} until the edition is published (or, for an abolition, the standard abolished). */
    public enum ItemState { IN_PROGRESS, DONE, CANCELLED }

    public record PlanItem(long id, int year, long proposalId, ProposalKind kind, String titleZh, String titleEn,
                           long leadOrganizationId, Long workingGroupId, Long standardId, Long editionId,
                           EditionStatus editionStatus, LocalDate dueDate, ItemState state, boolean overdue) {
    }

    public PageResult<PlanItem> items(Integer year, Boolean overdue, PageQuery page) {
        // overdue is derived from edition states owned by the standard module: filter after loading
        List<ProposalStore.PlanRow> rows = store.planItems(year);
        Map<Long, EditionStatus> statuses = standards.statuses(
                rows.stream().map(ProposalStore.PlanRow::editionId).filter(java.util.Objects::nonNull).toList());
        LocalDate today = BusinessDates.today();
        List<PlanItem> all = rows.stream().map(r -> {
            EditionStatus es = r.editionId() == null ? null : statuses.get(r.editionId());
            ItemState state = state(r, es);
            return new PlanItem(r.id(), r.year(), r.proposalId(), r.kind(), r.titleZh(), r.titleEn(),
                    r.leadOrganizationId(), r.workingGroupId(), r.standardId(), r.editionId(), es, r.dueDate(), state,
                    state == ItemState.IN_PROGRESS && r.dueDate().isBefore(today));
        }).filter(i -> overdue == null || i.overdue() == overdue).toList();
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.size(), all.size());
        return new PageResult<>(all.subList(from, to), page.page(), page.size(), all.size());
    }

    private ItemState state(ProposalStore.PlanRow r, EditionStatus es) {
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
