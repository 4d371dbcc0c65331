package org.hmbd.validator.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.rules.CompletenessRule;
import org.hmbd.validator.rules.FillRate;
import org.hmbd.validator.rules.Rule;
import org.hmbd.validator.rules.Rules;

/**
 * The validation and scoring engine: loaded once per standard edition (the costly first HAPI
 * call is paid here, at load time), then thread-safe: any number of runs may use it at once.
 */
public final class ValidationEngine {

    public static final String VERSION = ValidationEngine.class.getPackage().getImplementationVersion() == null
            ? "dev" : ValidationEngine.class.getPackage().getImplementationVersion();

    private static final FhirContext R4 = FhirContext.forR4Cached();

    private final StandardContent content;
    private final Limits limits;
    private final ResourceProcessor processor;

    private ValidationEngine(StandardContent content, Limits limits) {
        Hl7Patches.checkOnce();
        this.content = content;
        this.limits = limits;
        ValidationSupportChain chain = ValidationSupportFactory.create(R4, content);
        FhirInstanceValidator instanceValidator = new ReusingInstanceValidator(chain, entryProfiles(content));
        FhirValidator validator = R4.newValidator().registerValidatorModule(instanceValidator);
        this.processor = new ResourceProcessor(R4, validator, chain, content, limits);
    }

    /** The standard's profiles by type, applied to Bundle entries (a Bundle profile applies to the Bundle). */
    static java.util.Map<String, String> entryProfiles(StandardContent content) {
        java.util.Map<String, String> profiles = new java.util.TreeMap<>(content.manifest().profiles());
        profiles.remove("Bundle");
        return profiles;
    }

    public static ValidationEngine create(StandardContent content, Limits limits) {
        ValidationEngine engine = new ValidationEngine(content, limits);
        engine.warmUp();
        return engine;
    }

    public static FhirContext fhirContext() {
        return R4;
    }

    public StandardContent content() {
        return content;
    }

    /** Validates one sample per profiled type so that no user pays for snapshots and first calls. */
    private void warmUp() {
        RunCollector sink = new RunCollector(content.manifest(), 0);
        List<String> types = new ArrayList<>(content.manifest().profiles().keySet());
        if (types.isEmpty()) {
            types.add("Patient");
        }
        for (String type : types) {
            processor.process(new Unit("warm-up", 1, "{\"resourceType\":\"" + type + "\"}"), sink, List.of());
        }
    }

    /** Progress of a run: resources done so far (the total is unknown while streaming). */
    public interface Progress {
        void update(long resourcesDone, long inputsDone);
    }

    /**
     * Validates every input (files, folders, zips, or "-" for {@code stdin}) and scores the result.
     *
     * @param threads validator threads (the reader is one more)
     */
    public Report run(List<String> inputs, InputStream stdin, int threads, Progress progress) {
        return run(reader -> reader.read(inputs, stdin), threads, progress, List.of());
    }

    /** An input given as a stream, read as a file of that name (".zip", ".ndjson" and the like count). */
    public record Source(String name, IoSupplier opener) {
        public InputStream open() throws java.io.IOException {
            return opener.get();
        }
    }

    @FunctionalInterface
    public interface IoSupplier {
        InputStream get() throws java.io.IOException;
    }

    /** Validates inputs given as named streams, e.g. stored submissions decrypted while read. */
    public Report run(List<Source> sources, int threads, Progress progress) {
        return run(reader -> reader.read(sources), threads, progress, List.of());
    }

    /** A run with rules of the caller's beside the standard's (tests: rules that fail on purpose). */
    Report run(List<String> inputs, int threads, List<Rule> extraRules) {
        return run(reader -> reader.read(inputs, null), threads, null, extraRules);
    }

    private Report run(Consumer<InputReader> reading, int threads, Progress progress, List<Rule> extraRules) {
        try {
            return runOnce(reading, threads, progress, extraRules);
        } catch (VirtualMachineError e) {
            // out of memory while reading or finishing: the run ends with a clear error, like a worker's
            throw new ValidationRunException(e);
        }
    }

