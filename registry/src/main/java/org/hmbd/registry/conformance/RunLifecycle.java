package org.hmbd.registry.conformance;

import static org.hmbd.registry.conformance.RunStatus.AWAITING_DATA;
import static org.hmbd.registry.conformance.RunStatus.CANCELLED;
import static org.hmbd.registry.conformance.RunStatus.FAILED;
import static org.hmbd.registry.conformance.RunStatus.QUEUED;
import static org.hmbd.registry.conformance.RunStatus.RUNNING;
import static org.hmbd.registry.conformance.RunStatus.SUCCEEDED;

import java.util.List;
import org.hmbd.registry.shared.IllegalTransition;

/** The run state machine: the one guard every move of a run goes through. */
public final class RunLifecycle {

    /** Who moves a run: the submitting institution, or the server's workers. */
    public enum Mover { SUBMITTER, WORKER }

    public record Transition(RunStatus from, RunStatus to, Mover mover) {
    }

    private static final List<Transition> TRANSITIONS = List.of(
            new Transition(AWAITING_DATA, QUEUED, Mover.SUBMITTER),
            new Transition(AWAITING_DATA, CANCELLED, Mover.SUBMITTER),
            new Transition(QUEUED, CANCELLED, Mover.SUBMITTER),
            // runs left without data beyond the retention period are closed by the retention job
            new Transition(AWAITING_DATA, CANCELLED, Mover.WORKER),
            // a cancellation requested just as a worker claims the run
            new Transition(QUEUED, CANCELLED, Mover.WORKER),
            // a run that crashed its worker too often is given up
            new Transition(QUEUED, FAILED, Mover.WORKER),
            new Transition(QUEUED, RUNNING, Mover.WORKER),
            new Transition(RUNNING, SUCCEEDED, Mover.WORKER),
            new Transition(RUNNING, FAILED, Mover.WORKER),
            // a cancellation requested while running is carried out by the worker
            new Transition(RUNNING, CANCELLED, Mover.WORKER),
            // a worker that died (lease expired) gives its run back to the queue
            new Transition(RUNNING, QUEUED, Mover.WORKER));

    private RunLifecycle() {
    }

    public static List<RunStatus> allowedTargets(RunStatus from, Mover mover) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.mover() == mover).map(Transition::to).toList();
    }

    /** The transition, or the 409 {@code illegal-transition} naming the moves this mover may make. */
    public static Transition check(RunStatus from, RunStatus to, Mover mover) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.to() == to && t.mover() == mover).findFirst()
                .orElseThrow(() -> IllegalTransition.of(from, to, allowedTargets(from, mover)));
    }
}
