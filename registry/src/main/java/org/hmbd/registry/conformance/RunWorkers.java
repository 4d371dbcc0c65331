package org.hmbd.registry.conformance;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.validator.engine.InputLimitExceededException;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.engine.ValidationRunException;
import org.hmbd.validator.report.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validator workers inside the server, fed by the durable queue in PostgreSQL: a worker claims the
 * oldest queued run with {@code FOR UPDATE SKIP LOCKED} (so any number of servers on one database
 * share the work), holds it under a lease it renews with each heartbeat (recording progress), and
 * takes up runs whose lease ran out: those of a server that died. A run that keeps killing its
 * worker fails after {@code maxAttempts}.
 */
@Component
class RunWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);
    static final String ACTOR = "system";

    private final RunStore runs;
    private final TransactionTemplate tx;
    private final TestSuites suites;
    private final SubmissionStore store;
    private final RunResults results;
    private final ConformanceProperties props;
    private final RunResultCache resultCache;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private final org.springframework.context.ApplicationEventPublisher events;

    RunWorkers(RunStore runs, TransactionTemplate tx, TestSuites suites, SubmissionStore store, RunResults results,
               ConformanceProperties props, org.springframework.context.ApplicationEventPublisher events,
               RunResultCache resultCache) {
        this.events = events;
        this.resultCache = resultCache;
        this.runs = runs;
        this.tx = tx;
        this.suites = suites;
        this.store = store;
        this.results = results;
        this.props = props;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onQueued(Runs.RunQueued event) {
        wake.release(props.workers());
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < props.workers(); i++) {
            Thread t = new Thread(this::loop, "hmbd-run-worker-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        try {
            // runs in flight here are given back at once instead of waiting for their lease to run out
            int n = runs.releaseLeases(node);
            if (n > 0) {
                log.info("shutting down: {} run(s) in progress given back to the queue", n);
            }
        } catch (RuntimeException e) {
            log.warn("could not give back runs in progress: {}", e.toString());
        }
        wake.release(threads.size());
        for (Thread t : threads) {
            t.interrupt();
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                Claimed c = claim();
                if (c != null) {
                    execute(c);
                    continue;
                }
                wake.tryAcquire(props.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // the worker thread outlives any failure: a run it held is taken up again when its lease expires
                if (!running) {
                    return;
                }
                log.error("run worker: {}", e.toString());
                try {
                    Thread.sleep(props.pollInterval().toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    record Claimed(long runId, long editionId) {
    }

    /** Takes the next run (fair between organizations, {@link RunStore#lockHeadOfQueue}); null when there is none. */
    Claimed claim() {
        return tx.execute(s -> {
            RunStore.Head row = runs.lockHeadOfQueue(props.maxRunningPerOrganization()).orElse(null);
            if (row == null) {
                return null;
            }
            long id = row.id();
            int attempts = row.attempts();
            if (row.status() == RunStatus.RUNNING) {
                runs.move(id, system(RunStatus.RUNNING, RunStatus.QUEUED), ACTOR,
                        "the worker running it stopped (lease expired); queued again");
            }
            if (row.cancelRequested()) {
                runs.finish(id, system(RunStatus.QUEUED, RunStatus.CANCELLED), ACTOR, "cancelled on request", null);
                return null;
            }
            if (attempts >= props.maxAttempts()) {
                String why = "gave up after " + attempts + " attempts that did not finish";
                runs.finish(id, system(RunStatus.QUEUED, RunStatus.FAILED), ACTOR, why, why);
                return null;
            }
            runs.start(id, system(RunStatus.QUEUED, RunStatus.RUNNING), node, props.lease(),
                    "attempt " + (attempts + 1) + " on " + node);
            return new Claimed(id, row.editionId());
        });
    }

    private static Lifecycle.Move<RunStatus, RunLifecycle.Party> system(RunStatus from, RunStatus to) {
        return RunLifecycle.check(from, to, RunLifecycle.Party.SYSTEM);
    }

    /** Shared between a run's reader, its heartbeat and the worker. */
    private static final class Control {
        final AtomicLong bytes = new AtomicLong();
        volatile long resources;
        volatile boolean cancelled;
        volatile boolean lostLease;
        volatile boolean timedOut;
        final long started = System.nanoTime();
    }

    private void execute(Claimed c) {
        long start = System.nanoTime();
        Control control = new Control();
        Thread heartbeat = new Thread(() -> heartbeat(c.runId(), control), "hmbd-run-heartbeat-" + c.runId());
        heartbeat.setDaemon(true);
        heartbeat.start();
        org.hmbd.validator.engine.ResultCache.Session cache = null;
        try {
            ValidationEngine engine = suites.engine(c.editionId());
            List<ValidationEngine.Source> sources = runs.uploads(c.runId()).stream()
                    .map(u -> new ValidationEngine.Source(u.name(), () -> watched(opened(u), control)))
                    .toList();
            cache = resultCache.begin(runs.row(c.runId()).organizationId(), c.runId()).orElse(null);
            Report report = engine.run(sources, props.validatorThreads(), (done, inputs) -> control.resources = done,
                    cache);
            control.resources = report.summary().resources();
            boolean stored = tx.execute(s -> {
                if (!runs.ownsLease(c.runId(), node)) {
                    return false;
                }
                results.store(c.runId(), report);
                runs.finish(c.runId(), system(RunStatus.RUNNING, RunStatus.SUCCEEDED), ACTOR, null, null);
                return true;
            });
            String reused = "";
            if (cache != null && stored) {
                reused = ", " + cache.hits() + " re-used from the result cache, " + cache.misses() + " validated";
                try {
                    cache.commit();
                } catch (java.io.IOException e) {
                    log.warn("run {}: result cache not kept for later runs: {}", c.runId(), e.toString());
                }
            }
            log.info("run {} {} in {} ms: {} resources{}", c.runId(), stored ? "finished" : "finished after losing "
                    + "its lease (result not stored)", (System.nanoTime() - start) / 1_000_000,
                    report.summary().resources(), reused);
        } catch (CancellationException e) {
            tx.executeWithoutResult(s -> {
                if (runs.ownsLease(c.runId(), node) && control.timedOut) {
                    events.publishEvent(new org.hmbd.registry.shared.SecurityEvent(
                            org.hmbd.registry.shared.SecurityEvent.Kind.RUN_LIMIT, null, null,
                            "conformance-run/" + c.runId() + " time", null));
                    long minutes = props.maxRunDuration().toMinutes();
                    runs.finish(c.runId(), system(RunStatus.RUNNING, RunStatus.FAILED), ACTOR, "time limit",
                            "运行超过 " + minutes + " 分钟的时限，已停止；请拆分数据后分次提交 / The run exceeded its time limit of "
                                    + minutes + " minutes and was stopped; split the data into several runs");
                } else if (runs.ownsLease(c.runId(), node) && control.cancelled) {
                    runs.finish(c.runId(), system(RunStatus.RUNNING, RunStatus.CANCELLED), ACTOR,
                            "cancelled on request", null);
                }
            });
        } catch (InputLimitExceededException e) {
            log.warn("run {} stopped: its input exceeds {} bytes decompressed", c.runId(), e.limit());
            events.publishEvent(new org.hmbd.registry.shared.SecurityEvent(
                    org.hmbd.registry.shared.SecurityEvent.Kind.RUN_LIMIT, null, null,
                    "conformance-run/" + c.runId() + " size", null));
            tx.executeWithoutResult(s -> {
                if (runs.ownsLease(c.runId(), node)) {
                    runs.finish(c.runId(), system(RunStatus.RUNNING, RunStatus.FAILED), ACTOR, "input size limit",
                            e.text().zh() + " / " + e.text().en());
                }
            });
        } catch (RuntimeException e) {
            if (!running) {
                // shutting down: the run keeps its lease until it expires, then another worker takes it
                log.info("run {} interrupted by shutdown; it will be taken up again", c.runId());
                return;
            }
            // the operator's log has the cause; the run's record says what happened, in both languages, no internals
            String reference = java.util.UUID.randomUUID().toString();
            log.error("run {} failed (correlation id {})", c.runId(), reference, e);
            org.hmbd.validator.Text text = e instanceof ValidationRunException v ? v.text() : org.hmbd.validator.Text.of(
                    "运行因服务器内部故障中止，未生成报告；请重新运行或联系运维人员",
                    "The run stopped because of an internal server fault and produced no report; run it again "
                            + "or contact the operators");
            String failure = text.zh() + "（编号 " + reference + "） / " + text.en() + " (reference " + reference + ")";
            tx.executeWithoutResult(s -> {
                if (runs.ownsLease(c.runId(), node)) {
                    runs.finish(c.runId(), system(RunStatus.RUNNING, RunStatus.FAILED), ACTOR, "validation failed",
                            failure.length() > 2000 ? failure.substring(0, 2000) : failure);
                }
            });
        } finally {
            if (cache != null) {
                cache.close();
            }
            heartbeat.interrupt();
        }
    }

    private void heartbeat(long runId, Control control) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(props.heartbeat().toMillis());
                var row = runs.heartbeat(runId, node, props.lease(), control.bytes.get(), control.resources);
                if (System.nanoTime() - control.started > props.maxRunDuration().toNanos()) {
                    control.timedOut = true;
                    control.cancelled = true;
                }
                if (row.isEmpty()) {
                    control.lostLease = true;
                    control.cancelled = true;
                } else if (row.get()) {
                    control.cancelled = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("heartbeat of run {}: {}", runId, e.toString());
        }
    }

    /**
     * A stored file that cannot be read back as it was uploaded (damaged, swapped, its key missing)
     * is the server's failure, not a problem of the institution's data: it fails the run (with a
     * reference for the operators) instead of becoming a finding that quotes the internal cause.
     */
    private static final class StoredFileUnreadable extends RuntimeException {
        StoredFileUnreadable(String storageKey, IOException cause) {
            super("stored file " + storageKey + " unreadable", cause);
        }
    }

    private InputStream opened(RunStore.Upload u) {
        try {
            InputStream in = store.open(u.storageKey(), u.sha256());
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    try {
                        return super.read();
                    } catch (IOException e) {
                        throw new StoredFileUnreadable(u.storageKey(), e);
                    }
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (IOException e) {
                        throw new StoredFileUnreadable(u.storageKey(), e);
                    }
                }
            };
        } catch (IOException e) {
            throw new StoredFileUnreadable(u.storageKey(), e);
        }
    }

    /** Counts bytes read (progress) and stops the run when it is cancelled, its lease is lost or its time is up. */
    private static InputStream watched(InputStream in, Control control) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                check();
                int b = super.read();
                if (b >= 0) {
                    control.bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                check();
                int n = super.read(b, off, len);
                if (n > 0) {
                    control.bytes.addAndGet(n);
                }
                return n;
            }

            private void check() {
                if (control.cancelled) {
                    throw new CancellationException(control.lostLease ? "lease lost" : "cancelled");
                }
            }
        };
    }
}
