package org.hmbd.registry.proposal;

import org.hmbd.registry.StatusChecks;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProposalLifecycleTest {

    static Stream<Arguments> everyPair() {
        return Arrays.stream(ProposalStatus.values())
                .flatMap(from -> Arrays.stream(ProposalStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyASubmittedProposalIsDecided(ProposalStatus from, ProposalStatus to) {
        boolean allowed = from == ProposalStatus.SUBMITTED && to != ProposalStatus.SUBMITTED;
        if (allowed) {
            assertThat(ProposalLifecycle.check(from, to).to()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> ProposalLifecycle.check(from, to))
                    .isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void rejectionNeedsAReasonAndWithdrawalIsTheProposers(ProposalStatus from, ProposalStatus to) {
        if (from != ProposalStatus.SUBMITTED || to == ProposalStatus.SUBMITTED) {
            return;
        }
        var t = ProposalLifecycle.check(from, to);
        assertThat(t.reasonRequired()).isEqualTo(to == ProposalStatus.REJECTED);
        assertThat(t.party()).isEqualTo(to == ProposalStatus.WITHDRAWN
                ? ProposalLifecycle.Party.PROPOSER : ProposalLifecycle.Party.STANDARDS_ADMIN);
    }

    @Test
    void theDatabaseAcceptsExactlyTheseStates() {
        assertThat(StatusChecks.allowedBy("proposal_status_ck")).isEqualTo(StatusChecks.names(ProposalStatus.values()));
        assertThat(StatusChecks.allowedBy("proposal_transition_status_ck")).isEqualTo(StatusChecks.names(ProposalStatus.values()));
    }
}
