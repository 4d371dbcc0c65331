package org.hmbd.registry.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hmbd.registry.StoreContract;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.Transitions;
import org.hmbd.registry.standard.StandardLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contract of the proposal aggregate's store, on its own, on real PostgreSQL. */
class ProposalStoreIT extends StoreContract {

    private JdbcClient jdbc;
    private ProposalStore store;
    private long proposer;
    private long organization;
    private long category;

    @BeforeEach
    void setUp() {
        jdbc = database();
        store = new ProposalStore(jdbc, new Transitions(jdbc));
        organization = organization(jdbc, "110105");
        proposer = user(jdbc, organization);
        category = jdbc.sql("select id from category where code = 'DATA_SET'").query(Long.class).single();
    }

    private long submit(String title) {
        return store.create(new ProposalStore.NewProposal(ProposalKind.NEW, title, "Title", category,
                StandardLevel.WS, "范围", "理由", "某医院", proposer, null), "citizen");
    }

    @Test
    void aProposalIsStoredAsSubmittedWithItsHistory() {
        long id = submit("电子病历数据集" + unique());
        Proposal p = store.find(id).orElseThrow();
        assertThat(p.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(p.category()).isEqualTo("DATA_SET");
        assertThat(p.proposerId()).isEqualTo(proposer);
        assertThat(p.planItemId()).isNull();
        assertThat(store.history(id)).singleElement().satisfies(h -> {
            assertThat(h.to()).isEqualTo("SUBMITTED");
            assertThat(h.actor()).isEqualTo("citizen");
        });
        assertThat(store.find(-1)).isEmpty();
        assertThat(store.lock(-1)).isEmpty();
    }

    @Test
    void aDecisionMovesItOnceOnly() {
        long id = submit("居民健康档案" + unique());
        var reject = ProposalLifecycle.check(ProposalStatus.SUBMITTED, ProposalStatus.REJECTED);
        store.move(id, reject, "admin", "重复");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThatThrownBy(() -> store.move(id, ProposalLifecycle.check(ProposalStatus.SUBMITTED,
                ProposalStatus.WITHDRAWN), "citizen", null)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(store.history(id)).extracting(h -> h.to() + ":" + h.reason())
                .containsExactly("SUBMITTED:null", "REJECTED:重复");
    }

    @Test
    void anAcceptedProposalEntersTheWorkPlan() {
        long id = submit("检验结果共享" + unique());
        int year = 2030 + (int) (unique() % 50);
        store.addPlanItem(new ProposalStore.NewPlanItem(year, id, organization, null, null, null,
                LocalDate.of(year, 12, 31)));
        store.move(id, ProposalLifecycle.check(ProposalStatus.SUBMITTED, ProposalStatus.ACCEPTED), "admin", null);
        assertThat(store.find(id).orElseThrow().planItemId()).isNotNull();
        assertThat(store.planItems(year)).singleElement().satisfies(r -> {
            assertThat(r.proposalId()).isEqualTo(id);
            assertThat(r.kind()).isEqualTo(ProposalKind.NEW);
            assertThat(r.dueDate()).isEqualTo(LocalDate.of(year, 12, 31));
        });
        assertThat(store.planItems(year + 1000)).isEmpty();
    }

    @Test
    void listsFilterAndPage() {
        String marker = "影像" + unique();
        long a = submit(marker + "甲");
        long b = submit(marker + "乙");
        var page = store.page(ListQuery.filter().and("p.title_zh ilike :q", ListQuery.containing(marker)),
                new PageQuery(0, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Proposal::id).containsExactly(a);
        assertThat(store.page(ListQuery.filter().and("p.title_zh ilike :q", ListQuery.containing(marker)),
                new PageQuery(1, 1)).items()).extracting(Proposal::id).containsExactly(b);
    }
}
