package org.hmbd.registry.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.report.Baseline;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.ReportCsv;
import org.hmbd.validator.report.ReportHtml;
import org.hmbd.validator.report.ReportJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The results of finished runs: checks, findings (filtered, paged), reports and comparisons. */
@Service
public class RunReports {

    private final JdbcClient jdbc;
    private final Runs runs;
    private final RunResults results;

    RunReports(JdbcClient jdbc, Runs runs, RunResults results) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.results = results;
    }

    public record CheckView(String checkId, String severity, String dimension, long count, String rule,
                            String messageZh, String messageEn) {
    }

    public record FindingView(int seq, String checkId, String severity, String dimension, String source, Long line,
                              Integer entry, String location, String resourceType, String resourceId,
                              String messageZh, String messageEn) {
    }

    public record FindingFilter(String checkId, String severity, String dimension, String resourceType) {
    }

    /** Report formats for download. */
    public enum Format { JSON, HTML, CSV }

    public List<CheckView> checks(Actor viewer, long runId) {
        requireResult(viewer, runId);
        return jdbc.sql("select check_id, severity, dimension, count, rule, message_zh, message_en from run_check "
                        + "where run_id = ? order by count desc, check_id")
                .param(runId)
                .query((rs, n) -> new CheckView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    public PageResult<FindingView> findings(Actor viewer, long runId, FindingFilter f, PageQuery page) {
        requireResult(viewer, runId);
        String checkId = ListQuery.given(f.checkId());
        String resourceType = ListQuery.given(f.resourceType());
        ListQuery q = ListQuery.filter().and("run_id = :runId", runId)
                .and("check_id = :checkId", checkId == null ? null : Text.optional("checkId", checkId, 200))
                .and("severity = :severity",
                        f.severity() == null ? null : Text.enumValue("severity", f.severity(), Severity.class).name())
                .and("dimension = :dimension",
                        f.dimension() == null ? null : Text.enumValue("dimension", f.dimension(), Dimension.class).name())
                .and("resource_type = :resourceType",
                        resourceType == null ? null : Text.optional("resourceType", resourceType, 100));
        return q.page(jdbc, """
                        select seq, check_id, severity, dimension, source, line, entry, location, resource_type,
                               resource_id, message_zh, message_en from run_finding""",
                "select count(*) from run_finding", "order by seq", page,
                (rs, n) -> new FindingView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Long) rs.getObject(6), (Integer) rs.getObject(7), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
    }

    public void writeReport(Actor viewer, long runId, Format format, OutputStream out) throws IOException {
        requireResult(viewer, runId);
        Report r = results.report(runId);
        switch (format) {
            case JSON -> ReportJson.write(r, out);
            case HTML -> ReportHtml.write(r, out);
            case CSV -> ReportCsv.write(r, out);
        }
    }

    /**
     * This run against the organization's previous successful run on the same standard (any edition:
     * check ids are stable across editions): new, resolved and persisting checks.
     */
    public record ComparisonView(long runId, long previousRunId, Report.Comparison comparison) {
    }

    public ComparisonView comparison(Actor viewer, long runId) {
        Runs.RunView run = requireResult(viewer, runId);
        Long previous = jdbc.sql("""
                        select p.id from conformance_run p
                        join edition pe on pe.id = p.edition_id
                        join edition e on e.id = ?
                        where p.organization_id = ? and pe.standard_id = e.standard_id and p.status = 'SUCCEEDED'
                          and p.id <> ? and p.finished_at < ?
                        order by p.finished_at desc limit 1""")
                .params(run.editionId(), run.organizationId(), runId, java.sql.Timestamp.from(run.finishedAt()))
                .query(Long.class).optional().orElse(null);
        if (previous == null) {
            throw new DomainException(ErrorCode.NOT_FOUND, Map.of("resource", "previous-run", "id", runId),
                    Msg.of("problem.not-found.no-previous-run", runId));
        }
        Report compared = Baseline.compare(results.report(runId), results.report(previous));
        return new ComparisonView(runId, previous, compared.comparison());
    }

    /** The run, when it is visible and finished with a result. */
    private Runs.RunView requireResult(Actor viewer, long runId) {
        Runs.RunView run = runs.visible(viewer, runId);
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new DomainException(ErrorCode.CONFLICT, Map.of("currentStatus", run.status().name()),
                    Msg.of("conflict.run-without-result", run.status()));
        }
        return run;
    }
}
