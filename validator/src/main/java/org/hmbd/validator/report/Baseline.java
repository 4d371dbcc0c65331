package org.hmbd.validator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares a run with a previous report of the same data: new, resolved and persisting checks. */
public final class Baseline {

    private Baseline() {
    }

    public static Report compare(Report current, Report baseline) {
        Map<String, Long> before = counts(baseline);
        Map<String, Long> after = counts(current);
        List<Report.Delta> added = new ArrayList<>();
        List<Report.Delta> resolved = new ArrayList<>();
        List<Report.Delta> persisting = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            Long b = before.get(e.getKey());
            (b == null ? added : persisting).add(new Report.Delta(e.getKey(), b == null ? 0 : b, e.getValue()));
        }
        for (Map.Entry<String, Long> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                resolved.add(new Report.Delta(e.getKey(), e.getValue(), 0));
            }
        }
        return current.withComparison(new Report.Comparison(
                baseline.generatedAt() == null ? null : baseline.generatedAt().toString(), added, resolved, persisting,
                baseline.scores() == null ? null : baseline.scores().overall(),
                current.scores() == null ? null : current.scores().overall()));
    }

    private static Map<String, Long> counts(Report r) {
        Map<String, Long> m = new TreeMap<>();
        if (r.checks() != null) {
            for (CheckSummary c : r.checks()) {
                m.put(c.checkId(), c.count());
            }
        }
        return m;
    }
}
