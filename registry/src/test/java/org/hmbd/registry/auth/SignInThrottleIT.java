package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hmbd.registry.StoreContract;
import org.hmbd.registry.shared.DomainException;
import org.junit.jupiter.api.Test;

/** The sign-in back-off on its own, on real PostgreSQL, with a clock the test moves. */
class SignInThrottleIT extends StoreContract {

    private final MovingClock clock = new MovingClock();
    private final AuthProperties.Lockout lockout =
            new AuthProperties.Lockout(3, 6, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofHours(1));
    private final SignInThrottle throttle = new SignInThrottle(database(), lockout, clock);

    @Test
    void locksAnAccountAfterItsFreeAttemptsAndDoublesTheLockWithEachFurtherFailure() {
        long account = unique();
        String address = "10.0.0." + unique() % 250;
        for (int i = 0; i < 3; i++) {
            assertThatCode(() -> throttle.check(account, address)).doesNotThrowAnyException();
            throttle.failed(account, address);
        }
        assertThatCode(() -> throttle.check(account, address)).as("three failures are free")
                .doesNotThrowAnyException();
        throttle.failed(account, address);
        assertThat(lockedFor(account, address)).isEqualTo(2);
        clock.advance(Duration.ofSeconds(2));
        throttle.check(account, address);
        throttle.failed(account, address);
        assertThat(lockedFor(account, address)).isEqualTo(4);
        clock.advance(Duration.ofSeconds(4));
        throttle.failed(account, address);
        assertThat(lockedFor(account, address)).isEqualTo(8);
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(2));
            throttle.failed(account, address);
        }
        assertThat(lockedFor(account, address)).as("never beyond max-delay").isEqualTo(60);
    }

    @Test
    void theRightPasswordEndsTheAccountsCountButNotTheAddresss() {
        long account = unique();
        String address = "10.1.0." + unique() % 250;
        throttle.failed(account, address);
        throttle.failed(account, address);
        throttle.succeeded(account);
        throttle.failed(account, address);
        throttle.failed(account, address);
        assertThatCode(() -> throttle.check(account, address)).as("the count started again at the success")
                .doesNotThrowAnyException();
        // the address has now failed 4 times: three more (any account, or none) lock it for everyone
        throttle.failed(null, address);
        throttle.failed(unique(), address);
        throttle.failed(unique(), address);
        assertThat(lockedFor(unique(), address)).isEqualTo(2);
        assertThatCode(() -> throttle.check(account, "10.2.0.1")).as("another address is free")
                .doesNotThrowAnyException();
    }

    @Test
    void failuresOlderThanForgetAfterNoLongerCount() {
        long account = unique();
        String address = "10.3.0." + unique() % 250;
        throttle.failed(account, address);
        throttle.failed(account, address);
        clock.advance(Duration.ofHours(2));
        throttle.failed(account, address);
        throttle.failed(account, address);
        throttle.failed(account, address);
        assertThatCode(() -> throttle.check(account, address)).as("only three count").doesNotThrowAnyException();
        throttle.failed(account, address);
        assertThat(lockedFor(account, address)).isEqualTo(2);
    }

    @Test
    void countsAnIpv6ClientByItsSlash64() {
        assertThat(SignInThrottle.subject("2001:db8:1:2:aaaa::1")).isEqualTo(SignInThrottle.subject("2001:db8:1:2::ffff"));
        assertThat(SignInThrottle.subject("2001:db8:1:2::1")).isNotEqualTo(SignInThrottle.subject("2001:db8:1:3::1"));
        assertThat(SignInThrottle.subject("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SignInThrottle.subject("192.0.2.7")).isEqualTo("192.0.2.7");
        String prefix = "2001:db8:" + unique() % 9000 + ":7";
        for (int i = 1; i <= 7; i++) {
            throttle.failed(null, prefix + "::" + Integer.toHexString(i));
        }
        assertThat(lockedFor(null, prefix + "::beef")).isEqualTo(2);
    }

    @Test
    void forgetsOldRowsSoTheTableStaysSmall() {
        String address = "10.4.0." + unique() % 250;
        long account = unique();
        throttle.failed(account, address);
        clock.advance(Duration.ofHours(3));
        throttle.failed(null, "10.5.0.1");
        assertThat(database().sql("select count(*) from sign_in_throttle where subject in (?, ?)")
                .params(Long.toString(account), address).query(Long.class).single()).isZero();
    }

    /** Seconds until the lock ends, from the 429 the check gives. */
    private long lockedFor(Long account, String address) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> throttle.check(account, address));
        assertThat(t).isInstanceOf(DomainException.class);
        DomainException e = (DomainException) t;
        assertThat(e.reason()).isEqualTo("sign-in-locked");
        return (Long) e.properties().get("retryAfterSeconds");
    }

    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(System.nanoTime() % 100_000 * 10_000);

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
