package org.hmbd.registry.conformance;

import static org.hmbd.registry.conformance.RunStatus.*;
import static org.hmbd.registry.shared.Lifecycle.move;

import java.util.List;
import org.hmbd.registry.shared.Lifecycle;

/** The run state machine: the one guard every move of a run goes through. */
final class RunLifecycle {

    /** Who moves a run: the submitting institution, or the server (its workers and retention job). */
    public enum Party { SUBMITTER, SYSTEM }

    static final Lifecycle<RunStatus, Party> LIFECYCLE = new Lifecycle<>(
            new Lifecycle.Table("conformance_run", "conformance_run_transition", "run_id"), Party.SYSTEM, List.of(
            move(AWAITING_DATA, QUEUED, Party.SUBMITTER, false),
            move(AWAITING_DATA, CANCELLED, Party.SUBMITTER, false),
            move(QUEUED, CANCELLED, Party.SUBMITTER, false),
            // runs left without data beyond the retention period are closed by the retention job
            move(AWAITING_DATA, CANCELLED, Party.SYSTEM, true),
            // a cancellation requested just as a worker claims the run
            move(QUEUED, CANCELLED, Party.SYSTEM, true),
            // a run that crashed its worker too often is given up
            move(QUEUED, FAILED, Party.SYSTEM, true),
            move(QUEUED, RUNNING, Party.SYSTEM, false),
            move(RUNNING, SUCCEEDED, Party.SYSTEM, false),
            move(RUNNING, FAILED, Party.SYSTEM, true),
            // a cancellation requested while running is carried out by the worker
            move(RUNNING, CANCELLED, Party.SYSTEM, true),
            // a worker that died (lease expired) gives its run back to the queue
            move(RUNNING, QUEUED, Party.SYSTEM, true)));

    private RunLifecycle() {
    }

    public static List<RunStatus> allowedTargets(RunStatus from, Party party) {
        return LIFECYCLE.allowedTargets(from, party);
    }

    /** The transition, or the 409 {@code illegal-transition} naming the moves this party may make. */
    public static Lifecycle.Move<RunStatus, Party> check(RunStatus from, RunStatus to, Party party) {
        return LIFECYCLE.check(from, to, party);
    }
}
