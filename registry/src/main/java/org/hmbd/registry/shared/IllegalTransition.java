package org.hmbd.registry.shared;

import java.util.List;
import java.util.Map;

/** The 409 every state machine answers for a move it does not allow, naming the moves it does allow. */
final class IllegalTransition {

    private IllegalTransition() {
    }

    public static DomainException of(Enum<?> from, Enum<?> to, List<? extends Enum<?>> allowedTargets) {
        List<String> allowed = allowedTargets.stream().map(Enum::name).toList();
        return new DomainException(ErrorCode.ILLEGAL_TRANSITION,
                Map.of("from", from.name(), "to", to.name(), "allowedTransitions", allowed),
                Msg.of("problem.illegal-transition.detail", from, to,
                        allowed.isEmpty() ? "-" : String.join(", ", allowed)));
    }
}
