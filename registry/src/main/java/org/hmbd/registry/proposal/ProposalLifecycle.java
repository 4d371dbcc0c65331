package org.hmbd.registry.proposal;

import static org.hmbd.registry.proposal.ProposalStatus.*;
import static org.hmbd.registry.shared.Lifecycle.move;

import java.util.List;
import org.hmbd.registry.shared.Lifecycle;

/** The proposal state machine: the one guard every decision goes through. */
final class ProposalLifecycle {

    /** Who decides: the national administration, or the proposer (withdrawal). */
    public enum Party { STANDARDS_ADMIN, PROPOSER }

    static final Lifecycle<ProposalStatus, Party> LIFECYCLE = new Lifecycle<>(
            new Lifecycle.Table("proposal", "proposal_transition", "proposal_id"), null, List.of(
            move(SUBMITTED, ACCEPTED, Party.STANDARDS_ADMIN, false),
            move(SUBMITTED, REJECTED, Party.STANDARDS_ADMIN, true),
            move(SUBMITTED, WITHDRAWN, Party.PROPOSER, false)));

    private ProposalLifecycle() {
    }

    public static List<ProposalStatus> allowedTargets(ProposalStatus from) {
        return LIFECYCLE.requestableTargets(from);
    }

    public static Lifecycle.Move<ProposalStatus, Party> check(ProposalStatus from, ProposalStatus to) {
        return LIFECYCLE.checkRequested(from, to);
    }
}
