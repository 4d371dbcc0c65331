package org.hmbd.registry.standard;

import static org.hmbd.registry.shared.Lifecycle.move;
import static org.hmbd.registry.standard.EditionStatus.*;

import java.util.List;
import java.util.Optional;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.Text;

/**
 * The edition state machine: every allowed move, who may make it, and whether it needs a reason.
 * {@link #check} is the one guard every transition goes through; anything not listed is refused;
 * {@link org.hmbd.registry.shared.Transitions} writes every move.
 */
final class EditionLifecycle {

    static final Lifecycle<EditionStatus, Party> LIFECYCLE = new Lifecycle<>(
            new Lifecycle.Table("edition", "edition_transition", "edition_id"), Party.SYSTEM, List.of(
            move(DRAFTING, PUBLIC_COMMENT, Party.WORKING_GROUP_LEAD, false),
            move(PUBLIC_COMMENT, DRAFTING, Party.WORKING_GROUP_LEAD, true),
            move(PUBLIC_COMMENT, EXPERT_REVIEW, Party.WORKING_GROUP_LEAD, false),
            move(EXPERT_REVIEW, DRAFTING, Party.EXPERT, true),
            move(EXPERT_REVIEW, APPROVED, Party.EXPERT, false),
            move(APPROVED, EXPERT_REVIEW, Party.STANDARDS_ADMIN, true),
            move(APPROVED, PUBLISHED, Party.STANDARDS_ADMIN, false),
            move(PUBLISHED, SUPERSEDED, Party.SYSTEM, true),
            move(PUBLISHED, ABOLISHED, Party.STANDARDS_ADMIN, true),
            move(DRAFTING, WITHDRAWN, Party.STANDARDS_ADMIN, true),
            move(PUBLIC_COMMENT, WITHDRAWN, Party.STANDARDS_ADMIN, true),
            move(EXPERT_REVIEW, WITHDRAWN, Party.STANDARDS_ADMIN, true),
            move(APPROVED, WITHDRAWN, Party.STANDARDS_ADMIN, true)));

    private EditionLifecycle() {
    }

    public static List<Lifecycle.Move<EditionStatus, Party>> all() {
        return LIFECYCLE.moves();
    }

    /** The move between two states, whoever makes it. */
    public static Optional<Lifecycle.Move<EditionStatus, Party>> find(EditionStatus from, EditionStatus to) {
        return LIFECYCLE.moves().stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    /** The states reachable from {@code from} by a request (system moves excluded). */
    public static List<EditionStatus> allowedTargets(EditionStatus from) {
        return LIFECYCLE.requestableTargets(from);
    }

    /**
     * The transition from {@code from} to {@code to}, or a 409 {@code illegal-transition} naming the
     * allowed targets. A move reserved to the system is refused when requested by a person.
     */
    public static Lifecycle.Move<EditionStatus, Party> check(EditionStatus from, EditionStatus to, boolean bySystem) {
        return bySystem ? LIFECYCLE.checkSystem(from, to) : LIFECYCLE.checkRequested(from, to);
    }

    static EditionStatus parse(String value) {
        return Text.enumValue("to", value, EditionStatus.class);
    }
}
