package org.hmbd.registry.shared;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A state machine kept in a table: its states {@code S}, the parties {@code P} that may move it,
 * every allowed {@link Move} (anything not listed is refused), and where it is stored. The
 * lifecycles of editions, proposals and conformance runs are instances; {@link Transitions} is the
 * one write path for all of them.
 *
 * <p>One party of each lifecycle may be the system: its moves are made by the server as a
 * consequence of something else (supersession, a worker's progress, retention), never on request.
 *
 * @param <S> the states
 * @param <P> the parties: who may make a move
 */
public final class Lifecycle<S extends Enum<S>, P extends Enum<P>> {

    /** One allowed move, the party that makes it, and whether it needs a reason. */
    public record Move<S extends Enum<S>, P extends Enum<P>>(S from, S to, P party, boolean reasonRequired) {
    }

    /**
     * Where a lifecycle is stored: the table with its {@code id}, {@code status} and {@code version}
     * columns, and the history table with its key column, {@code from_status}, {@code to_status},
     * {@code actor}, {@code reason}.
     */
    public record Table(String name, String history, String historyKey) {
    }

    private final Table table;
    private final P system;
    private final List<Move<S, P>> moves;

    /**
     * @param system the party standing for the server itself, or null when every move is requested
     * @throws IllegalArgumentException if two moves between the same states could both be requested
     *         (the party of a requested move must follow from its states)
     */
    public Lifecycle(Table table, P system, List<Move<S, P>> moves) {
        this.table = table;
        this.system = system;
        this.moves = List.copyOf(moves);
        Set<String> requested = new HashSet<>();
        Set<String> all = new HashSet<>();
        for (Move<S, P> m : this.moves) {
            if (!all.add(m.from() + ">" + m.to() + ":" + m.party())) {
                throw new IllegalArgumentException("duplicate move " + m);
            }
            if (m.party() != system && !requested.add(m.from() + ">" + m.to())) {
                throw new IllegalArgumentException("two parties may request " + m.from() + " -> " + m.to());
            }
        }
    }

    public static <S extends Enum<S>, P extends Enum<P>> Move<S, P> move(S from, S to, P party, boolean reasonRequired) {
        return new Move<>(from, to, party, reasonRequired);
    }

    public Table table() {
        return table;
    }

    public List<Move<S, P>> moves() {
        return moves;
    }

    public boolean contains(Move<S, P> move) {
        return moves.contains(move);
    }

    public Optional<Move<S, P>> find(S from, S to, P party) {
        return moves.stream().filter(m -> m.from() == from && m.to() == to && m.party() == party).findFirst();
    }

    /** The move between two states that a person may request, if any. */
    public Optional<Move<S, P>> findRequested(S from, S to) {
        return moves.stream().filter(m -> m.from() == from && m.to() == to && m.party() != system).findFirst();
    }

    /** The states {@code party} may move to from {@code from}. */
    public List<S> allowedTargets(S from, P party) {
        return moves.stream().filter(m -> m.from() == from && m.party() == party).map(Move::to).toList();
    }

    /** The states reachable from {@code from} on request (the system's moves left out). */
    public List<S> requestableTargets(S from) {
        return moves.stream().filter(m -> m.from() == from && m.party() != system).map(Move::to).toList();
    }

    /** The move {@code party} makes, or the 409 {@code illegal-transition} naming the moves it may make. */
    public Move<S, P> check(S from, S to, P party) {
        return find(from, to, party).orElseThrow(() -> IllegalTransition.of(from, to, allowedTargets(from, party)));
    }

    /**
     * The requested move between two states, its party still to be authorized by the caller; or the
     * 409 naming the requestable moves. A move reserved to the system is refused.
     */
    public Move<S, P> checkRequested(S from, S to) {
        return findRequested(from, to).orElseThrow(() -> IllegalTransition.of(from, to, requestableTargets(from)));
    }

    /** The system's move between two states; a programming error if there is none. */
    public Move<S, P> checkSystem(S from, S to) {
        if (system == null) {
            throw new IllegalStateException(table.name() + " has no system moves");
        }
        return check(from, to, system);
    }
}
