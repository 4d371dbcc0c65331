package org.hmbd.registry.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail (Measures Art. 23): every write request, successful or refused. Rows are
 * append-only (database triggers refuse UPDATE, DELETE and TRUNCATE) and hash-chained
 * ({@link AuditChain}): a change made around the triggers is found by {@link #verify()}.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final AuditChain chain;

    private final JdbcClient streaming;

    private final String lockTimeout;

    AuditLog(JdbcClient jdbc, AuditChain chain, javax.sql.DataSource dataSource, AuditProperties props) {
        this.lockTimeout = Math.max(1, props.lockTimeout().toMillis()) + "ms";
        this.jdbc = jdbc;
        this.chain = chain;
        org.springframework.jdbc.core.JdbcTemplate batched = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        batched.setFetchSize(1000);
        this.streaming = JdbcClient.create(batched);
    }

    /**
     * Appends a record to the chain. Appends are serialized by the lock on the chain's end; the
     * anchor moves after the commit.
     */
    @Transactional
    public void record(String actor, String action, String target, String outcome, Integer status, String detail,
                       String clientIp) {
        record(actor, null, action, target, outcome, status, detail, clientIp);
    }

    /** @param organizationId the acting account's organization, if known */
    @Transactional
    public void record(String actor, Long organizationId, String action, String target, String outcome, Integer status,
                       String detail, String clientIp) {
        record(new Who(actor, null, null, organizationId), action, target, outcome, status, detail, clientIp);
    }

    /** Who acted: user name, account id and masked real name, organization (each may be unknown). */
    public record Who(String username, Long accountId, String realNameMasked, Long organizationId) {
    }

    @Transactional
    public void record(Who who, String action, String target, String outcome, Integer status, String detail,
                       String clientIp) {
        String actor = who.username();
        Long organizationId = who.organizationId();
        // bounded: an append that cannot take the chain's end fails instead of hanging its request
        jdbc.sql("select set_config('lock_timeout', ?, true)").param(lockTimeout).query().singleRow();
        String[] head = jdbc.sql("select seq, hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        long seq = Long.parseLong(head[0]) + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String a = cut(actor, 64);
        String act = cut(action, 200);
        String t = cut(target, 500);
        String o = cut(outcome, 20);
        String d = cut(detail, 200);
        String ip = cut(clientIp, 64);
        String masked = cut(who.realNameMasked(), 100);
        String hash = chain.hash(at, a, act, t, o, status, d, ip, organizationId, who.accountId(), masked, head[1]);
        jdbc.sql("""
                insert into audit_event (at, actor, action, target, outcome, status, detail, client_ip,
                                         seq, prev_hash, hash, mac, organization_id, actor_id, actor_name_masked)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(at), a, act, t, o, status, d, ip, seq, head[1], hash, chain.mac(hash),
                        organizationId, who.accountId(), masked)
                .update();
        jdbc.sql("update audit_chain_head set seq = ?, hash = ?, mac = ? where id = 1")
                .params(seq, hash, chain.headMac(seq, hash)).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    chain.anchor(seq, hash);
                }
            });
        } else {
            chain.anchor(seq, hash); // outside a transaction (contract tests): each statement is committed
        }
    }

    /** Walks the whole chain (audit administrators; also {@code java -jar registry.jar audit-verify}); a break is a security warning. */
    public AuditVerification verify() {
        AuditVerification v = chain.verify(jdbc);
        if (!v.intact() && events != null) {
            events.publishEvent(new org.hmbd.registry.shared.SecurityEvent(
                    org.hmbd.registry.shared.SecurityEvent.Kind.AUDIT_CHAIN_BROKEN, null, null,
                    v.problem().kind() + " at " + v.problem().position(), null));
        }
        return v;
    }

    /** The security warnings ({@link SecurityMonitor}), newest first; {@code kind} narrows to one kind. */
    @Transactional(readOnly = true)
    public PageResult<AuditEvent> securityEvents(String kind, Instant from, Instant to, PageQuery page) {
        String k = ListQuery.given(kind);
        if (k != null) {
            org.hmbd.registry.shared.Text.enumValue("kind", k, org.hmbd.registry.shared.SecurityEvent.Kind.class);
        }
        ListQuery q = ListQuery.filter().and("action like :prefix", SecurityMonitor.ACTION_PREFIX + "%")
                .and("action = :kindAction", k == null ? null : SecurityMonitor.ACTION_PREFIX + k.toUpperCase())
                .and("at >= :from", from == null ? null : Timestamp.from(from))
                .and("at < :to", to == null ? null : Timestamp.from(to));
        return q.page(jdbc, "select * from audit_event", "select count(*) from audit_event", "order by id desc", page,
                AuditLog::event);
    }

    private org.springframework.context.ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setEvents(org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
    }

    public record Filter(String actor, String action, String target, String outcome, Instant from, Instant to) {
    }

    public PageResult<AuditEvent> search(Filter f, PageQuery page) {
        ListQuery q = filterOf(f);
        return q.page(jdbc, "select * from audit_event", "select count(*) from audit_event", "order by id desc", page,
                AuditLog::event);
    }

    /** The records of accounts whose organization lies in the subtree {@code path} (the regulator port). */
    @Transactional(readOnly = true)
    public PageResult<AuditEvent> searchRegion(String path, Filter f, PageQuery page) {
        ListQuery q = filterOf(f).and("o.path like :regionPath", ListQuery.escapeLike(path) + "%");
        return q.page(jdbc, "select e.* from audit_event e join organization o on o.id = e.organization_id",
                "select count(*) from audit_event e join organization o on o.id = e.organization_id",
                "order by e.id desc", page,
                AuditLog::event);
    }

    private static ListQuery filterOf(Filter f) {
        return ListQuery.filter()
                .and("actor = :actor", f.actor())
                .and("action ilike :action", ListQuery.containing(f.action()))
                .and("target like :target", ListQuery.startingWith(f.target()))
                .and("outcome = :outcome", f.outcome())
                .and("at >= :from", f.from() == null ? null : Timestamp.from(f.from()))
                .and("at < :to", f.to() == null ? null : Timestamp.from(f.to()));
    }

    /** Streams the matching records (of a region's accounts when {@code regionPath} is set), oldest first, as CSV (with a BOM) or JSON lines. */
    @Transactional(readOnly = true)
    public void export(String regionPath, Filter f, boolean csv, java.io.Writer out) {
        ListQuery q = filterOf(f);
        String from = "select * from audit_event";
        if (regionPath != null) {
            q = q.and("organization_id in (select id from organization where path like :regionPath)",
                    ListQuery.escapeLike(regionPath) + "%");
        }
        if (csv) {
            write(out, "\uFEFFid,seq,at,actor,action,target,outcome,status,detail,client_ip,hash\r\n");
        }
        q.stream(streaming, from, "order by id", rs -> {
            Object[] v = {rs.getLong("id"), rs.getObject("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                    rs.getString("action"), rs.getString("target"), rs.getString("outcome"), rs.getObject("status"),
                    rs.getString("detail"), rs.getString("client_ip"), rs.getString("hash")};
            write(out, csv ? csvLine(v) : jsonLine(v));
        });
    }

    private static final String[] COLUMNS = {"id", "seq", "at", "actor", "action", "target", "outcome", "status",
            "detail", "clientIp", "hash"};

    private static String csvLine(Object[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String s = values[i] == null ? "" : values[i].toString();
            // a leading =, +, - or @ would be a formula in a spreadsheet
            if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(values[i] instanceof Number)) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                    || s.startsWith("'")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        return sb.append("\r\n").toString();
    }

    private static String jsonLine(Object[] values) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(COLUMNS[i]).append("\":");
            Object v = values[i];
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number) {
                sb.append(v);
            } else {
                sb.append('"');
                for (char c : v.toString().toCharArray()) {
                    switch (c) {
                        case '"' -> sb.append("\\\"");
                        case '\\' -> sb.append("\\\\");
                        default -> {
                            if (c < 0x20) {
                                sb.append(String.format("\\u%04x", (int) c));
                            } else {
                                sb.append(c);
                            }
                        }
                    }
                }
                sb.append('"');
            }
        }
        return sb.append("}\n").toString();
    }

    private static void write(java.io.Writer out, String s) {
        try {
            out.write(s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static AuditEvent event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                (Long) rs.getObject("actor_id"), rs.getString("actor_name_masked"), (Long) rs.getObject("organization_id"),
                rs.getString("action"), rs.getString("target"), rs.getString("outcome"), (Integer) rs.getObject("status"),
                rs.getString("detail"), rs.getString("client_ip"));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
