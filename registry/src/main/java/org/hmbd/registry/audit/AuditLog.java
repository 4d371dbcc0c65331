package org.hmbd.registry.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> params = new ArrayList<>();
        if (f.actor() != null) {
            where.append(" and actor = ?");
            params.add(f.actor());
        }
        if (f.action() != null) {
            where.append(" and action ilike ?");
            params.add("%" + f.action() + "%");
        }
        if (f.target() != null) {
            where.append(" and target like ?");
            params.add(f.target() + "%");
        }
        if (f.outcome() != null) {
            where.append(" and outcome = ?");
            params.add(f.outcome());
        }
        if (f.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(f.to()));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<AuditEvent> items = jdbc.sql("select * from audit_event" + where + " order by id desc limit ? offset ?")
                .params(p)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("outcome"), (Integer) rs.getObject("status"), rs.getString("detail"),
                        rs.getString("client_ip")))
                .list();
        return new PageResult<>(items, page.page(), page.size(), total);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
