package org.hmbd.validator.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;
import org.hmbd.validator.content.Manifest;
import org.hmbd.validator.report.CheckSummary;
import org.hmbd.validator.report.DimensionScore;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.Scores;
import org.hmbd.validator.rules.RuleContext;

/**
 * Collects a run's findings and check outcomes from any number of threads, with memory bounded
 * by the number of distinct checks (all findings are counted; only the first N are kept whole).
 * The report does not depend on the number of threads or on which resource a thread finished first:
 * "first" means first in the input ({@link #ORDER}: the input's position in the run, then line,
 * Bundle entry, column, location and the rest of the finding), for the findings kept, the examples
 * of a check and the text that stands for a check.
 */
final class RunCollector implements RuleContext {


    private final Instant now = Instant.now();
    private final Manifest manifest;
    private final int maxKept;
    private final Map<String, Text> suppressions = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> suppressedCounts = new ConcurrentHashMap<>();
    private final Map<String, CheckAggregate> checks = new ConcurrentHashMap<>();
    private final Map<Dimension, LongAdder[]> outcomes = new EnumMap<>(Dimension.class);
    private final Map<String, LongAdder> failedRuleOutcomes = new ConcurrentHashMap<>();
    /** The first {@code maxKept} findings in {@link #ORDER}, the last of them on top. */
    private final java.util.PriorityQueue<Finding> kept;
    /** Each input's place in the run (named as its resources' source), in reading order. */
    private final Map<String, Integer> sourceOrder = new ConcurrentHashMap<>();
    private final LongAdder[] bySeverity = {new LongAdder(), new LongAdder(), new LongAdder()};
    final LongAdder resources = new LongAdder();
    final LongAdder unreadable = new LongAdder();
    final LongAdder inputs = new LongAdder();
    private final AtomicLong totalFindings = new AtomicLong();

    RunCollector(Manifest manifest, int maxKept) {
        this.manifest = manifest;
        this.maxKept = maxKept;
        this.kept = new java.util.PriorityQueue<>(Math.max(1, Math.min(maxKept, 1024)), ORDER.reversed());
        for (Manifest.Suppression s : manifest.suppressions()) {
            suppressions.put(s.checkId(), s.reason() == null ? Text.of("", "") : s.reason());
        }
        for (Dimension d : Dimension.values()) {
            outcomes.put(d, new LongAdder[] {new LongAdder(), new LongAdder()});
        }
    }

    private static final class CheckAggregate {
        final LongAdder count = new LongAdder();
        volatile Severity severity;
        /** The first three findings of the check in {@link #ORDER}: its examples, the first one its text. */
        final List<Finding> examples = new ArrayList<>(4);

        CheckAggregate(Finding f) {
            this.severity = f.severity();
        }
    }

    /** Called by the reader, in reading order, for every resource before it is validated. */
    void read(String source) {
        if (source != null && !sourceOrder.containsKey(source)) {
            sourceOrder.putIfAbsent(source, sourceOrder.size());
        }
    }

    private int place(String source) {
        Integer i = source == null ? null : sourceOrder.get(source);
        return i == null ? Integer.MAX_VALUE : i;
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Input order: where a finding is in the input, then what it says (ties never depend on timing). */
    private final Comparator<Finding> ORDER = Comparator
            .comparingInt((Finding f) -> place(f.source()))
            .thenComparing(Finding::source, TEXT)
            .thenComparingLong(Finding::line)
            .thenComparingInt(Finding::entry)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::location, TEXT)
            .thenComparing(Finding::checkId, TEXT)
            .thenComparing(f -> f.severity().ordinal())
            .thenComparing(f -> f.message() == null ? null : f.message().en(), TEXT)
            .thenComparing(f -> f.message() == null ? null : f.message().zh(), TEXT)
            .thenComparing(Finding::resourceType, TEXT)
            .thenComparing(Finding::resourceId, TEXT)
            .thenComparing(Finding::rule, TEXT)
            .thenComparing(f -> f.dimension().ordinal());

    @Override
    public Instant now() {
        return now;
    }

    boolean suppressed(String checkId) {
        return suppressions.containsKey(checkId);
    }

    @Override
    public void finding(Finding f) {
        if (suppressions.containsKey(f.checkId())) {
            suppressedCounts.computeIfAbsent(f.checkId(), k -> new LongAdder()).increment();
            return;
        }
        bySeverity[f.severity().ordinal()].increment();
        CheckAggregate agg = checks.computeIfAbsent(f.checkId(), k -> new CheckAggregate(f));
        agg.count.increment();
        if (f.severity().ordinal() < agg.severity.ordinal()) {
            agg.severity = f.severity();
        }
        synchronized (agg.examples) {
            List<Finding> ex = agg.examples;
            if (ex.size() < 3 || ORDER.compare(f, ex.get(ex.size() - 1)) < 0) {
                int at = 0;
                while (at < ex.size() && ORDER.compare(ex.get(at), f) <= 0) {
                    at++;
                }
                ex.add(at, f);
                if (ex.size() > 3) {
                    ex.remove(3);
                }
            }
        }
        totalFindings.incrementAndGet();
        if (maxKept > 0) {
            synchronized (kept) {
                if (kept.size() < maxKept) {
                    kept.add(f);
                } else if (ORDER.compare(f, kept.peek()) < 0) {
                    kept.poll();
                    kept.add(f);
                }
            }
        }
    }

