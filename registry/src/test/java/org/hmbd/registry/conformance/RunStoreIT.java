package org.hmbd.registry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.hmbd.registry.StoreContract;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.Transitions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The contract of the run aggregate's store, on its own, on real PostgreSQL. */
class RunStoreIT extends StoreContract {

    private JdbcClient jdbc;
    private RunStore store;
    private long edition;
    private long organization;
    private long user;

    @BeforeEach
    void setUp() {
        jdbc = database();
        store = new RunStore(jdbc, new Transitions(jdbc));
        edition = publishedEdition(jdbc);
        organization = organization(jdbc, "350102");
        user = user(jdbc, organization);
    }

    private static RunLifecycle.Party submitter() {
        return RunLifecycle.Party.SUBMITTER;
    }

    private long queuedRunWithAFile() {
        long id = store.create(edition, organization, user, "tester");
        store.addFile(id, "a.ndjson", "application/x-ndjson",
                new SubmissionStore.Stored("key-" + unique(), 120, "ab".repeat(32), 3), "k1");
        store.move(id, RunLifecycle.check(RunStatus.AWAITING_DATA, RunStatus.QUEUED, submitter()), "tester", null);
        return id;
    }

    @Test
    void aNewRunAwaitsDataWithItsFirstHistoryRow() {
        long id = store.create(edition, organization, user, "tester");
        RunStore.Row row = store.row(id);
        assertThat(row.status()).isEqualTo(RunStatus.AWAITING_DATA);
        assertThat(row.organizationId()).isEqualTo(organization);
        assertThat(store.history(id)).singleElement().satisfies(h -> {
            assertThat(h.from()).isNull();
            assertThat(h.to()).isEqualTo("AWAITING_DATA");
            assertThat(h.actor()).isEqualTo("tester");
        });
    }

    @Test
    void filesAddUpAndAreListedInOrder() {
        long id = store.create(edition, organization, user, "tester");
        store.addFile(id, "a.ndjson", null, new SubmissionStore.Stored("ka" + unique(), 100, "a".repeat(64), 2), "k1");
        store.addFile(id, "b.ndjson", null, new SubmissionStore.Stored("kb" + unique(), 50, "b".repeat(64), 1), "k1");
        assertThat(store.fileCount(id)).isEqualTo(2);
        assertThat(store.hasFile(id, "a.ndjson")).isTrue();
        assertThat(store.hasFile(id, "c.ndjson")).isFalse();
        assertThat(store.files(id)).extracting(Runs.FileView::name).containsExactly("a.ndjson", "b.ndjson");
        assertThat(jdbc.sql("select bytes_total || '/' || resources_estimate from conformance_run where id = ?")
                .param(id).query(String.class).single()).isEqualTo("150/3");
    }

