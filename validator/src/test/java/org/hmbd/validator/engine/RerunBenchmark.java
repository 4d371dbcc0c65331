package org.hmbd.validator.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;

/**
 * Re-runs in one virtual machine, as in the server (issue #15): a first month and a second month
 * with every 10th resource changed; the second month without the cache (the baseline, the engine
 * already warm) and with the cache filled by the first month. Reports compared without timing.
 * Run by {@code validator/benchmark-rerun.sh} ({@code IN_JVM=1}); not a test.
 */
public final class RerunBenchmark {

    private RerunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StandardContent content = StandardContent.load(ValidationEngine.fhirContext(), Path.of(args[0]));
        List<String> month1 = List.of(args[1]);
        List<String> month2 = List.of(args[2]);
        ValidationEngine engine = ValidationEngine.create(content, new Limits(Limits.defaults().maxResourceBytes(),
                Limits.defaults().maxDepth(), 10_000_000, Limits.defaults().maxZipEntries()));
        Path dir = Files.createTempDirectory("rerun-bench");
        timed("warm-up (month 1, no cache)", () -> engine.run(month1, null, 1, null));
        for (int threads : new int[] {1, 2}) {
            System.out.println("--- " + threads + " thread(s)");
            long[] fresh = new long[1];
            Report baseline = timed("month 2, no cache", () -> engine.run(month2, null, threads, null), fresh);
            ResultCache cache = ResultCache.open(dir.resolve("t" + threads), 1L << 32, 4, ResultCache.Sealer.NONE);
            try (ResultCache.Session s = cache.begin("month-1")) {
                timed("month 1, filling the cache", () -> engine.run(month1, null, threads, null, s));
                s.commit();
            }
            long[] rerun = new long[1];
            try (ResultCache.Session s = cache.begin("month-2")) {
                Report r = timed("month 2, with the cache", () -> engine.run(month2, null, threads, null, s), rerun);
                s.commit();
                System.out.printf(Locale.ROOT, "  re-used %d, validated %d; speed-up %.1fx; reports identical: %s%n",
                        s.hits(), s.misses(), (double) fresh[0] / rerun[0],
                        ResultCacheTest.comparable(r).equals(ResultCacheTest.comparable(baseline)));
            }
        }
    }

    private interface Work {
        Report run() throws Exception;
    }

    private static Report timed(String what, Work work, long... nanos) throws Exception {
        long t0 = System.nanoTime();
        Report r = work.run();
        long t = System.nanoTime() - t0;
        if (nanos.length > 0) {
            nanos[0] = t;
        }
        System.out.printf(Locale.ROOT, "  %-30s %7.1f s (%d resources)%n", what, t / 1e9, r.summary().resources());
        return r;
    }
}