    private static String describe(Finding f) {
        StringBuilder sb = new StringBuilder();
        if (f.source() != null) {
            sb.append(f.source());
            if (f.line() > 0) {
                sb.append(':').append(f.line());
            }
            sb.append(' ');
        }
        if (f.resourceType() != null && f.resourceId() != null) {
            sb.append(f.resourceType()).append('/').append(f.resourceId()).append(' ');
        }
        sb.append(f.location() == null ? "" : f.location());
        return sb.toString().trim();
    }

    @Override
    public void outcome(Dimension dimension, String checkId, boolean passed) {
        LongAdder[] t = outcomes.get(dimension);
        t[1].increment();
        if (passed) {
            t[0].increment();
        } else {
            failedRuleOutcomes.computeIfAbsent(checkId, k -> new LongAdder()).increment();
        }
    }

    long errors() {
        return bySeverity[Severity.ERROR.ordinal()].sum();
    }

    Report report(Report.Engine engine, Report.Standard standard, long durationMillis,
                  List<org.hmbd.validator.rules.FillRate> completeness) {
        Map<Dimension, DimensionScore> dims = new EnumMap<>(Dimension.class);
        double weighted = 0;
        double weights = 0;
        for (Dimension d : Dimension.values()) {
            long passed = outcomes.get(d)[0].sum();
            long total = outcomes.get(d)[1].sum();
            int weight = manifest.dimensionWeights().getOrDefault(d, 0);
            Double score = total == 0 ? null : round(100.0 * passed / total);
            dims.put(d, new DimensionScore(passed, total, score, weight));
            if (score != null && weight > 0) {
                weighted += score * weight;
                weights += weight;
            }
        }
        Double overall = weights == 0 ? null : round(weighted / weights);
        List<String> mandatoryFailures = manifest.rules().stream().filter(Manifest.Rule::mandatory)
                .map(Manifest.Rule::id)
                .filter(id -> failedRuleOutcomes.keySet().stream().anyMatch(c -> c.equals(id) || c.startsWith(id + "-")))
                .sorted().toList();
        Scores.LevelResult level = null;
        if (overall != null) {
            for (Manifest.Level l : manifest.levels().stream()
                    .sorted(Comparator.comparingDouble(Manifest.Level::minScore)).toList()) {
                if (overall >= l.minScore() && (!l.requiresMandatory() || mandatoryFailures.isEmpty())) {
                    level = new Scores.LevelResult(l.code(), l.title(), l.minScore());
                }
            }
        }
        Scores scores = new Scores(overall, dims, level, mandatoryFailures, errors() == 0);
        List<CheckSummary> summaries = checks.entrySet().stream()
                .map(e -> {
                    CheckAggregate a = e.getValue();
                    List<Finding> ex;
                    synchronized (a.examples) {
                        ex = List.copyOf(a.examples);
                    }
                    Finding first = ex.get(0);
                    return new CheckSummary(e.getKey(), a.severity, first.dimension(), a.count.sum(), first.rule(),
                            first.message(), ex.stream().map(RunCollector::describe).toList());
                })
                .sorted(Comparator.comparing((CheckSummary c) -> c.severity().ordinal())
                        .thenComparing(Comparator.comparingLong(CheckSummary::count).reversed())
                        .thenComparing(CheckSummary::checkId))
                .toList();
        List<Report.Suppressed> suppressed = suppressedCounts.entrySet().stream()
                .map(e -> new Report.Suppressed(e.getKey(), e.getValue().sum(), suppressions.get(e.getKey())))
                .sorted(Comparator.comparing(Report.Suppressed::checkId)).toList();
        long res = resources.sum();
        Report.Summary summary = new Report.Summary(inputs.sum(), res, unreadable.sum(), errors(),
                bySeverity[Severity.WARNING.ordinal()].sum(), bySeverity[Severity.INFORMATION.ordinal()].sum(),
                count(CheckIds.NOT_CHECKED_PROFILE), count(CheckIds.NOT_CHECKED_CODESYSTEM),
                suppressed.stream().mapToLong(Report.Suppressed::count).sum(), durationMillis,
                durationMillis == 0 ? 0 : round(res * 1000.0 / durationMillis));
        List<Finding> findings;
        synchronized (kept) {
            findings = kept.stream().sorted(ORDER).toList();
        }
        return new Report(Report.SCHEMA, Instant.now(), engine, standard, summary, scores, summaries, completeness,
                suppressed, findings, totalFindings.get() > maxKept, null);
    }

    private long count(String checkId) {
        CheckAggregate a = checks.get(checkId);
        return a == null ? 0 : a.count.sum();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
