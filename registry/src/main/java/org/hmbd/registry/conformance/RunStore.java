package org.hmbd.registry.conformance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Transitions;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one owner of the run aggregate's tables: {@code conformance_run}, its history
 * {@code conformance_run_transition} and its files {@code run_upload}. Every status change goes
 * through {@link #move}, i.e. {@link Transitions}; the services ({@link Runs}, {@link RunWorkers},
 * {@link RetentionJob}, {@link RunResults}) hold no SQL on these tables. Callers run it inside
 * their transactions.
 */
@Component
class RunStore {

    private final JdbcClient jdbc;
    private final Transitions transitions;

    RunStore(JdbcClient jdbc, Transitions transitions) {
        this.jdbc = jdbc;
        this.transitions = transitions;
    }

    /** What the guards of a change need to know about a run. */
    record Row(long id, long editionId, long organizationId, RunStatus status, Instant dataDestroyedAt) {
    }

    /** The head of the queue as a claim reads it. */
    record Head(long id, long editionId, RunStatus status, int attempts, boolean cancelRequested) {
    }

    /** A stored file of a run. */
    record Upload(String name, String storageKey, String sha256) {
    }

    // ---- the lifecycle ------------------------------------------------------------------------

    /** A new run awaiting data, with its first history row. */
    long create(long editionId, long organizationId, long submittedBy, String actor) {
        long id = jdbc.sql("""
                        insert into conformance_run (edition_id, organization_id, submitted_by, status)
                        values (:edition, :organization, :user, 'AWAITING_DATA') returning id""")
                .param("edition", editionId).param("organization", organizationId).param("user", submittedBy)
                .query(Long.class).single();
        transitions.created(RunLifecycle.LIFECYCLE, id, RunStatus.AWAITING_DATA, actor, null);
        return id;
    }

    /** A queued copy of a finished run sharing its files, with its first history row. */
    long createRerun(long runId, long submittedBy, String actor) {
        long id = jdbc.sql("""
                        insert into conformance_run (edition_id, organization_id, submitted_by, status, rerun_of,
                                                     bytes_total, resources_estimate, queued_at)
                        select edition_id, organization_id, :user, 'QUEUED', id, bytes_total, resources_estimate, now()
                        from conformance_run where id = :run returning id""")
                .param("user", submittedBy).param("run", runId).query(Long.class).single();
        jdbc.sql("""
                        insert into run_upload (run_id, name, media_type, size_bytes, sha256, storage_key, key_id,
                                                uploaded_at)
                        select :copy, name, media_type, size_bytes, sha256, storage_key, key_id, uploaded_at
                        from run_upload where run_id = :run""")
                .param("copy", id).param("run", runId).update();
        transitions.created(RunLifecycle.LIFECYCLE, id, RunStatus.QUEUED, actor, "re-run of run " + runId);
        return id;
    }

    /** Moves a run (guard, conditional update, version, history: {@link Transitions}). */
    void move(long runId, Lifecycle.Move<RunStatus, RunLifecycle.Party> move, String actor, String reason) {
        transitions.move(RunLifecycle.LIFECYCLE, runId, move, actor, reason, columnsOf(move), Map.of());
    }

    /** Moves a run that a worker finished, recording why it failed (null otherwise). */
    void finish(long runId, Lifecycle.Move<RunStatus, RunLifecycle.Party> move, String actor, String reason,
                String failure) {
        Map<String, Object> p = new HashMap<>();
        p.put("failure", failure);
        transitions.move(RunLifecycle.LIFECYCLE, runId, move, actor, reason,
                "finished_at = now(), failure = :failure, lease_owner = null, lease_until = null", p);
    }

    /** Claims a queued run for a worker under a lease. */
    void start(long runId, Lifecycle.Move<RunStatus, RunLifecycle.Party> move, String node, Duration lease,
               String reason) {
        transitions.move(RunLifecycle.LIFECYCLE, runId, move, RunWorkers.ACTOR, reason, """
                        attempts = attempts + 1, lease_owner = :node,
                        lease_until = now() + make_interval(secs => :lease), started_at = now(), bytes_done = 0,
                        resources_done = 0""",
                Map.of("node", node, "lease", lease.toSeconds()));
    }

