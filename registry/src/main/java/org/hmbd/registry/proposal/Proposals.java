package org.hmbd.registry.proposal;

import java.time.LocalDate;
import java.util.List;
import org.hmbd.registry.auth.Accounts;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.hmbd.registry.standard.Categories;
import org.hmbd.registry.standard.StandardLevel;
import org.hmbd.registry.standard.Standards;
import org.hmbd.registry.standard.WorkingGroups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals (Art. 9) and their decision: acceptance into a year's work plan (Art. 8), which opens
 * the draft and its working group, or rejection with a reason.
 */
@Service
public class Proposals {

    private final ProposalStore store;
    private final Categories categories;
    private final Standards standards;
    private final WorkingGroups groups;
    private final Accounts accounts;

    Proposals(ProposalStore store, Categories categories, Standards standards, WorkingGroups groups,
              Accounts accounts) {
        this.store = store;
        this.categories = categories;
        this.standards = standards;
        this.groups = groups;
        this.accounts = accounts;
    }

    public record ProposalRequest(String kind, String titleZh, String titleEn, String category,
                                  String intendedLevel, String scope, String rationale,
                                  String proposingOrganization, Long targetStandardId) {
    }

    /**
     * Acceptance into the work plan.
     *
     * @param year plan year
     * @param leadOrganizationId organization leading the drafting
     * @param leadUserId lead of the new working group (not needed for an abolition)
     * @param workingGroupName name of the group (default: from the title)
     * @param dueDate when the work is due
     * @param reason optional note on the decision
     */
    public record AcceptRequest(Integer year, Long leadOrganizationId, Long leadUserId, String workingGroupName,
                                LocalDate dueDate, String reason) {
    }

    public record DecisionRequest(String reason) {
    }

    public record ProposalFilter(String status, String kind, String category, String level, Integer year, String q) {
    }

    @Transactional
    public Proposal submit(Actor actor, ProposalRequest req) {
        ProposalKind kind = Text.enumValue("kind", req.kind(), ProposalKind.class);
        String titleZh = Text.required("titleZh", req.titleZh(), 300);
        String titleEn = Text.optional("titleEn", req.titleEn(), 300);
        long categoryId = categories.idOf("category", req.category());
        StandardLevel level = Text.enumValue("intendedLevel", req.intendedLevel(), StandardLevel.class);
        String scope = Text.required("scope", req.scope(), 4000);
        String rationale = Text.required("rationale", req.rationale(), 4000);
        String org = Text.required("proposingOrganization", req.proposingOrganization(), 200);
        Long target = req.targetStandardId();
        if (kind == ProposalKind.NEW) {
            if (target != null) {
                throw DomainException.invalidField("targetStandardId", "not-for-new");
            }
        } else {
            Text.requiredValue("targetStandardId", target);
            String status = standards.statusOf(target)
                    .orElseThrow(() -> DomainException.invalidField("targetStandardId", "unknown-standard", target));
            if (!"ACTIVE".equals(status)) {
                throw DomainException.invalidField("targetStandardId", "standard-not-active", target);
            }
        }
        long id = store.create(new ProposalStore.NewProposal(kind, titleZh, titleEn, categoryId, level, scope,
                rationale, org, actor.id(), target), actor.username());
        return get(id);
    }

