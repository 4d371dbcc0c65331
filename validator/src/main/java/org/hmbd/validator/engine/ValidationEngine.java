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
    private final ValidationSupportChain chain;
    /** What HAPI's results depend on besides the resource and the date (computed when a cache is first used). */
    private volatile byte[] fingerprint;
    private volatile Boolean usesNow;

    private ValidationEngine(StandardContent content, Limits limits) {
        Hl7Patches.checkOnce();
        this.content = content;
        this.limits = limits;
        ValidationSupportChain chain = ValidationSupportFactory.create(R4, content);
        this.chain = chain;
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


    /** Classes of this engine whose code shapes HAPI's messages, besides HAPI's and HL7's own versions. */
    private static final List<String> CODE = List.of(
            "org.hmbd.validator.engine.ReusingInstanceValidator",
            "org.hmbd.validator.engine.ValidationSupportFactory",
            "org.hmbd.validator.engine.ValidationSupportFactory$BaseDefinitions",
            "org.hmbd.validator.engine.CachingWorkerContext",
            "org.hmbd.validator.engine.DefinitionCachingJsonParser");

    /**
     * The keys for HAPI's results of a run beginning at {@code now}: the engine's fingerprint and the
     * year (HL7 compares years with the current one), or the day when an invariant of the loaded
     * definitions uses {@code now()} or {@code today()}.
     */
    ResultKeys resultKeys(java.time.ZonedDateTime now) {
        byte[] f = fingerprint;
        if (f == null) {
            f = computeFingerprint();
            fingerprint = f;
        }
        String calendar = usesNow ? now.toLocalDate().toString() : Integer.toString(now.getYear());
        return new ResultKeys(f, calendar);
    }

    /** Whether any invariant HL7 may evaluate depends on the current date. */
    boolean invariantsUseNow() {
        resultKeys(java.time.ZonedDateTime.now());
        return usesNow;
    }

    private synchronized byte[] computeFingerprint() {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add = s -> {
                d.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                d.update((byte) 0);
            };
            add.accept("hmbd-result-cache-1");
            add.accept(VERSION);
            add.accept(ca.uhn.fhir.util.VersionUtil.getVersion());
            add.accept(String.valueOf(org.hl7.fhir.utilities.VersionUtil.getVersion()));
            add.accept(java.time.ZoneId.systemDefault().getId());
            add.accept(java.util.Locale.getDefault().toLanguageTag());
            List<String> classes = new ArrayList<>(CODE);
            Hl7Patches.PATCHES.forEach(p -> classes.add(p.className()));
            for (String name : classes) {
                // the class file in effect (a patched copy or the original, whichever is loaded)
                try (InputStream in = ValidationEngine.class.getClassLoader()
                        .getResourceAsStream(name.replace('.', '/') + ".class")) {
                    add.accept(name);
                    if (in != null) {
                        d.update(in.readAllBytes());
                    }
                }
            }
            var m = content.manifest();
            add.accept(m.id() + "|" + m.version());
            add.accept(new java.util.TreeMap<>(m.profiles()).toString());
            var json = R4.newJsonParser();
            boolean now = false;
            for (org.hl7.fhir.r4.model.Resource r : content.resources()) {
                add.accept(json.encodeResourceToString(r));
            }
            for (var sd : chain.fetchAllStructureDefinitions()) {
                if (sd instanceof org.hl7.fhir.r4.model.StructureDefinition s) {
                    now |= usesNow(s.getSnapshot().getElement()) || usesNow(s.getDifferential().getElement());
                }
            }
            usesNow = now;
            return d.digest();
        } catch (java.security.NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException("cannot compute the engine's fingerprint", e);
        }
    }

    private static boolean usesNow(List<org.hl7.fhir.r4.model.ElementDefinition> elements) {
        for (var e : elements) {
            for (var c : e.getConstraint()) {
                String x = c.getExpression();
                if (x != null && (x.contains("now()") || x.contains("today()") || x.contains("timeOfDay()"))) {
                    return true;
                }
            }
        }
        return false;
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
        return run(reader -> reader.read(inputs, stdin), threads, progress, List.of(), null);
    }

    /**
     * As {@link #run(List, InputStream, int, Progress)}, taking HAPI's results for resources seen
     * before from {@code cache} and remembering the others there; the report is the same.
     */
    public Report run(List<String> inputs, InputStream stdin, int threads, Progress progress,
                      ResultCache.Session cache) {
        return run(reader -> reader.read(inputs, stdin), threads, progress, List.of(), cache);
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
        return run(reader -> reader.read(sources), threads, progress, List.of(), null);
    }

    /** As {@link #run(List, int, Progress)}, with a result cache (see {@link ResultCache}). */
    public Report run(List<Source> sources, int threads, Progress progress, ResultCache.Session cache) {
        return run(reader -> reader.read(sources), threads, progress, List.of(), cache);
    }

    /** A run with rules of the caller's beside the standard's (tests: rules that fail on purpose). */
    Report run(List<String> inputs, int threads, List<Rule> extraRules) {
        return run(reader -> reader.read(inputs, null), threads, null, extraRules, null);
    }

    private Report run(Consumer<InputReader> reading, int threads, Progress progress, List<Rule> extraRules,
                       ResultCache.Session cache) {
        try {
            return runOnce(reading, threads, progress, extraRules,
                    cache == null ? null : new ResourceProcessor.Cached(resultKeys(java.time.ZonedDateTime.now()), cache));
        } catch (VirtualMachineError e) {
            // out of memory while reading or finishing: the run ends with a clear error, like a worker's
            throw new ValidationRunException(e);
        }
    }

    private Report runOnce(Consumer<InputReader> reading, int threads, Progress progress, List<Rule> extraRules,
                           ResourceProcessor.Cached cache) {
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
            Thread t = new Thread(() -> work(queue, readingDone, failures, collector, rules, cache), "hmbd-validate-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        Thread ticker = progress == null ? null : startTicker(progress, collector);
        Batcher batcher = new Batcher(queue, failures, collector);
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
                      RunCollector collector, List<Rule> rules, ResourceProcessor.Cached cache) {
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
                    processor.process(u, collector, rules, cache);
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
        private final RunCollector collector;
        private List<Unit> batch = new ArrayList<>();
        private long bytes;

        Batcher(BlockingQueue<List<Unit>> queue, List<Throwable> failures, RunCollector collector) {
            this.queue = queue;
            this.failures = failures;
            this.collector = collector;
        }

        @Override
        public void accept(Unit u) {
            collector.read(u.source());
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
