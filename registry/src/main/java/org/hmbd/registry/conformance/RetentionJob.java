package org.hmbd.registry.conformance;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hmbd.registry.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
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

    private final RunStore runs;
    private final TransactionTemplate tx;
    private final SubmissionStore store;
    private final AuditLog audit;
    private final ConformanceProperties props;
    private final RunResultCache resultCache;
    private ScheduledExecutorService timer;

    RetentionJob(RunStore runs, TransactionTemplate tx, SubmissionStore store, AuditLog audit,
                 ConformanceProperties props, RunResultCache resultCache) {
        this.resultCache = resultCache;
        this.runs = runs;
        this.tx = tx;
        this.store = store;
        this.audit = audit;
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
        Instant cutoff = Instant.now().minus(props.retention());
        var abandon = RunLifecycle.check(RunStatus.AWAITING_DATA, RunStatus.CANCELLED, RunLifecycle.Party.SYSTEM);
        for (long id : runs.awaitingDataSince(cutoff)) {
            try {
                tx.executeWithoutResult(s -> runs.move(id, abandon, RunWorkers.ACTOR,
                        "no data submitted within the retention period"));
            } catch (OptimisticLockingFailureException e) {
                // submitted or cancelled meanwhile: no longer abandoned
            }
        }
        List<Long> due = runs.dueForDestruction(cutoff);
        int destroyed = 0;
        for (long runId : due) {
            List<String> keys = runs.storageKeys(runId);
            long files = 0;
            boolean cached;
            try {
                for (String key : keys) {
                    if (store.destroy(key)) {
                        files++;
                    }
                }
                store.removeRunFolder(runId);
                cached = resultCache.destroy(runs.row(runId).organizationId(), runId);
            } catch (IOException e) {
                log.error("retention: could not destroy the data of run {}: {}", runId, e.toString());
                audit.record(RunWorkers.ACTOR, "DESTROY submitted data", "conformance-run/" + runId, "FAILED", null,
                        e.getClass().getSimpleName(), null);
                continue;
            }
            long count = files;
            String cache = cached ? "; its remembered validation results destroyed" : "";
            tx.executeWithoutResult(s -> {
                runs.markDataDestroyed(runId);
                audit.record(RunWorkers.ACTOR, "DESTROY submitted data", "conformance-run/" + runId, "SUCCESS", null,
                        count + " file(s) deleted after retention " + props.retention() + cache, null);
            });
            destroyed++;
        }
        if (destroyed > 0) {
            log.info("retention: destroyed the submitted data of {} run(s)", destroyed);
        }
        return destroyed;
    }
}