    /** The columns a move sets besides the status. */
    private static String columnsOf(Lifecycle.Move<RunStatus, RunLifecycle.Party> move) {
        return switch (move.to()) {
            // submitted: joins the queue; given back by a worker that died: keeps its place
            case QUEUED -> move.from() == RunStatus.AWAITING_DATA ? "queued_at = now()"
                    : "lease_owner = null, lease_until = null";
            case CANCELLED, FAILED, SUCCEEDED -> "finished_at = now(), lease_owner = null, lease_until = null";
            default -> null;
        };
    }

    RunStatus lockStatus(long runId) {
        return RunStatus.valueOf(jdbc.sql("select status from conformance_run where id = :id for update")
                .param("id", runId).query(String.class).single());
    }

    Row row(long runId) {
        return jdbc.sql("select id, edition_id, organization_id, status, data_destroyed_at from conformance_run "
                        + "where id = :id")
                .param("id", runId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        RunStatus.valueOf(rs.getString(4)), instant(rs, "data_destroyed_at")))
                .optional().orElseThrow(() -> DomainException.notFound("conformance-run", runId));
    }

    void requestCancel(long runId) {
        jdbc.sql("update conformance_run set cancel_requested = true where id = :id").param("id", runId).update();
    }

    // ---- files ---------------------------------------------------------------------------------

    long fileCount(long runId) {
        return jdbc.sql("select count(*) from run_upload where run_id = :id").param("id", runId)
                .query(Long.class).single();
    }

    boolean hasFile(long runId, String name) {
        return jdbc.sql("select count(*) from run_upload where run_id = :id and name = :name").param("id", runId)
                .param("name", name).query(Long.class).single() > 0;
    }

    void addFile(long runId, String name, String mediaType, SubmissionStore.Stored stored, String keyId) {
        jdbc.sql("""
                        insert into run_upload (run_id, name, media_type, size_bytes, sha256, storage_key, key_id)
                        values (:run, :name, :type, :size, :sha, :key, :keyId)""")
                .param("run", runId).param("name", name).param("type", mediaType)
                .param("size", stored.sizeBytes()).param("sha", stored.sha256()).param("key", stored.storageKey())
                .param("keyId", keyId).update();
        jdbc.sql("""
                        update conformance_run set bytes_total = bytes_total + :size,
                          resources_estimate = coalesce(resources_estimate, 0) + :lines, version = version + 1
                        where id = :run""")
                .param("size", stored.sizeBytes()).param("lines", stored.lines()).param("run", runId).update();
    }

    List<Runs.FileView> files(long runId) {
        return jdbc.sql("select name, media_type, size_bytes, sha256, uploaded_at from run_upload where run_id = :id "
                        + "order by id")
                .param("id", runId)
                .query((rs, n) -> new Runs.FileView(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    List<Upload> uploads(long runId) {
        return jdbc.sql("select name, storage_key, sha256 from run_upload where run_id = :id order by id")
                .param("id", runId).query((rs, n) -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    // ---- the queue and leases ---------------------------------------------------------------------

    /**
     * The next run to execute, locked for the claim; empty when there is none. A run whose worker died
     * comes first; then queued runs of organizations below {@code maxRunningPerOrganization} running
     * runs, the organization with the fewest running first, then the oldest: fair scheduling, so that
     * one organization's many submissions do not hold back everyone else's.
     */
    Optional<Head> lockHeadOfQueue(int maxRunningPerOrganization) {
        return jdbc.sql("""
                        with running as (
                            select organization_id, count(*) as n from conformance_run
                            where status = 'RUNNING' and lease_until >= now() group by organization_id)
                        select r.id, r.edition_id, r.status, r.attempts, r.cancel_requested
                        from conformance_run r left join running g on g.organization_id = r.organization_id
                        where (r.status = 'RUNNING' and r.lease_until < now())
                           or (r.status = 'QUEUED' and coalesce(g.n, 0) < :maxRunning)
                        order by (r.status = 'RUNNING') desc, coalesce(g.n, 0), r.queued_at, r.id
                        limit 1 for update of r skip locked""")
                .param("maxRunning", maxRunningPerOrganization)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), RunStatus.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getBoolean(5)))
                .optional();
    }

    /** Whether {@code node} still holds the run's lease (locking the run). */
    boolean ownsLease(long runId, String node) {
        return jdbc.sql("select id from conformance_run where id = :id and status = 'RUNNING' and lease_owner = :node "
                        + "for update")
                .param("id", runId).param("node", node).query(Long.class).optional().isPresent();
    }

    /**
     * Renews the lease and records progress; empty when the lease is lost, else whether a
     * cancellation was requested.
     */
    Optional<Boolean> heartbeat(long runId, String node, Duration lease, long bytesDone, long resourcesDone) {
        return jdbc.sql("""
                        update conformance_run set lease_until = now() + make_interval(secs => :lease),
                          bytes_done = :bytes, resources_done = :resources
                        where id = :id and lease_owner = :node and status = 'RUNNING'
                        returning cancel_requested""")
                .param("lease", lease.toSeconds()).param("bytes", bytesDone).param("resources", resourcesDone)
                .param("id", runId).param("node", node).query(Boolean.class).optional();
    }

    /** Ends the leases of {@code node} at once (shutting down); the runs are taken up again. */
    int releaseLeases(String node) {
        return jdbc.sql("update conformance_run set lease_until = now() where lease_owner = :node and status = 'RUNNING'")
                .param("node", node).update();
    }

    // ---- results and retention ---------------------------------------------------------------

    record ResultColumns(byte[] reportGz, String reportSha256, Double score, String levelCode, Boolean passed,
                         long resources, long errors, long warnings, String scoresJson) {
    }

    void storeResult(long runId, ResultColumns r) {
        jdbc.sql("""
                        update conformance_run set report_gz = :gz, report_sha256 = :sha, score = :score,
                          level_code = :level, passed = :passed, resources = :resources, errors = :errors,
                          warnings = :warnings, scores = cast(:scores as jsonb), resources_done = :resources,
                          bytes_done = bytes_total
                        where id = :id""")
                .param("gz", r.reportGz()).param("sha", r.reportSha256()).param("score", r.score())
                .param("level", r.levelCode()).param("passed", r.passed()).param("resources", r.resources())
                .param("errors", r.errors()).param("warnings", r.warnings()).param("scores", r.scoresJson())
                .param("id", runId).update();
    }

    /** The stored report (gzip-compressed JSON) of a run, if any. */
    Optional<byte[]> report(long runId) {
        return jdbc.sql("select report_gz from conformance_run where id = :id").param("id", runId)
                .query(byte[].class).optional();
    }

    List<Long> awaitingDataSince(Instant cutoff) {
        return jdbc.sql("select id from conformance_run where status = 'AWAITING_DATA' and created_at < :cutoff "
                        + "order by id")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).list();
    }

    /** Runs past retention whose files no run still within retention (or unfinished) shares. */
    List<Long> dueForDestruction(Instant cutoff) {
        return jdbc.sql("""
                        select r.id from conformance_run r
                        where r.data_destroyed_at is null and r.finished_at < :cutoff
                          and not exists (
                            select 1 from run_upload u join run_upload u2 on u2.storage_key = u.storage_key
                            join conformance_run r2 on r2.id = u2.run_id
                            where u.run_id = r.id and (r2.finished_at is null or r2.finished_at >= :cutoff))
                        order by r.id""")
                .param("cutoff", Timestamp.from(cutoff)).query(Long.class).list();
    }

    List<String> storageKeys(long runId) {
        return jdbc.sql("select storage_key from run_upload where run_id = :id").param("id", runId)
                .query(String.class).list();
    }

    void markDataDestroyed(long runId) {
        jdbc.sql("update conformance_run set data_destroyed_at = now() where id = :id").param("id", runId).update();
    }

    // ---- reading -------------------------------------------------------------------------------------

    private static final String SELECT = """
            select r.*, e.code as edition_code, o.name_zh as organization_name, o.region_code,
                   u.username as submitted_by_name, c.number as certificate_number
            from conformance_run r
            join organization o on o.id = r.organization_id
            join edition e on e.id = r.edition_id
            join app_user u on u.id = r.submitted_by
            left join certificate c on c.run_id = r.id""";
    private static final String COUNT =
            "select count(*) from conformance_run r join organization o on o.id = r.organization_id";

    <T> PageResult<T> page(ListQuery q, PageQuery page, RowMapper<T> mapper) {
        return q.page(jdbc, SELECT, COUNT, "order by r.id desc", page, mapper);
    }

    <T> Optional<T> find(ListQuery q, RowMapper<T> mapper) {
        return q.list(jdbc, SELECT, "order by r.id", mapper).stream().findFirst();
    }

    List<HistoryEntry> history(long runId) {
        return jdbc.sql("select * from conformance_run_transition where run_id = :id order by id").param("id", runId)
                .query(HistoryEntry::map).list();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
