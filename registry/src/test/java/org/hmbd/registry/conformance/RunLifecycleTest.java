package org.hmbd.registry.conformance;

import org.hmbd.registry.StatusChecks;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.hmbd.registry.conformance.RunLifecycle.Party;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RunLifecycleTest {

    /** Every move the machine allows, written out independently of its table. */
    private static final Set<String> ALLOWED = Set.of(
            "AWAITING_DATA>QUEUED:SUBMITTER", "AWAITING_DATA>CANCELLED:SUBMITTER", "QUEUED>CANCELLED:SUBMITTER",
            "AWAITING_DATA>CANCELLED:SYSTEM", "QUEUED>CANCELLED:SYSTEM", "QUEUED>FAILED:SYSTEM",
            "QUEUED>RUNNING:SYSTEM", "RUNNING>SUCCEEDED:SYSTEM", "RUNNING>FAILED:SYSTEM",
            "RUNNING>CANCELLED:SYSTEM", "RUNNING>QUEUED:SYSTEM");

    static Stream<Arguments> everyMove() {
        return Arrays.stream(RunStatus.values()).flatMap(from -> Arrays.stream(RunStatus.values())
                .flatMap(to -> Arrays.stream(Party.values()).map(m -> Arguments.of(from, to, m))));
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @MethodSource("everyMove")
    void allowsExactlyTheListedMoves(RunStatus from, RunStatus to, Party party) {
        if (ALLOWED.contains(from + ">" + to + ":" + party)) {
            assertThat(RunLifecycle.check(from, to, party).to()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> RunLifecycle.check(from, to, party))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION);
                        assertThat(e.properties().get("allowedTransitions"))
                                .isEqualTo(RunLifecycle.allowedTargets(from, party).stream().map(Enum::name).toList());
                    });
        }
    }

    @ParameterizedTest
    @EnumSource(RunStatus.class)
    void aFinishedRunNeverMovesAgain(RunStatus from) {
        if (from.isFinished()) {
            for (Party m : Party.values()) {
                assertThat(RunLifecycle.allowedTargets(from, m)).isEmpty();
            }
        } else {
            assertThat(Arrays.stream(Party.values()).mapToInt(m -> RunLifecycle.allowedTargets(from, m).size()).sum())
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(RunStatus.class)
    void onlyTheServerStartsOrFinishesARun(RunStatus to) {
        boolean workerOnly = to == RunStatus.RUNNING || to == RunStatus.SUCCEEDED || to == RunStatus.FAILED;
        for (RunStatus from : RunStatus.values()) {
            if (workerOnly) {
                assertThat(RunLifecycle.allowedTargets(from, Party.SUBMITTER)).doesNotContain(to);
            }
        }
    }

    @Test
    void theDatabaseAcceptsExactlyTheseStates() {
        assertThat(StatusChecks.allowedBy("conformance_run_status_ck")).isEqualTo(StatusChecks.names(RunStatus.values()));
        assertThat(StatusChecks.allowedBy("conformance_run_transition_status_ck")).isEqualTo(StatusChecks.names(RunStatus.values()));
    }
}
