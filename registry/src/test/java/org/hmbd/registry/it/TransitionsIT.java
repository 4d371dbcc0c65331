package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Lifecycle;
import org.hmbd.registry.shared.Transitions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one lifecycle write path against the real schema: a move changes status, version and
 * history together, only from the state it names; the database refuses states no lifecycle has.
 */
class TransitionsIT extends ConformanceSupport {

    enum State { AWAITING_DATA, QUEUED, CANCELLED, FAILED }

    enum Party { SUBMITTER, SYSTEM }

    /**
     * A lifecycle over the real run tables, declared here so that the test owns its moves. They end
     * in a final state: the server's own workers take queued runs, and would move them on meanwhile.
     */
    static final Lifecycle<State, Party> RUNS = new Lifecycle<>(
            new Lifecycle.Table("conformance_run", "conformance_run_transition", "run_id"), null, List.of(
            Lifecycle.move(State.AWAITING_DATA, State.CANCELLED, Party.SUBMITTER, false),
            Lifecycle.move(State.AWAITING_DATA, State.FAILED, Party.SYSTEM, true)));

    @Autowired
    Transitions transitions;

    @Autowired
    JdbcClient jdbc;

    private long newRun() {
        Member submitter = member(organization("INSTITUTION", "350102"), "SUBMITTER");
        return submitter.api().post("/api/v1/conformance/runs", Map.of("editionId", sampleEdition())).then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("select status, version from conformance_run where id = ?").param(id).query().singleRow();
    }

    @Test
    void aMoveChangesStatusVersionAndHistoryTogether() {
        long id = newRun();
        int version = ((Number) row(id).get("version")).intValue();
        transitions.move(RUNS, id, RUNS.check(State.AWAITING_DATA, State.CANCELLED, Party.SUBMITTER), "tester", "why",
                "finished_at = now()", Map.of());
        assertThat(row(id)).containsEntry("status", "CANCELLED");
        assertThat(((Number) row(id).get("version")).intValue()).isEqualTo(version + 1);
        assertThat(jdbc.sql("select from_status || '>' || to_status || ':' || actor || ':' || reason "
                        + "from conformance_run_transition where run_id = ? order by id desc limit 1")
                .param(id).query(String.class).single()).isEqualTo("AWAITING_DATA>CANCELLED:tester:why");
    }

    @Test
    void aMoveFromAStateTheRowIsNoLongerInChangesNothing() {
        long id = newRun();
        var move = RUNS.check(State.AWAITING_DATA, State.CANCELLED, Party.SUBMITTER);
        transitions.move(RUNS, id, move, "first", null);
        long history = jdbc.sql("select count(*) from conformance_run_transition where run_id = ?").param(id)
                .query(Long.class).single();
        // a second writer that read AWAITING_DATA before the first one moved
        assertThatThrownBy(() -> transitions.move(RUNS, id, move, "second", null))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(row(id)).containsEntry("status", "CANCELLED");
        assertThat(jdbc.sql("select count(*) from conformance_run_transition where run_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(history);
    }

    @Test
    void aMoveNotInTheLifecycleOrWithoutItsReasonIsRefused() {
        long id = newRun();
        var unlisted = new Lifecycle.Move<>(State.AWAITING_DATA, State.QUEUED, Party.SUBMITTER, false);
        assertThatThrownBy(() -> transitions.move(RUNS, id, unlisted, "tester", null))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ILLEGAL_TRANSITION));
        // the system's failing a run needs a reason
        assertThatThrownBy(() -> transitions.move(RUNS, id,
                RUNS.check(State.AWAITING_DATA, State.FAILED, Party.SYSTEM), "system", " "))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.properties()).containsEntry("field", "reason"));
        assertThat(row(id)).containsEntry("status", "AWAITING_DATA");
    }

    @Test
    void theDatabaseRefusesAStateNoLifecycleHas() {
        long id = newRun();
        assertThatThrownBy(() -> jdbc.sql("update conformance_run set status = 'LOST' where id = ?").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("update edition set status = 'PUBLISH' where id = ?")
                .param(sampleEdition()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("insert into conformance_run_transition (run_id, from_status, to_status, "
                + "actor) values (?, 'QUEUED', 'DONE', 'x')").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(row(id)).containsEntry("status", "AWAITING_DATA");
    }
}
