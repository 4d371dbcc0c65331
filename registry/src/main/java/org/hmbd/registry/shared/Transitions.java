package org.hmbd.registry.shared;

import java.util.HashMap;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one write path of every lifecycle (eclipse-edc's single {@code transition} is the model): a
 * move is accepted only if its lifecycle lists it and it carries a reason where one is required;
 * the status changes only if the row is still in the move's starting state (else 409
 * {@code concurrent-modification}), the version goes up, and the history row is written in the
 * same transaction. No other code updates a status column ({@code StatusWritesTest}).
 */
@Component
public class Transitions {

    private final JdbcClient jdbc;

    public Transitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves row {@code id}; see {@link #move(Lifecycle, long, Lifecycle.Move, String, String, String, Map)}. */
    public <S extends Enum<S>, P extends Enum<P>> void move(Lifecycle<S, P> lifecycle, long id,
            Lifecycle.Move<S, P> move, String actor, String reason) {
        move(lifecycle, id, move, actor, reason, null, Map.of());
    }

    /**
     * Moves row {@code id} of the lifecycle's table.
     *
     * @param set further column assignments made with the move (e.g. {@code finished_at = now()}),
     *        with named parameters; null for none
     * @param params the values of the named parameters of {@code set}
     */
    public <S extends Enum<S>, P extends Enum<P>> void move(Lifecycle<S, P> lifecycle, long id,
            Lifecycle.Move<S, P> move, String actor, String reason, String set, Map<String, ?> params) {
        if (!lifecycle.contains(move)) {
            throw IllegalTransition.of(move.from(), move.to(),
                    lifecycle.allowedTargets(move.from(), move.party()));
        }
        if (move.reasonRequired() && (reason == null || reason.isBlank())) {
            throw DomainException.invalidField("reason", "required");
        }
        Lifecycle.Table t = lifecycle.table();
        Map<String, Object> p = new HashMap<>(params);
        p.put("hmbdId", id);
        p.put("hmbdFrom", move.from().name());
        p.put("hmbdTo", move.to().name());
        int n = jdbc.sql("update " + t.name() + " set status = :hmbdTo, version = version + 1"
                        + (set == null || set.isBlank() ? "" : ", " + set)
                        + " where id = :hmbdId and status = :hmbdFrom")
                .params(p).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException(t.name() + " " + id + " is no longer " + move.from());
        }
        history(t, id, move.from(), move.to(), actor, reason);
    }

    /** The first history row of a row just inserted in state {@code initial}. */
    public <S extends Enum<S>, P extends Enum<P>> void created(Lifecycle<S, P> lifecycle, long id, S initial,
            String actor, String reason) {
        history(lifecycle.table(), id, null, initial, actor, reason);
    }

    private void history(Lifecycle.Table t, long id, Enum<?> from, Enum<?> to, String actor, String reason) {
        jdbc.sql("insert into " + t.history() + " (" + t.historyKey() + ", from_status, to_status, actor, reason) "
                        + "values (?, ?, ?, ?, ?)")
                .params(id, from == null ? null : from.name(), to.name(), actor, reason).update();
    }
}
