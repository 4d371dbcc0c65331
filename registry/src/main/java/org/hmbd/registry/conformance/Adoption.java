package org.hmbd.registry.conformance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Evidence of how an edition is applied (Art. 13-15), from the conformance runs the viewer may see:
 * institutions tested and passing, by region, hospital grade and kind, over time; the score distribution; the
 * checks failed by most institutions. Per institution: its conformance across standards, the
 * export accreditation uses. An institution "passes" when its latest successful run on the edition
 * reached a level.
 */
@Service
public class Adoption {

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final TestSuites suites;

    Adoption(JdbcClient jdbc, Visibility visibility, TestSuites suites) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.suites = suites;
    }

    /** Grouping of institutions by their GB/T 2260 code. */
    public enum RegionLevel {
        PROVINCE(2), PREFECTURE(4), COUNTY(6);

        final int digits;

        RegionLevel(int digits) {
            this.digits = digits;
        }
    }

    public record Group(String key, long tested, long passing) {
    }

    public record Month(String month, long tested, long passing) {
    }

    public record Bucket(int from, int to, long institutions) {
    }

    public record FailedCheck(String checkId, String dimension, long institutions, long findings) {
    }

    public record EditionAdoption(long editionId, String code, Instant asOf, long institutionsTested,
                                  long institutionsPassing, Double passRate, List<Group> byRegion,
                                  List<Group> byInstitutionGrade, List<Group> byOrganizationKind, List<Month> overTime, List<Bucket> scoreDistribution,
                                  List<FailedCheck> mostFailedChecks) {
    }

    /** Latest successful run per organization on the edition, within the viewer's scope. */
    private static String latestRuns(ListQuery q) {
        return """
                with latest as (
                  select distinct on (r.organization_id) r.id, r.organization_id, r.score, r.level_code,
                         r.finished_at, o.region_code, o.kind, o.grade
                  from conformance_run r join organization o on o.id = r.organization_id
                """ + q.where() + """

                  order by r.organization_id, r.finished_at desc)
                """;
    }

    public EditionAdoption edition(Actor viewer, long editionId, String groupBy) {
        return edition(visibility.nationalAggregates(viewer) ? Visibility.ALL : visibility.scope(viewer), editionId,
                groupBy);
    }

    EditionAdoption edition(Visibility.Scope scope, long editionId, String groupBy) {
        var target = suites.requireKnown(editionId);
        RegionLevel level = groupBy == null ? RegionLevel.PROVINCE
                : Text.enumValue("groupBy", groupBy.toUpperCase(), RegionLevel.class);
        ListQuery q = scope.restrict(ListQuery.filter(), "o").and("r.edition_id = :editionId", editionId)
                .and("r.status = 'SUCCEEDED'");
        Map<String, Object> p = q.params();
        String with = latestRuns(q);

        var totals = jdbc.sql(with + "select count(*), count(*) filter (where level_code is not null) from latest")
                .params(p).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        List<Group> byRegion = jdbc.sql(with + "select rpad(substr(region_code, 1, " + level.digits + "), 6, '0'), "
                        + "count(*), count(*) filter (where level_code is not null) from latest group by 1 order by 1")
                .params(p).query((rs, n) -> new Group(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<Group> byGrade = jdbc.sql(with + "select coalesce(grade, 'NOT_STATED'), count(*), "
                        + "count(*) filter (where level_code is not null) from latest group by 1 order by 1")
                .params(p).query((rs, n) -> new Group(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<Group> byKind = jdbc.sql(with + "select kind, count(*), count(*) filter (where level_code is not null) "
                        + "from latest group by 1 order by 1")
                .params(p).query((rs, n) -> new Group(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        // per month: institutions tested by then, and those whose latest run by then reached a level
        List<Month> overTime = jdbc.sql("""
                        with runs as (
                          select r.organization_id, r.level_code, r.finished_at,
                                 to_char(date_trunc('month', r.finished_at at time zone 'Asia/Shanghai'), 'YYYY-MM') m
                          from conformance_run r join organization o on o.id = r.organization_id
                        """ + q.where() + """
                        ),
                        months as (select distinct m from runs),
                        state as (
                          select months.m, l.organization_id, l.level_code from months
                          cross join lateral (
                            select distinct on (organization_id) organization_id, level_code from runs
                            where runs.m <= months.m order by organization_id, finished_at desc) l)
                        select m, count(*), count(*) filter (where level_code is not null) from state
                        group by m order by m""")
                .params(p).query((rs, n) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
        List<Bucket> buckets = new ArrayList<>();
        long[] counts = new long[10];
        jdbc.sql(with + "select least(9, floor(coalesce(score, 0) / 10))::int, count(*) from latest group by 1")
                .params(p).query((rs, n) -> counts[rs.getInt(1)] = rs.getLong(2)).list();
        for (int i = 0; i < 10; i++) {
            buckets.add(new Bucket(i * 10, i == 9 ? 100 : i * 10 + 10, counts[i]));
        }
        List<FailedCheck> failed = jdbc.sql(with + """
                        select c.check_id, min(c.dimension), count(distinct l.organization_id), sum(c.count)
                        from latest l join run_check c on c.run_id = l.id
                        where c.severity = 'ERROR'
                        group by c.check_id order by 3 desc, 4 desc, 1 limit 10""")
                .params(p).query((rs, n) -> new FailedCheck(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getLong(4))).list();
        long tested = totals[0];
        long passing = totals[1];
        return new EditionAdoption(editionId, target.code(), Instant.now(), tested, passing,
                tested == 0 ? null : Math.round(passing * 1000.0 / tested) / 10.0, byRegion, byGrade, byKind, overTime,
                buckets, failed);
    }

    public record StandardStatus(long standardId, String standardTitleZh, String standardTitleEn, long editionId,
                                 String editionCode, String editionStatus, long runId, Instant testedAt,
                                 Double score, String levelCode, boolean passed, String certificateNumber,
                                 java.time.LocalDate certificateValidUntil) {
    }

    public record OrganizationStatus(long organizationId, String organizationName, String regionCode,
                                     List<StandardStatus> standards) {
    }

    /** One institution's conformance across standards: its latest successful run per edition. */
    public OrganizationStatus organization(Actor viewer, long organizationId) {
        ListQuery q = visibility.scope(viewer).restrict(ListQuery.filter(), "o").and("o.id = :id", organizationId);
        var org = q.list(jdbc, "select o.id, o.name_zh, o.region_code from organization o", "order by o.id",
                        (rs, n) -> new Object[] {rs.getString(2), rs.getString(3)}).stream().findFirst()
                .orElseThrow(() -> DomainException.notFound("organization", organizationId));
        List<StandardStatus> rows = jdbc.sql("""
                        select distinct on (r.edition_id) s.id, s.title_zh, s.title_en, e.id, e.code, e.status, r.id,
                               r.finished_at, r.score, r.level_code, r.passed, c.number, c.valid_until
                        from conformance_run r
                        join edition e on e.id = r.edition_id join standard s on s.id = e.standard_id
                        left join certificate c on c.run_id = r.id
                        where r.organization_id = ? and r.status = 'SUCCEEDED'
                        order by r.edition_id, r.finished_at desc""")
                .param(organizationId)
                .query((rs, n) -> new StandardStatus(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getTimestamp(8).toInstant(),
                        rs.getBigDecimal(9) == null ? null : rs.getBigDecimal(9).doubleValue(), rs.getString(10),
                        rs.getBoolean(11), rs.getString(12),
                        rs.getDate(13) == null ? null : rs.getDate(13).toLocalDate()))
                .list();
        return new OrganizationStatus(organizationId, (String) org[0], (String) org[1], rows);
    }
}
