package org.hmbd.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.hmbd.registry.StoreContract;
import org.hmbd.registry.audit.AuditVerification.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit chain on real PostgreSQL: an attacker with database access (triggers disabled, as the
 * owner or a superuser could) alters, deletes, inserts, reorders or cuts records; the walk finds
 * each and names the first position.
 */
class AuditChainIT extends StoreContract {

    private JdbcClient db;
    private AuditChain chain;
    private AuditLog log;

    @BeforeEach
    void freshChain() throws Exception {
        DataSource ds = freshDatabase();
        db = JdbcClient.create(ds);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path anchor = Files.createTempDirectory("audit-anchor").resolve("audit.anchor");
        chain = new AuditChain(key, anchor);
        log = new AuditLog(db, chain, ds, new AuditProperties(null, null));
        for (int i = 1; i <= 20; i++) {
            log.record(i % 3 == 0 ? "anonymous" : "user" + i, "POST /api/v1/proposals", "/api/v1/proposals/" + i,
                    i % 4 == 0 ? "FAILURE" : "SUCCESS", i % 4 == 0 ? 403 : 201, i % 4 == 0 ? "forbidden" : null,
                    "10.0.0." + i);
        }
    }

    @Test
    void anUntouchedChainIsIntact() {
        AuditVerification v = log.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isEqualTo(20);
        assertThat(v.end()).isEqualTo(20);
        assertThat(v.anchor()).isEqualTo(20);
        assertThat(v.problem()).isNull();
    }

    @Test
    void theTriggersRefuseUpdateDeleteAndTruncate() {
        assertThatThrownBy(() -> db.sql("update audit_event set actor = 'mallory' where seq = 3").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("delete from audit_event where seq = 3").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("truncate audit_event").update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("truncate audit_chain_head").update()).rootCause().hasMessageContaining("append-only");
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void findsAnAlteredRecord() {
        tamper("update audit_event set actor = 'someone-else' where seq = 7");
        java.util.List<Object> raised = new java.util.ArrayList<>();
        log.setEvents(raised::add);
        assertProblem(Kind.ALTERED, 7);
        // a broken chain is a security warning (Art. 25)
        assertThat(raised).singleElement().isInstanceOfSatisfying(org.hmbd.registry.shared.SecurityEvent.class,
                e -> assertThat(e.kind()).isEqualTo(org.hmbd.registry.shared.SecurityEvent.Kind.AUDIT_CHAIN_BROKEN));
    }

    @Test
    void findsAnAlteredOutcome() {
        tamper("update audit_event set outcome = 'SUCCESS', status = 200 where seq = 12");
        assertProblem(Kind.ALTERED, 12);
    }

    @Test
    void findsADeletedRecordWithOrWithoutTheNumbersClosedUp() {
        tamper("delete from audit_event where seq = 5");
        assertProblem(Kind.DELETED, 5);
        tamper("update audit_event set seq = seq - 1 where seq > 5");
        tamper("update audit_chain_head set seq = seq - 1");
        assertProblem(Kind.DELETED, 5);
    }

    @Test
    void findsAnInsertedRecordEvenWithAWellFormedHash() {
        // the attacker knows the algorithm, not the key: a correct hash, a MAC that cannot be right
        String prev = db.sql("select hash from audit_event where seq = 7").query(String.class).single();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = chain.hash(at, "admin", "POST /api/v1/users", "/api/v1/users/9", "SUCCESS", 201, null, "10.9.9.9",
                prev);
        tamper("update audit_event set seq = seq + 1000 where seq > 7");
        tamper("update audit_event set seq = seq - 999 where seq > 1000");
        db.sql("""
                insert into audit_event (at, actor, action, target, outcome, status, client_ip, seq, prev_hash, hash, mac)
                values (?, 'admin', 'POST /api/v1/users', '/api/v1/users/9', 'SUCCESS', 201, '10.9.9.9', 8, ?, ?, ?)""")
                .params(Timestamp.from(at), prev, hash, "0".repeat(64)).update();
        assertProblem(Kind.INSERTED, 8);
    }

    @Test
    void findsARecordInsertedOutsideTheChain() {
        db.sql("insert into audit_event (actor, action, outcome) values ('admin', 'POST /x', 'SUCCESS')").update();
        AuditVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem().kind()).isEqualTo(Kind.INSERTED);
        assertThat(v.problem().eventId()).isNotNull();
    }

    @Test
    void findsReorderedRecords() {
        tamper("update audit_event set seq = -1 where seq = 9");
        tamper("update audit_event set seq = 9 where seq = 10");
        tamper("update audit_event set seq = 10 where seq = -1");
        assertProblem(Kind.REORDERED, 9);
    }

    @Test
    void findsATruncatedTable() {
        tamper("truncate audit_event");
        assertProblem(Kind.TRUNCATED, 1);
        // and with the end reset to the beginning too: the anchor outside the database still knows
        tamper("update audit_chain_head set seq = 0, hash = repeat('0', 64), mac = null");
        assertProblem(Kind.TRUNCATED, 1);
    }

    @Test
    void findsTheEndCutOffAfterARestoreOfAnOlderBackup() {
        // a backup taken at position 12 holds the end as it was then
        String at12 = db.sql("select hash from audit_event where seq = 12").query(String.class).single();
        String mac12 = chain.headMac(12, at12);
        tamper("delete from audit_event where seq > 12");
        tamper("update audit_chain_head set seq = 12, hash = '" + at12 + "', mac = '" + mac12 + "'");
        assertProblem(Kind.TRUNCATED, 13);
    }

    @Test
    void findsTheEndCutOffWhereTheEndWasLeftAsItWas() {
        tamper("delete from audit_event where seq > 17");
        assertProblem(Kind.TRUNCATED, 18);
    }

    @Test
    void aForgedEndIsAlteration() {
        tamper("update audit_chain_head set seq = 25");
        assertProblem(Kind.ALTERED, 25);
    }

    @Test
    void appendsGoOnAfterAVerificationAndStayIntact() {
        assertThat(log.verify().intact()).isTrue();
        log.record("user1", "POST /api/v1/proposals", "/api/v1/proposals/21", "SUCCESS", 201, null, "10.0.0.1");
        assertThat(log.verify().checked()).isEqualTo(21);
        assertThat(log.verify().intact()).isTrue();
    }

    private void assertProblem(Kind kind, long position) {
        AuditVerification v = log.verify();
        assertThat(v.intact()).as("%s", v).isFalse();
        assertThat(v.problem().kind()).as("%s", v).isEqualTo(kind);
        assertThat(v.problem().position()).as("%s", v).isEqualTo(position);
        assertThat(v.checked()).isLessThan(position);
    }

    /** A statement run the way an attacker with the owner's rights would: around the triggers. */
    private void tamper(String sql) {
        db.sql("set session_replication_role = replica; " + sql + "; set session_replication_role = origin").update();
    }
}
