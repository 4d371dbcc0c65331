package org.hmbd.registry.conformance;

import java.time.LocalDate;
import java.util.List;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Conformance certificates: issued when a run reaches a level (see {@link RunResults}); anyone may
 * verify a certificate number.
 */
@Service
public class Certificates {

    private final JdbcClient jdbc;
    private final Visibility visibility;

    Certificates(JdbcClient jdbc, Visibility visibility) {
        this.jdbc = jdbc;
        this.visibility = visibility;
    }

    /** Whether a certificate is in force today, and if not, why. */
    public enum Validity { VALID, EXPIRED, REVOKED, EDITION_ABOLISHED }

    /**
     * What the public verification answers: the certificate exists (it is genuine) and whether it is
     * still valid, with what it certifies.
     */
    public record Verification(String number, boolean genuine, boolean valid, Validity validity,
                               String organizationName, String regionCode, long editionId, String editionCode,
                               String standardTitleZh, String standardTitleEn, String editionStatus,
                               String levelCode, double score, LocalDate issuedOn, LocalDate validUntil,
                               String reportSha256, long runId) {
    }

    private static final String SELECT = """
            select c.*, o.name_zh, o.region_code, e.code, e.status as edition_status, s.title_zh, s.title_en
            from certificate c
            join organization o on o.id = c.organization_id
            join edition e on e.id = c.edition_id
            join standard s on s.id = e.standard_id""";

    /** Crockford's base 32: no I, L, O or U to misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /**
     * A new certificate number, {@code HMBD-<year>-XXXX-XXXX-XXXX}: 60 random bits, so that numbers
     * cannot be enumerated to list the certified institutions (they were sequential before).
     */
    static String newNumber(int year) {
        StringBuilder sb = new StringBuilder("HMBD-").append(year);
        for (int i = 0; i < 12; i++) {
            if (i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * What anyone may learn from a certificate number: that it is genuine, whether it is in force,
     * and what it certifies. Not the run behind it, nor anything else about the institution.
     */
    public record PublicVerification(String number, boolean genuine, boolean valid, Validity validity,
                                     String organizationName, String editionCode, String standardTitleZh,
                                     String standardTitleEn, String levelCode, double score, LocalDate issuedOn,
                                     LocalDate validUntil, String reportSha256) {

        static PublicVerification of(Verification v) {
            return new PublicVerification(v.number(), v.genuine(), v.valid(), v.validity(), v.organizationName(),
                    v.editionCode(), v.standardTitleZh(), v.standardTitleEn(), v.levelCode(), v.score(), v.issuedOn(),
                    v.validUntil(), v.reportSha256());
        }
    }

    /** The public answer for a number (404 for a number never issued). */
    public PublicVerification verifyPublicly(String number) {
        return PublicVerification.of(verify(number));
    }

    public Verification verify(String number) {
        if (number == null || number.length() > 40) {
            throw DomainException.notFound("certificate", number);
        }
        return jdbc.sql(SELECT + " where c.number = ?").param(number.strip().toUpperCase())
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> DomainException.notFound("certificate", number));
    }

    /** Certificates in force on an edition: how many, and those the viewer may see (none for anonymous). */
    public record InForce(long count, List<Verification> visible) {
    }

    public InForce inForce(Actor viewer, long editionId) {
        String current = " c.edition_id = ? and c.revoked_at is null and c.valid_until >= current_date";
        long count = jdbc.sql("select count(*) from certificate c where" + current).param(editionId)
                .query(Long.class).single();
        if (viewer == null || count == 0) {
            return new InForce(count, List.of());
        }
        ListQuery q = visibility.scope(viewer).restrict(ListQuery.filter(), "o")
                .and("c.edition_id = :editionId", editionId)
                .and("c.revoked_at is null and c.valid_until >= current_date");
        List<Verification> visible = q.list(jdbc, SELECT, "order by c.number limit 1000", (rs, n) -> map(rs));
        return new InForce(count, visible);
    }

    public PageResult<Verification> list(Actor viewer, Long organizationId, Long editionId, PageQuery page) {
        ListQuery q = visibility.scope(viewer).restrict(ListQuery.filter(), "o")
                .and("c.organization_id = :organizationId", organizationId)
                .and("c.edition_id = :editionId", editionId);
        return q.page(jdbc, SELECT, "select count(*) from certificate c join organization o on o.id = c.organization_id",
                "order by c.issued_on desc, c.number desc", page, (rs, n) -> map(rs));
    }

    private static Verification map(java.sql.ResultSet rs) throws java.sql.SQLException {
        LocalDate until = rs.getDate("valid_until").toLocalDate();
        String editionStatus = rs.getString("edition_status");
        Validity validity = rs.getTimestamp("revoked_at") != null ? Validity.REVOKED
                : "ABOLISHED".equals(editionStatus) ? Validity.EDITION_ABOLISHED
                : BusinessDates.today().isAfter(until) ? Validity.EXPIRED : Validity.VALID;
        return new Verification(rs.getString("number"), true, validity == Validity.VALID, validity,
                rs.getString("name_zh"), rs.getString("region_code"), rs.getLong("edition_id"), rs.getString("code"),
                rs.getString("title_zh"), rs.getString("title_en"), editionStatus, rs.getString("level_code"),
                rs.getBigDecimal("score").doubleValue(), rs.getDate("issued_on").toLocalDate(), until,
                rs.getString("report_sha256"), rs.getLong("run_id"));
    }
}