    public Proposal get(long id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("proposal", id));
    }

    public PageResult<Proposal> list(ProposalFilter f, PageQuery page) {
        String status = ListQuery.given(f.status());
        String kind = ListQuery.given(f.kind());
        String category = ListQuery.given(f.category());
        String level = ListQuery.given(f.level());
        ListQuery q = ListQuery.filter()
                .and("p.status = :status",
                        status == null ? null : Text.enumValue("status", status, ProposalStatus.class).name())
                .and("p.kind = :kind", kind == null ? null : Text.enumValue("kind", kind, ProposalKind.class).name())
                .and("p.category_id = :category", category == null ? null : categories.idOf("category", category))
                .and("p.intended_level = :level",
                        level == null ? null : Text.enumValue("level", level, StandardLevel.class).name())
                .and("extract(year from p.created_at at time zone 'Asia/Shanghai') = :year", f.year())
                .and("(p.title_zh ilike :q or p.title_en ilike :q or p.scope ilike :q)", ListQuery.containing(f.q()));
        return store.page(q, page);
    }

    /** The proposals an account made, in the order made. */
    public PageResult<Proposal> byProposer(long proposerId, PageQuery page) {
        return store.page(ListQuery.filter().and("p.proposer_id = :proposer", proposerId), page);
    }

    public List<HistoryEntry> history(long id) {
        get(id);
        return store.history(id);
    }

    /** Accepts a proposal into a year's work plan, opening the working group and the draft edition. */
    @Transactional
    public Proposal accept(Actor actor, long id, AcceptRequest req) {
        Proposal p = lock(id);
        actor.require(Role.STANDARDS_ADMIN);
        var move = ProposalLifecycle.check(p.status(), ProposalStatus.ACCEPTED);
        int year = Text.requiredValue("year", req.year());
        int thisYear = BusinessDates.today().getYear();
        if (year < thisYear - 1 || year > thisYear + 5) {
            throw DomainException.invalidField("year", "between", thisYear - 1, thisYear + 5);
        }
        long leadOrg = Text.requiredValue("leadOrganizationId", req.leadOrganizationId());
        try {
            accounts.organization(leadOrg);
        } catch (DomainException e) {
            throw DomainException.invalidField("leadOrganizationId", "unknown-organization", leadOrg);
        }
        LocalDate due = Text.requiredValue("dueDate", req.dueDate());
        if (due.isBefore(BusinessDates.today())) {
            throw DomainException.invalidField("dueDate", "not-past-date");
        }
        String reason = Text.optional("reason", req.reason(), 2000);
        Long groupId = null;
        Long standardId = p.targetStandardId();
        Long editionId = null;
        if (p.kind() != ProposalKind.ABOLITION) {
            long leadUser = Text.requiredValue("leadUserId", req.leadUserId());
            if (!accounts.userExists(leadUser)) {
                throw DomainException.invalidField("leadUserId", "unknown-user", leadUser);
            }
            String name = Text.optional("workingGroupName", req.workingGroupName(), 200);
            groupId = groups.create(name != null ? name : p.titleZh() + " 工作组", leadOrg, leadUser);
            String why = "proposal " + id + " accepted into the " + year + " work plan";
            Standards.OpenedDraft draft = p.kind() == ProposalKind.NEW
                    ? standards.openNewStandard(actor.username(), p.titleZh(), p.titleEn(),
                            categories.idOf("category", p.category()), p.intendedLevel(), groupId, why)
                    : standards.openRevision(actor.username(), p.targetStandardId(), groupId, why);
            standardId = draft.standardId();
            editionId = draft.editionId();
        } else if (!"ACTIVE".equals(standards.statusOf(standardId).orElse(""))) {
            throw DomainException.conflict("standard-not-active", standardId);
        }
        store.addPlanItem(new ProposalStore.NewPlanItem(year, id, leadOrg, groupId, standardId, editionId, due));
        store.move(id, move, actor.username(), reason);
        return get(id);
    }

    @Transactional
    public Proposal reject(Actor actor, long id, DecisionRequest req) {
        Proposal p = lock(id);
        actor.require(Role.STANDARDS_ADMIN);
        store.move(id, ProposalLifecycle.check(p.status(), ProposalStatus.REJECTED), actor.username(),
                Text.required("reason", req.reason(), 2000));
        return get(id);
    }

    @Transactional
    public Proposal withdraw(Actor actor, long id, DecisionRequest req) {
        Proposal p = lock(id);
        if (p.proposerId() != actor.id()) {
            throw DomainException.forbidden("proposer");
        }
        store.move(id, ProposalLifecycle.check(p.status(), ProposalStatus.WITHDRAWN), actor.username(),
                Text.optional("reason", req.reason(), 2000));
        return get(id);
    }

    private Proposal lock(long id) {
        return store.lock(id).orElseThrow(() -> DomainException.notFound("proposal", id));
    }
}
