package org.hmbd.registry.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hmbd.registry.audit.AuditVerification.Kind;
import org.hmbd.registry.audit.AuditVerification.Problem;
import org.hmbd.registry.platform.HmbdProperties;
import org.hmbd.registry.platform.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail as a hash chain: each record's hash covers its content and its predecessor's
 * hash, and a MAC keyed from outside the database seals each hash and the chain's end. An anchor
 * file beside the keys remembers the furthest position written, so that a chain cut at its end (or
 * a database restored from an older backup) is found too.
 */
@Component
class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 5000;

    private final SecretKeySpec key;
    private final Path anchorFile;

    @Autowired
    AuditChain(AuditProperties props, HmbdProperties hmbd) throws IOException {
        this(Keys.configuredOrGenerated(props.macKey(), "hmbd.audit.mac-key", hmbd.keyDir().resolve("audit.key"), 32),
                hmbd.keyDir().resolve("audit.anchor"));
    }

    AuditChain(byte[] key, Path anchorFile) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.anchorFile = anchorFile;
    }

    /** One record as the chain sees it. */
    record Entry(long id, Long seq, Instant at, String actor, String action, String target, String outcome,
                 Integer status, String detail, String clientIp, Long organizationId, Long actorId,
                 String actorNameMasked, String prevHash, String hash, String mac) {

        static Entry of(ResultSet rs) throws SQLException {
            return new Entry(rs.getLong("id"), (Long) rs.getObject("seq"), rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("outcome"),
                    (Integer) rs.getObject("status"), rs.getString("detail"), rs.getString("client_ip"),
                    (Long) rs.getObject("organization_id"), (Long) rs.getObject("actor_id"),
                    rs.getString("actor_name_masked"), rs.getString("prev_hash"), rs.getString("hash"),
                    rs.getString("mac"));
        }
    }

    /** SHA-256 over the content and the predecessor's hash (not the position: a moved record still verifies). */
    String hash(Instant at, String actor, String action, String target, String outcome, Integer status,
                String detail, String clientIp, String prevHash) {
        return hash(at, actor, action, target, outcome, status, detail, clientIp, null, null, null, prevHash);
    }

    /** With the acting account's organization (appended when set, so records without one hash as before). */
    String hash(Instant at, String actor, String action, String target, String outcome, Integer status,
                String detail, String clientIp, Long organizationId, Long actorId, String actorNameMasked,
                String prevHash) {
        String canonical = String.join("\u001f", "v1", at.toString(), field(actor), field(action), field(target),
                field(outcome), status == null ? "\u0000" : status.toString(), field(detail), field(clientIp), prevHash)
                + (organizationId == null ? "" : "\u001forg:" + organizationId)
                + (actorId == null ? "" : "\u001factor:" + actorId + "\u001f" + field(actorNameMasked));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String mac(String hash) {
        return hmac("record\u001f" + hash);
    }

    String headMac(long seq, String hash) {
        return hmac("head\u001f" + seq + "\u001f" + hash);
    }

    /** Moves the anchor forward to {@code seq} (never back); called after the record is committed. */
    synchronized void anchor(long seq, String hash) {
        try {
            if (seq <= anchored().map(Anchor::seq).orElse(0L)) {
                return;
            }
            Files.createDirectories(anchorFile.getParent());
            Path tmp = anchorFile.resolveSibling(anchorFile.getFileName() + ".tmp");
            Files.writeString(tmp, seq + " " + hash + " " + hmac("anchor\u001f" + seq + "\u001f" + hash));
            Files.move(tmp, anchorFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Anchor(long seq, String hash) {
    }

    /** The anchor, if there is one whose MAC verifies (a forged or damaged anchor counts as none). */
    Optional<Anchor> anchored() throws IOException {
        if (!Files.isRegularFile(anchorFile)) {
            return Optional.empty();
        }
        String[] parts = Files.readString(anchorFile).strip().split(" ");
        if (parts.length != 3 || !parts[0].matches("\\d{1,18}")
                || !MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII),
                        hmac("anchor\u001f" + parts[0] + "\u001f" + parts[1]).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Anchor(Long.parseLong(parts[0]), parts[1]));
    }

    /** Walks the whole chain, page by page, and reports the first break. */
    AuditVerification verify(JdbcClient jdbc) {
        long[] headSeq = new long[1];
        String[] head = new String[2];
        jdbc.sql("select seq, hash, mac from audit_chain_head where id = 1").query(rs -> {
            headSeq[0] = rs.getLong(1);
            head[0] = rs.getString(2);
            head[1] = rs.getString(3);
        });
        long outside = jdbc.sql("select count(*) from audit_event where seq is null").query(Long.class).single();
        long anchor;
        try {
            anchor = anchored().map(Anchor::seq).orElse(0L);
        } catch (IOException e) {
            anchor = 0;
        }
        long end = headSeq[0];
        // an end whose MAC fails cannot say where the chain stops: then every record is walked
        boolean endSealed = end == 0 ? GENESIS.equals(head[0]) : equal(head[1], headMac(end, head[0]));
        long limit = endSealed ? end : Long.MAX_VALUE;
        Problem problem = null;
        Optional<Long> firstChained = jdbc.sql("select min(id) from audit_event where seq is not null")
                .query(Long.class).optional();
        if (firstChained.isPresent()) {
            Optional<Long> strayId = jdbc.sql("select min(id) from audit_event where seq is null and id > ?")
                    .param(firstChained.get()).query(Long.class).optional();
            if (strayId.isPresent()) {
                problem = new Problem(Kind.INSERTED, 0, strayId.get());
            }
        }
        long expected = 1;
        String prev = GENESIS;
        while (problem == null && expected <= limit) {
            List<Entry> page = jdbc.sql("select * from audit_event where seq >= ? and seq <= ? order by seq limit ?")
                    .params(expected, limit, PAGE).query((rs, n) -> Entry.of(rs)).list();
            if (page.isEmpty()) {
                break;
            }
            for (Entry e : page) {
                problem = check(jdbc, e, expected, prev);
                if (problem != null) {
                    break;
                }
                prev = e.hash();
                expected = e.seq() + 1;
            }
        }
        long checked = expected - 1;
        if (problem == null && !endSealed) {
            problem = new Problem(Kind.ALTERED, end, null); // the end itself was rewritten
        }
        if (problem == null && checked < end) {
            problem = new Problem(Kind.TRUNCATED, checked + 1, null);
        }
        if (problem == null && end > 0 && !prev.equals(head[0])) {
            problem = new Problem(Kind.ALTERED, end, null);
        }
        if (problem == null && anchor > end) {
            problem = new Problem(Kind.TRUNCATED, end + 1, null);
        }
        return new AuditVerification(problem == null, checked, end, anchor, outside, problem);
    }

    private Problem check(JdbcClient jdbc, Entry e, long expected, String prev) {
        if (e.seq() > expected) {
            return new Problem(Kind.DELETED, expected, e.id());
        }
        String recomputed = hash(e.at(), e.actor(), e.action(), e.target(), e.outcome(), e.status(), e.detail(),
                e.clientIp(), e.organizationId(), e.actorId(), e.actorNameMasked(),
                e.prevHash() == null ? "" : e.prevHash());
        if (!recomputed.equals(e.hash())) {
            return new Problem(Kind.ALTERED, e.seq(), e.id());
        }
        if (!equal(e.mac(), mac(e.hash()))) {
            return new Problem(Kind.INSERTED, e.seq(), e.id());
        }
        if (!prev.equals(e.prevHash())) {
            // a genuine record after the wrong predecessor: moved if its own predecessor is elsewhere
            boolean elsewhere = jdbc.sql("select count(*) from audit_event where hash = ?").param(e.prevHash())
                    .query(Long.class).single() > 0;
            return new Problem(elsewhere ? Kind.REORDERED : Kind.DELETED, e.seq(), e.id());
        }
        return null;
    }

    private boolean equal(String stored, String expected) {
        return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String text) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return HexFormat.of().formatHex(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String s) {
        return s == null ? "\u0000" : s;
    }
}
