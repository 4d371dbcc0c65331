package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutTest {

    private final AuthProperties.Lockout lockout = new AuthProperties.Lockout(null, null, null, null, null);

    @Test
    void theDefaultsAreFiveFreeAttemptsThenOneSecondDoublingToAtMostFifteenMinutes() {
        assertThat(lockout.delayAfter(5, lockout.accountFreeAttempts())).isZero();
        assertThat(lockout.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(lockout.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(lockout.delayAfter(10, 5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(lockout.delayAfter(16, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(lockout.delayAfter(Integer.MAX_VALUE, 5)).as("no overflow").isEqualTo(Duration.ofMinutes(15));
        assertThat(lockout.addressFreeAttempts()).isEqualTo(20);
    }

    @Test
    void refusesASettingThatWouldNeverLockOrNeverEnd() {
        assertThatThrownBy(() -> new AuthProperties.Lockout(0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthProperties.Lockout(null, null, Duration.ofMinutes(5), Duration.ofMinutes(1),
                null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthProperties.Lockout(null, null, Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