    private Report runOnce(Consumer<InputReader> reading, int threads, Progress progress, List<Rule> extraRules) {
        long start = System.nanoTime();
        RunCollector collector = new RunCollector(content.manifest(), limits.maxFindingsKept());
        List<Rule> rules = new ArrayList<>(Rules.forRun(content));
        rules.addAll(extraRules);
        // units travel in batches: one hand-off per batch, not per resource
        BlockingQueue<List<Unit>> queue = new ArrayBlockingQueue<>(Math.max(4, threads * 4));
        AtomicBoolean readingDone = new AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.max(1, threads); i++) {
            Thread t = new Thread(() -> work(queue, readingDone, failures, collector, rules), "hmbd-validate-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        Thread ticker = progress == null ? null : startTicker(progress, collector);
        Batcher batcher = new Batcher(queue, failures);
        try {
            reading.accept(new InputReader(limits, batcher, collector));
            batcher.flush();
        } finally {
            // workers drain the queue and stop; none waits on a queue nobody fills, nobody waits on a dead worker
            readingDone.set(true);
            for (Thread t : workers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add(e);
                    break;
                }
            }
            if (ticker != null) {
                ticker.interrupt();
            }
        }
        if (!failures.isEmpty()) {
            throw new ValidationRunException(failures.get(0));
        }
        List<FillRate> completeness = new ArrayList<>();
        for (Rule r : rules) {
            finish(r, collector);
            if (r instanceof CompletenessRule c) {
                completeness.addAll(c.fillRates());
            }
        }
        if (progress != null) {
            progress.update(collector.resources.sum(), collector.inputs.sum());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        var m = content.manifest();
        return collector.report(new Report.Engine("hmbd-validate", VERSION, ca.uhn.fhir.util.VersionUtil.getVersion()),
                new Report.Standard(m.id(), m.version(), m.title(), m.standardCode(), content.origin(), m.notice()),
                millis, completeness);
    }

    /**
     * One validator thread: takes batches until reading is done and the queue is empty. A failure
     * on one resource is a finding for it ({@link ResourceProcessor#process}); what escapes that
     * (the virtual machine out of memory) stops this worker and, through {@code failures}, the run.
     */
    private void work(BlockingQueue<List<Unit>> queue, AtomicBoolean readingDone, List<Throwable> failures,
                      RunCollector collector, List<Rule> rules) {
        try {
            while (failures.isEmpty()) {
                List<Unit> batch = queue.poll(50, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (readingDone.get() && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                for (Unit u : batch) {
                    processor.process(u, collector, rules);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    /** A rule's checks across the whole submission; if the rule fails, that is a finding and the run goes on. */
    private static void finish(Rule rule, RunCollector collector) {
        try {
            rule.finish(collector);
        } catch (Throwable e) {
            if (!ResourceProcessor.isolatable(e)) {
                throw e;
            }
            ruleFailure(rule, collector);
        }
    }

    private static void ruleFailure(Rule rule, RunCollector collector) {
        collector.finding(new org.hmbd.validator.Finding(CheckIds.VALIDATOR_FAILURE, org.hmbd.validator.Severity.ERROR,
                org.hmbd.validator.Dimension.STRUCTURE, null, 0, 0, -1, null, null, null,
                org.hmbd.validator.Text.of("规则 " + rule.id() + " 的汇总检查因内部错误未能完成",
                        "The submission-wide check of rule " + rule.id() + " could not finish (internal error)"),
                rule.id()));
    }

    /** Groups units into batches of up to 64 resources or 1 MB before handing them to the workers. */
    private static final class Batcher implements Consumer<Unit> {
        private final BlockingQueue<List<Unit>> queue;
        private final List<Throwable> failures;
        private List<Unit> batch = new ArrayList<>();
        private long bytes;

        Batcher(BlockingQueue<List<Unit>> queue, List<Throwable> failures) {
            this.queue = queue;
            this.failures = failures;
        }

        @Override
        public void accept(Unit u) {
            batch.add(u);
            bytes += u.text().length();
            if (batch.size() >= 64 || bytes >= (1 << 20)) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            try {
                while (!queue.offer(batch, 1, TimeUnit.SECONDS)) {
                    if (!failures.isEmpty()) {
                        throw new ValidationRunException(failures.get(0));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ValidationRunException(e);
            }
            batch = new ArrayList<>();
            bytes = 0;
        }
    }

    private static Thread startTicker(Progress progress, RunCollector collector) {
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(2000);
                    progress.update(collector.resources.sum(), collector.inputs.sum());
                }
            } catch (InterruptedException e) {
                // run finished
            }
        }, "hmbd-validate-progress");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
