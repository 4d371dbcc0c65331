package org.hmbd.registry.proposal;

import java.time.Instant;
import java.util.List;
import org.hmbd.registry.standard.StandardLevel;

/** A proposal for a new standard, a revision or an abolition (Art. 9). */
public record Proposal(long id, ProposalKind kind, String titleZh, String titleEn, String category,
                       StandardLevel intendedLevel, String scope, String rationale, String proposingOrganization,
                       long proposerId, String proposer, Long targetStandardId, ProposalStatus status,
                       Instant createdAt, Long planItemId, List<ProposalStatus> allowedTransitions) {
}
