package org.hmbd.registry.proposal;

/** A proposal waits for the national administration's decision, unless its proposer withdraws it. */
enum ProposalStatus {
    SUBMITTED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN
}
