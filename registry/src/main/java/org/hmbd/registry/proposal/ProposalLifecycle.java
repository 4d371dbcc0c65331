package org.hmbd.registry.proposal;

import static org.hmbd.registry.proposal.ProposalStatus.*;

import java.util.List;
import org.hmbd.registry.shared.IllegalTransition;

/** The proposal state machine: the one guard every decision goes through. */
public final class ProposalLifecycle {

    /** Who decides: the national administration, or the proposer (withdrawal). */
    public enum Decider { NATIONAL_ADMIN, PROPOSER }

    public record Transition(ProposalStatus from, ProposalStatus to, Decider decider, boolean reasonRequired) {
    }

    private static final List<Transition> TRANSITIONS = List.of(
            new Transition(SUBMITTED, ACCEPTED, Decider.NATIONAL_ADMIN, false),
            new Transition(SUBMITTED, REJECTED, Decider.NATIONAL_ADMIN, true),
            new Transition(SUBMITTED, WITHDRAWN, Decider.PROPOSER, false));

    private ProposalLifecycle() {
    }

    public static List<ProposalStatus> allowedTargets(ProposalStatus from) {
        return TRANSITIONS.stream().filter(t -> t.from() == from).map(Transition::to).toList();
    }

    public static Transition check(ProposalStatus from, ProposalStatus to) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.to() == to).findFirst()
                .orElseThrow(() -> IllegalTransition.of(from, to, allowedTargets(from)));
    }
}
