package org.hmbd.registry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conformance settings are checked when the server starts: a wrong combination stops it with a clear message. */
class ConformancePropertiesTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static ConformanceProperties with(Integer workers, Duration lease, Duration heartbeat) {
        return new ConformanceProperties(workers, null, null, null, null, lease, heartbeat, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    private static List<String> problems(ConformanceProperties p) {
        return VALIDATOR.validate(p).stream().map(ConstraintViolation::getMessage).toList();
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(problems(with(null, null, null))).isEmpty();
    }

    @Test
    void aHeartbeatAsLongAsTheLeaseIsRefused() {
        assertThat(problems(with(null, Duration.ofSeconds(10), Duration.ofSeconds(10))))
                .containsExactly("hmbd.conformance.heartbeat must be shorter than hmbd.conformance.lease");
        assertThat(problems(with(null, Duration.ofSeconds(10), Duration.ofSeconds(9)))).isEmpty();
    }

    @Test
    void noWorkersOrANegativeIntervalIsRefused() {
        assertThat(problems(with(0, null, null))).hasSize(1);
        assertThat(problems(with(null, null, Duration.ofSeconds(-1)))).hasSize(1);
    }
}
