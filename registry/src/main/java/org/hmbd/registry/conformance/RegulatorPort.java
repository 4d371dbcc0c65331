package org.hmbd.registry.conformance;

import java.time.Instant;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The regulatory access port (Measures Art. 38): read-only views for health administrations over
 * their own subtree of the administrative tree: institutions and their conformance status, runs as
 * metadata and scores (never the submitted data, nor who submitted it), certificates, adoption.
 * Only supervisors ({@link Role#SUPERVISOR}) reach it, with a sign-in or a {@code REGULATOR_READ} token.
 */
@Service
public class RegulatorPort {

    private final JdbcClient jdbc;
    private final Visibility visibility;
    private final Runs runs;

    RegulatorPort(JdbcClient jdbc, Visibility visibility, Runs runs) {
        this.jdbc = jdbc;
        this.visibility = visibility;
        this.runs = runs;
    }

    public record Institution(long id, String nameZh, String regionCode, String grade, Long parentId, long runs,
                              long runsSucceeded, long certificatesInForce) {
    }

    /** A run as a regulator sees it: what was tested and how it scored. */
    public record RunSummary(long id, long editionId, String editionCode, long organizationId, String organizationName,
                             String regionCode, RunStatus status, Instant createdAt, Instant finishedAt,
                             Runs.Result result, String certificateNumber) {
    }

    public PageResult<Institution> institutions(Actor viewer, PageQuery page) {
        viewer.require(Role.SUPERVISOR);
        ListQuery q = visibility.scope(viewer).restrict(ListQuery.filter(), "o").and("o.level = 'INSTITUTION'");
        return q.page(jdbc, """
                        select o.id, o.name_zh, o.region_code, o.grade, o.parent_id,
                               (select count(*) from conformance_run r where r.organization_id = o.id) as runs,
                               (select count(*) from conformance_run r where r.organization_id = o.id
                                  and r.status = 'SUCCEEDED') as succeeded,
                               (select count(*) from certificate c where c.organization_id = o.id
                                  and c.revoked_at is null and c.valid_until >= current_date) as certificates
                        from organization o""", "select count(*) from organization o", "order by o.id", page,
                (rs, n) -> new Institution(rs.getLong("id"), rs.getString("name_zh"), rs.getString("region_code"),
                        rs.getString("grade"), (Long) rs.getObject("parent_id"), rs.getLong("runs"),
                        rs.getLong("succeeded"), rs.getLong("certificates")));
    }

    public PageResult<RunSummary> runs(Actor viewer, Runs.RunFilter filter, PageQuery page) {
        viewer.require(Role.SUPERVISOR);
        PageResult<Runs.RunView> all = runs.list(viewer, filter, page);
        return new PageResult<>(all.items().stream().map(r -> new RunSummary(r.id(), r.editionId(), r.editionCode(),
                r.organizationId(), r.organizationName(), r.regionCode(), r.status(), r.createdAt(), r.finishedAt(),
                r.result(), r.certificateNumber())).toList(), all.page(), all.size(), all.total());
    }
}
