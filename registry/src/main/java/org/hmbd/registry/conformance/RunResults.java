package org.hmbd.registry.conformance;

import org.hmbd.registry.shared.Digests;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hmbd.registry.shared.BusinessDates;
import org.hmbd.validator.Finding;
import org.hmbd.validator.report.CheckSummary;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.ReportJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores what a run found: the report (compressed JSON, with its SHA-256 digest), its checks with
 * counts, the findings kept in full, the summary and scores; issues the certificate when a level
 * was reached. Called by a worker inside the transaction that finishes the run.
 */
@Component
class RunResults {

    private final JsonMapper json;

    private final JdbcClient jdbc;
    private final RunStore runs;
    private final JdbcTemplate batch;
    private final ConformanceProperties props;

    RunResults(JdbcClient jdbc, RunStore runs, JdbcTemplate batch, ConformanceProperties props, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.runs = runs;
        this.batch = batch;
        this.props = props;
    }

    void store(long runId, Report report) {
        byte[] reportJson;
        try {
            reportJson = ReportJson.toString(report).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String digest = Digests.sha256Hex(reportJson);
        var scores = report.scores();
        runs.storeResult(runId, new RunStore.ResultColumns(gzip(reportJson), digest, scores.overall(),
                scores.level() == null ? null : scores.level().code(), scores.passed(), report.summary().resources(),
                report.summary().errors(), report.summary().warnings(), json.writeValueAsString(scores)));
        List<Object[]> checks = new ArrayList<>();
        for (CheckSummary c : report.checks()) {
            checks.add(new Object[] {runId, cut(c.checkId(), 200), c.severity().name(), c.dimension().name(),
                    c.count(), cut(c.rule(), 500), cut(c.message() == null ? null : c.message().zh(), 4000),
                    cut(c.message() == null ? null : c.message().en(), 4000)});
        }
        batch.batchUpdate("""
                insert into run_check (run_id, check_id, severity, dimension, count, rule, message_zh, message_en)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", checks);
        List<Object[]> findings = new ArrayList<>();
        int seq = 0;
        for (Finding f : report.findings()) {
            findings.add(new Object[] {runId, seq++, cut(f.checkId(), 200), f.severity().name(), f.dimension().name(),
                    cut(f.source(), 500), f.line(), f.entry(), cut(f.location(), 2000), cut(f.resourceType(), 100),
                    cut(f.resourceId(), 200), cut(f.message().zh(), 4000), cut(f.message().en(), 4000)});
            if (findings.size() == 1000) {
                insertFindings(findings);
                findings.clear();
            }
        }
        insertFindings(findings);
        if (scores.level() != null) {
            issueCertificate(runId, scores.level().code(), scores.overall(), digest);
        }
    }

    private void insertFindings(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    insert into run_finding (run_id, seq, check_id, severity, dimension, source, line, entry, location,
                                             resource_type, resource_id, message_zh, message_en)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    private void issueCertificate(long runId, String level, Double score, String digest) {
        LocalDate today = BusinessDates.today();
        String number = Certificates.newNumber(today.getYear());
        jdbc.sql("""
                        insert into certificate (number, run_id, organization_id, edition_id, level_code, score, issued_on,
                                                 valid_until, report_sha256)
                        select ?, id, organization_id, edition_id, ?, ?, ?, ?, ? from conformance_run where id = ?""")
                .params(number, level, score == null ? 0 : score, Date.valueOf(today),
                        Date.valueOf(today.plus(props.certificateValidity())), digest, runId)
                .update();
    }

    /** The stored report of a run, or null when the run has none. */
    Report report(long runId) {
        byte[] gz = runs.report(runId).orElse(null);
        if (gz == null) {
            return null;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return ReportJson.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
