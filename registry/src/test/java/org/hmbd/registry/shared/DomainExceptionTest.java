package org.hmbd.registry.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void refusesAPropertyThatWouldReplaceAMemberOfTheProblemAnswer() {
        for (String member : DomainException.RESERVED) {
            assertThatThrownBy(() -> new DomainException(ErrorCode.CONFLICT, Map.of(member, "DRAFTING"),
                    Msg.of("problem.conflict.detail")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(member);
        }
    }
}
