package org.hmbd.registry.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.hmbd.registry.StoreContract;
import org.hmbd.registry.shared.Transitions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contract of the standard aggregate's store, on its own, on real PostgreSQL. */
class EditionStoreIT extends StoreContract {

    private JdbcClient jdbc;
    private EditionStore store;
    private long category;
    private long group;

    @BeforeEach
    void setUp() {
        jdbc = database();
        store = new EditionStore(jdbc, new Transitions(jdbc));
        category = jdbc.sql("select id from category where code = 'DATA_SET'").query(Long.class).single();
        group = jdbc.sql("insert into working_group (name, lead_organization_id) values ('组', ?) returning id")
                .param(organization(jdbc, "110105")).query(Long.class).single();
    }

    private String status(String table, long id) {
        return jdbc.sql("select status from " + table + " where id = ?").param(id).query(String.class).single();
    }

    @Test
    void aNewStandardIsDraftedWithItsFirstEdition() {
        long standard = store.createDraftStandard("新标准" + unique(), null, category, StandardLevel.WS);
        long edition = store.openDraft(standard, group, null, "admin", "accepted into the plan");
        assertThat(status("standard", standard)).isEqualTo("DRAFT");
        assertThat(status("edition", edition)).isEqualTo("DRAFTING");
        EditionStore.Locked locked = store.lock(edition).orElseThrow();
        assertThat(locked.standardId()).isEqualTo(standard);
        assertThat(locked.workingGroupId()).isEqualTo(group);
        assertThat(locked.level()).isEqualTo("WS");
        assertThat(store.lock(-1)).isEmpty();
        assertThat(jdbc.sql("select reason from edition_transition where edition_id = ?").param(edition)
                .query(String.class).single()).isEqualTo("accepted into the plan");
    }

    @Test
    void publishingARevisionSupersedesTheEditionInForce() {
        String number = "WS/T " + unique();
        long standard = store.createShippedStandard("在用标准", "In force", StandardLevel.WS, number);
        long first = store.registerShipped(standard, number + "-2025", LocalDate.of(2025, 1, 1), "pkg" + unique(),
                "system", "shipped");
        long revision = store.openDraft(standard, group, first, "admin", "revision");
        store.supersede(first, revision, "admin", "superseded by " + number + "-2026");
        store.recordPublication(revision, number + "-2026", LocalDate.of(2026, 12, 31));
        assertThat(status("edition", first)).isEqualTo("SUPERSEDED");
        assertThat(jdbc.sql("select superseded_by_id from edition where id = ?").param(first).query(Long.class)
                .single()).isEqualTo(revision);
        assertThat(jdbc.sql("select code from edition where id = ?").param(revision).query(String.class).single())
                .isEqualTo(number + "-2026");
        // an edition code is unique
        long other = store.openDraft(store.createDraftStandard("另一标准", null, category, StandardLevel.WS), group,
                null, "admin", null);
        assertThatThrownBy(() -> store.recordPublication(other, number + "-2026", LocalDate.of(2026, 12, 31)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theStandardsOwnStatusFollowsItsEditions() {
        long draft = store.createDraftStandard("草案" + unique(), null, category, StandardLevel.WS);
        long edition = store.openDraft(draft, group, null, "admin", null);
        store.withdrawIfNoEditionLeft(draft);
        assertThat(status("standard", draft)).as("an edition is still being drafted").isEqualTo("DRAFT");
        store.move(edition, EditionLifecycle.check(EditionStatus.DRAFTING, EditionStatus.WITHDRAWN, false), "admin",
                "no longer needed");
        store.withdrawIfNoEditionLeft(draft);
        assertThat(status("standard", draft)).isEqualTo("WITHDRAWN");

        long standard = store.createDraftStandard("将生效" + unique(), null, category, StandardLevel.WS);
        store.activate(standard, "WS/T " + unique());
        assertThat(status("standard", standard)).isEqualTo("ACTIVE");
        store.abolish(standard);
        assertThat(status("standard", standard)).isEqualTo("ABOLISHED");
    }

    @Test
    void theCommentDeadlineIsKept() {
        long edition = store.openDraft(store.createDraftStandard("征求意见" + unique(), null, category,
                StandardLevel.WS), group, null, "admin", null);
        store.setCommentDeadline(edition, LocalDate.of(2027, 1, 31));
        assertThat(jdbc.sql("select comment_deadline from edition where id = ?").param(edition)
                .query(java.sql.Date.class).single().toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 31));
    }
}
