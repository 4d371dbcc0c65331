package org.hmbd.registry.standard;

import static org.hmbd.registry.standard.EditionStatus.*;

import java.util.List;
import java.util.Optional;
import org.hmbd.registry.shared.IllegalTransition;
import org.hmbd.registry.shared.Text;

/**
 * The edition state machine: every allowed move, who may make it, and whether it needs a reason.
 * {@link #check} is the one guard every transition goes through; anything not listed is refused.
 */
public final class EditionLifecycle {

    /** One allowed move. */
    public record Transition(EditionStatus from, EditionStatus to, Party party, boolean reasonRequired) {
    }

    private static final List<Transition> TRANSITIONS = List.of(
            new Transition(DRAFTING, PUBLIC_COMMENT, Party.WORKING_GROUP_LEAD, false),
            new Transition(PUBLIC_COMMENT, DRAFTING, Party.WORKING_GROUP_LEAD, true),
            new Transition(PUBLIC_COMMENT, EXPERT_REVIEW, Party.WORKING_GROUP_LEAD, false),
            new Transition(EXPERT_REVIEW, DRAFTING, Party.EXPERT, true),
            new Transition(EXPERT_REVIEW, APPROVED, Party.EXPERT, false),
            new Transition(APPROVED, EXPERT_REVIEW, Party.NATIONAL_ADMIN, true),
            new Transition(APPROVED, PUBLISHED, Party.NATIONAL_ADMIN, false),
            new Transition(PUBLISHED, SUPERSEDED, Party.SYSTEM, true),
            new Transition(PUBLISHED, ABOLISHED, Party.NATIONAL_ADMIN, true),
            new Transition(DRAFTING, WITHDRAWN, Party.NATIONAL_ADMIN, true),
            new Transition(PUBLIC_COMMENT, WITHDRAWN, Party.NATIONAL_ADMIN, true),
            new Transition(EXPERT_REVIEW, WITHDRAWN, Party.NATIONAL_ADMIN, true),
            new Transition(APPROVED, WITHDRAWN, Party.NATIONAL_ADMIN, true));

    private EditionLifecycle() {
    }

    public static List<Transition> all() {
        return TRANSITIONS;
    }

    public static Optional<Transition> find(EditionStatus from, EditionStatus to) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    /** The states reachable from {@code from} by a request (system moves excluded). */
    public static List<EditionStatus> allowedTargets(EditionStatus from) {
        return TRANSITIONS.stream().filter(t -> t.from() == from && t.party() != Party.SYSTEM)
                .map(Transition::to).toList();
    }

    /**
     * The transition from {@code from} to {@code to}, or a 409 {@code illegal-transition} naming the
     * allowed targets. A move reserved to the system is refused when requested by a person.
     */
    public static Transition check(EditionStatus from, EditionStatus to, boolean bySystem) {
        return find(from, to)
                .filter(t -> bySystem == (t.party() == Party.SYSTEM))
                .orElseThrow(() -> IllegalTransition.of(from, to, allowedTargets(from)));
    }

    static EditionStatus parse(String value) {
        return Text.enumValue("to", value, EditionStatus.class);
    }
}
