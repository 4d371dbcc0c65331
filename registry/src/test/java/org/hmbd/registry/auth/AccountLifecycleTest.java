package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hmbd.registry.StatusChecks;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountLifecycleTest {

    /** Every allowed move, and whether it needs a reason. */
    private static final Map<String, Boolean> ALLOWED = Map.of(
            "PENDING_VERIFICATION>ACTIVE", false, "PENDING_VERIFICATION>DISABLED", true,
            "ACTIVE>LOCKED", true, "LOCKED>ACTIVE", false, "ACTIVE>DISABLED", true, "LOCKED>DISABLED", true,
            "DISABLED>ACTIVE", true);

    static Stream<Arguments> everyPair() {
        return Arrays.stream(AccountStatus.values())
                .flatMap(from -> Arrays.stream(AccountStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheListedMovesAreAllowedEachWithItsReasonRule(AccountStatus from, AccountStatus to) {
        Boolean reason = ALLOWED.get(from + ">" + to);
        if (reason != null) {
            assertThat(AccountLifecycle.check(from, to).reasonRequired()).isEqualTo(reason);
            assertThat(AccountLifecycle.check(from, to).party()).isEqualTo(AccountLifecycle.Party.ADMINISTRATOR);
        } else {
            assertThatThrownBy(() -> AccountLifecycle.check(from, to)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        }
    }

    @Test
    void nothingReturnsToPendingVerification() {
        for (AccountStatus s : AccountStatus.values()) {
            assertThat(AccountLifecycle.allowedTargets(s)).doesNotContain(AccountStatus.PENDING_VERIFICATION);
        }
        assertThat(Set.copyOf(AccountLifecycle.allowedTargets(AccountStatus.PENDING_VERIFICATION)))
                .isEqualTo(Set.of(AccountStatus.ACTIVE, AccountStatus.DISABLED));
    }

    @Test
    void theDatabaseAcceptsExactlyTheseStates() {
        assertThat(StatusChecks.allowedBy("app_user_status_ck")).isEqualTo(StatusChecks.names(AccountStatus.values()));
        assertThat(StatusChecks.allowedBy("account_transition_status_ck"))
                .isEqualTo(StatusChecks.names(AccountStatus.values()));
    }
}
