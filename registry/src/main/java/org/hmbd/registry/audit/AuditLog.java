package org.hmbd.registry.audit;

import java.sql.Timestamp;
import java.time.Instant;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail (Measures Art. 23): every write request, successful or refused. Rows are
 * append-only, enforced by a database trigger.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String actor, String action, String target, String outcome, Integer status, String detail,
                       String clientIp) {
        jdbc.sql("""
                insert into audit_event (actor, action, target, outcome, status, detail, client_ip)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(cut(actor, 64), cut(action, 200), cut(target, 500), cut(outcome, 20), status,
                        cut(detail, 200), cut(clientIp, 64))
                .update();
    }

    public record Filter(String actor, String action, String target, String outcome, Instant from, Instant to) {
    }

    public PageResult<AuditEvent> search(Filter f, PageQuery page) {
        ListQuery q = ListQuery.filter()
                .and("actor = :actor", f.actor())
                .and("action ilike :action", ListQuery.containing(f.action()))
                .and("target like :target", ListQuery.startingWith(f.target()))
                .and("outcome = :outcome", f.outcome())
                .and("at >= :from", f.from() == null ? null : Timestamp.from(f.from()))
                .and("at < :to", f.to() == null ? null : Timestamp.from(f.to()));
        return q.page(jdbc, "select * from audit_event", "select count(*) from audit_event", "order by id desc", page,
                (rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("outcome"), (Integer) rs.getObject("status"), rs.getString("detail"),
                        rs.getString("client_ip")));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
