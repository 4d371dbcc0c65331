package org.hmbd.registry.proposal;

/** What a proposal asks for (Art. 9): a new standard, a revision of a published one, or an abolition. */
enum ProposalKind {
    NEW,
    REVISION,
    ABOLITION
}