    @Test
    void submittingQueuesTheRunAndStampsIt() {
        long id = queuedRunWithAFile();
        assertThat(store.row(id).status()).isEqualTo(RunStatus.QUEUED);
        assertThat(jdbc.sql("select queued_at is not null from conformance_run where id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
        assertThat(store.history(id)).extracting(h -> h.to()).containsExactly("AWAITING_DATA", "QUEUED");
    }

    @Test
    void aWorkerClaimsHoldsAndFinishesARunUnderItsLease() {
        long id = queuedRunWithAFile();
        // the oldest queued run of this test: claim it as the queue's head would be claimed
        store.start(id, RunLifecycle.check(RunStatus.QUEUED, RunStatus.RUNNING, RunLifecycle.Party.SYSTEM), "node-a",
                Duration.ofSeconds(60), "attempt 1");
        assertThat(store.ownsLease(id, "node-a")).isTrue();
        assertThat(store.ownsLease(id, "node-b")).isFalse();
        assertThat(store.heartbeat(id, "node-a", Duration.ofSeconds(60), 60, 1)).contains(false);
        assertThat(store.heartbeat(id, "node-b", Duration.ofSeconds(60), 60, 1)).isEmpty();
        store.requestCancel(id);
        assertThat(store.heartbeat(id, "node-a", Duration.ofSeconds(60), 60, 1)).contains(true);
        store.finish(id, RunLifecycle.check(RunStatus.RUNNING, RunStatus.FAILED, RunLifecycle.Party.SYSTEM), "system",
                "validation failed", "失败 / failed");
        assertThat(store.row(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.ownsLease(id, "node-a")).isFalse();
        assertThat(jdbc.sql("select failure from conformance_run where id = ?").param(id).query(String.class)
                .single()).isEqualTo("失败 / failed");
    }

    @Test
    void theQueueServesTheOrganizationWithFewestRunningRunsFirstAndHoldsOneAtItsLimit() {
        // a database of its own: the queue is global
        JdbcClient db = JdbcClient.create(freshDatabase());
        RunStore queue = new RunStore(db, new Transitions(db));
        long ed = publishedEdition(db);
        long big = organization(db, "350102");
        long small = organization(db, "350103");
        long bigUser = user(db, big);
        long smallUser = user(db, small);
        java.util.function.BiFunction<Long, Long, Long> queued = (org, u) -> {
            long id = queue.create(ed, org, u, "tester");
            queue.addFile(id, "a.ndjson", "application/x-ndjson",
                    new SubmissionStore.Stored("key-" + unique(), 10, "ab".repeat(32), 1), "k1");
            queue.move(id, RunLifecycle.check(RunStatus.AWAITING_DATA, RunStatus.QUEUED, submitter()), "tester", null);
            return id;
        };
        long running = queued.apply(big, bigUser);
        queue.start(running, RunLifecycle.check(RunStatus.QUEUED, RunStatus.RUNNING, RunLifecycle.Party.SYSTEM),
                "node-a", Duration.ofMinutes(5), "attempt 1");
        long bigNext = queued.apply(big, bigUser);
        queued.apply(big, bigUser);
        long smallFirst = queued.apply(small, smallUser);
        // the big organization queued first, but already runs one: the small one goes ahead
        assertThat(queue.lockHeadOfQueue(2).map(RunStore.Head::id)).contains(smallFirst);
        db.sql("update conformance_run set status = 'CANCELLED' where id = ?").param(smallFirst).update();
        assertThat(queue.lockHeadOfQueue(2).map(RunStore.Head::id)).contains(bigNext);
        // at its limit, the big organization waits even with workers free
        assertThat(queue.lockHeadOfQueue(1)).isEmpty();
        // a run whose worker died comes first of all
        db.sql("update conformance_run set lease_until = now() - interval '1 minute' where id = ?").param(running)
                .update();
        assertThat(queue.lockHeadOfQueue(1).map(RunStore.Head::id)).contains(running);
    }

    @Test
    void aRunGivenBackByADeadWorkerKeepsItsPlaceInTheQueue() {
        long id = queuedRunWithAFile();
        Instant queuedAt = jdbc.sql("select queued_at from conformance_run where id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant();
        store.start(id, RunLifecycle.check(RunStatus.QUEUED, RunStatus.RUNNING, RunLifecycle.Party.SYSTEM), "node-a",
                Duration.ofSeconds(60), "attempt 1");
        assertThat(store.releaseLeases("node-a")).isEqualTo(1);
        store.move(id, RunLifecycle.check(RunStatus.RUNNING, RunStatus.QUEUED, RunLifecycle.Party.SYSTEM), "system",
                "lease expired");
        assertThat(jdbc.sql("select queued_at from conformance_run where id = ?").param(id)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(queuedAt);
        assertThat(jdbc.sql("select lease_owner is null and attempts = 1 from conformance_run where id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aMoveFromAStaleStateIsRefusedAndChangesNothing() {
        long id = queuedRunWithAFile();
        var stale = RunLifecycle.check(RunStatus.AWAITING_DATA, RunStatus.CANCELLED, submitter());
        assertThatThrownBy(() -> store.move(id, stale, "late", null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(store.row(id).status()).isEqualTo(RunStatus.QUEUED);
        assertThat(store.history(id)).hasSize(2);
    }

    @Test
    void aRerunSharesTheFilesAndStartsQueued() {
        long id = queuedRunWithAFile();
        long copy = store.createRerun(id, user, "tester");
        assertThat(store.row(copy).status()).isEqualTo(RunStatus.QUEUED);
        assertThat(store.uploads(copy)).extracting(RunStore.Upload::storageKey)
                .containsExactlyElementsOf(store.uploads(id).stream().map(RunStore.Upload::storageKey).toList());
        assertThat(store.history(copy)).singleElement().satisfies(h -> assertThat(h.reason()).contains("re-run of run " + id));
    }

    @Test
    void retentionFindsRunsPastTheCutoffOnly() {
        long old = store.create(edition, organization, user, "tester");
        jdbc.sql("update conformance_run set created_at = now() - interval '100 days' where id = ?").param(old).update();
        long recent = store.create(edition, organization, user, "tester");
        Instant cutoff = Instant.now().minus(Duration.ofDays(90));
        assertThat(store.awaitingDataSince(cutoff)).contains(old).doesNotContain(recent);
        store.markDataDestroyed(old);
        assertThat(jdbc.sql("select data_destroyed_at is not null from conformance_run where id = ?").param(old)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void listsArePagedAndScopedByOrganization() {
        long mine = store.create(edition, organization, user, "tester");
        long other = organization(jdbc, "110105");
        long theirs = store.create(edition, other, user(jdbc, other), "tester");
        var page = store.page(Visibility.Scope.organization(organization).restrict(ListQuery.filter(), "o")
                .and("r.edition_id = :editionId", edition), new PageQuery(0, 20), (rs, n) -> rs.getLong("id"));
        assertThat(page.items()).contains(mine).doesNotContain(theirs);
        assertThat(page.total()).isEqualTo(page.items().size());
        String path = jdbc.sql("select path from organization where id = ?").param(organization).query(String.class)
                .single();
        var regional = store.page(new Visibility.Scope(false, path, organization).restrict(ListQuery.filter(), "o")
                .and("r.edition_id = :editionId", edition), new PageQuery(0, 20), (rs, n) -> rs.getLong("id"));
        assertThat(regional.items()).contains(mine).doesNotContain(theirs);
        var all = store.page(Visibility.ALL.restrict(ListQuery.filter(), "o").and("r.edition_id = :editionId", edition),
                new PageQuery(0, 1), (rs, n) -> rs.getLong("id"));
        assertThat(all.items()).hasSize(1);
        assertThat(all.total()).isGreaterThanOrEqualTo(2);
        assertThat(store.find(ListQuery.filter().and("r.id = :id", theirs), (rs, n) -> rs.getLong("organization_id")))
                .contains(other);
    }
}
