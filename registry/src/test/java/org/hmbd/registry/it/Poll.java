package org.hmbd.registry.it;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * Waiting for the server's asynchronous work (suites loading, runs finishing, the search index
 * fed) in one place, on Awaitility: the probe is asked every {@code 200 ms} until its answer
 * satisfies the condition or the time is up (then the test fails, naming what it waited for). An
 * assertion failing inside the probe ends the wait at once.
 */
final class Poll {

    private Poll() {
    }

    static <T> T until(String what, Duration atMost, Callable<T> probe, Predicate<? super T> done) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(probe, done::test);
    }
}
