package org.hmbd.validator.report;

import java.time.Instant;
import java.util.List;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Text;
import org.hmbd.validator.rules.FillRate;

/**
 * The result of a validation run. Its JSON form is versioned by {@link #SCHEMA}; see
 * docs/validation-report.md.
 */
public record Report(String schema, Instant generatedAt, Engine engine, Standard standard, Summary summary,
                     Scores scores, List<CheckSummary> checks, List<FillRate> completeness,
                     List<Suppressed> suppressed, List<Finding> findings, boolean findingsTruncated,
                     Comparison comparison) {

    public static final String SCHEMA = "hmbd-validation-report/1";

    public record Engine(String name, String version, String hapiFhirVersion) {
    }

    public record Standard(String id, String version, Text title, String standardCode, String origin,
                           String notice) {
    }

    /**
     * Counts of a run.
     *
     * @param notCheckedProfiles declared profiles that are not loaded (reported, never passed or failed)
     * @param notCheckedCodeSystems codings whose code system is not available offline
     * @param unreadable inputs or resources that could not be read at all
     */
    public record Summary(long inputs, long resources, long unreadable, long errors, long warnings,
                          long information, long notCheckedProfiles, long notCheckedCodeSystems, long suppressed,
                          long durationMillis, double resourcesPerSecond) {
    }

    public record Suppressed(String checkId, long count, Text reason) {
    }

    /** Differences with a baseline report, by check id. */
    public record Comparison(String baselineGeneratedAt, List<Delta> newChecks, List<Delta> resolvedChecks,
                             List<Delta> persistingChecks, Double overallBefore, Double overallAfter) {
    }

    public record Delta(String checkId, long before, long after) {
    }

    public Report withComparison(Comparison c) {
        return new Report(schema, generatedAt, engine, standard, summary, scores, checks, completeness, suppressed,
                findings, findingsTruncated, c);
    }
}
