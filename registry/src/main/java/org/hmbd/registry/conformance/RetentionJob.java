package org.hmbd.registry.conformance;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hmbd.registry.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Destroys submitted data once the retention period after its run ended has passed: the encrypted
 * files are deleted, the run records when, and each destruction is written to the audit log. Files
 * shared by a run and its re-runs go when the last of them is past retention. Runs left awaiting
 * data beyond the retention period are cancelled first. Reports (identifiers masked) are kept.
 */
@Component
class RetentionJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SubmissionStore store;
    private final AuditLog audit;
    private final Runs runs;
    private final ConformanceProperties props;
    private ScheduledExecutorService timer;

    RetentionJob(JdbcClient jdbc, TransactionTemplate tx, SubmissionStore store, AuditLog audit, Runs runs,
                 ConformanceProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.audit = audit;
        this.runs = runs;
        this.props = props;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hmbd-retention");
            t.setDaemon(true);
            return t;
        });
        long every = props.retentionCheckInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                destroyExpired();
            } catch (RuntimeException e) {
                log.error("retention job: {}", e.toString());
            }
        }, Math.min(every, 10_000), every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** One pass; returns the number of runs whose data was destroyed. */
    int destroyExpired() {
        Timestamp cutoff = Timestamp.from(Instant.now().atZone(ZoneOffset.UTC).minus(props.retention()).toInstant());
        List<Long> abandoned = jdbc.sql("select id from conformance_run where status = 'AWAITING_DATA' and created_at < ?")
                .param(cutoff).query(Long.class).list();
        for (long id : abandoned) {
            RunLifecycle.check(RunStatus.AWAITING_DATA, RunStatus.CANCELLED, RunLifecycle.Mover.WORKER);
            tx.executeWithoutResult(s -> {
                int n = jdbc.sql("update conformance_run set status = 'CANCELLED', finished_at = now() "
                        + "where id = ? and status = 'AWAITING_DATA'").param(id).update();
                if (n == 1) {
                    runs.history(id, RunStatus.AWAITING_DATA, RunStatus.CANCELLED, RunWorkers.ACTOR,
                            "no data submitted within the retention period");
                }
            });
        }
        // runs past retention whose files no run still within retention (or unfinished) shares
        List<Long> due = jdbc.sql("""
                        select r.id from conformance_run r
                        where r.data_destroyed_at is null and r.finished_at < ?
                          and not exists (
                            select 1 from run_upload u join run_upload u2 on u2.storage_key = u.storage_key
                            join conformance_run r2 on r2.id = u2.run_id
                            where u.run_id = r.id and (r2.finished_at is null or r2.finished_at >= ?))
                        order by r.id""")
                .params(cutoff, cutoff).query(Long.class).list();
        int destroyed = 0;
        for (long runId : due) {
            List<String> keys = jdbc.sql("select storage_key from run_upload where run_id = ?").param(runId)
                    .query(String.class).list();
            long files = 0;
            try {
                for (String key : keys) {
                    if (store.destroy(key)) {
                        files++;
                    }
                }
                store.removeRunFolder(runId);
            } catch (IOException e) {
                log.error("retention: could not destroy the data of run {}: {}", runId, e.toString());
                audit.record(RunWorkers.ACTOR, "DESTROY submitted data", "conformance-run/" + runId, "FAILED", null,
                        e.getClass().getSimpleName(), null);
                continue;
            }
            long count = files;
            tx.executeWithoutResult(s -> {
                jdbc.sql("update conformance_run set data_destroyed_at = now() where id = ?").param(runId).update();
                audit.record(RunWorkers.ACTOR, "DESTROY submitted data", "conformance-run/" + runId, "SUCCESS", null,
                        count + " file(s) deleted after retention " + props.retention(), null);
            });
            destroyed++;
        }
        if (destroyed > 0) {
            log.info("retention: destroyed the submitted data of {} run(s)", destroyed);
        }
        return destroyed;
    }
}
