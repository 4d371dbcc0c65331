package org.hmbd.validator.engine;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
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
        this.content = content;
        this.limits = limits;
        ValidationSupportChain chain = ValidationSupportFactory.create(R4, content);
        FhirInstanceValidator instanceValidator = new ReusingInstanceValidator(chain);
        FhirValidator validator = R4.newValidator().registerValidatorModule(instanceValidator);
        this.processor = new ResourceProcessor(R4, validator, chain, content, limits);
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
        return run(reader -> reader.read(inputs, stdin), threads, progress);
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
        return run(reader -> reader.read(sources), threads, progress);
    }

    private Report run(Consumer<InputReader> reading, int threads, Progress progress) {
        long start = System.nanoTime();
        RunCollector collector = new RunCollector(content.manifest(), limits.maxFindingsKept());
        List<Rule> rules = Rules.forRun(content);
        // units travel in batches: one hand-off per batch, not per resource
        BlockingQueue<List<Unit>> queue = new ArrayBlockingQueue<>(Math.max(4, threads * 4));
        List<Unit> poison = List.of();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < Math.max(1, threads); i++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        List<Unit> batch = queue.take();
                        if (batch == poison) {
                            return;
                        }
                        for (Unit u : batch) {
                            processor.process(u, collector, rules);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "hmbd-validate-" + i);
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
            for (int i = 0; i < workers.size(); i++) {
                try {
                    queue.put(poison);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (Thread t : workers) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (ticker != null) {
                ticker.interrupt();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("validation worker failed", failures.get(0));
        }
        List<FillRate> completeness = new ArrayList<>();
        for (Rule r : rules) {
            r.finish(collector);
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
                        throw new IllegalStateException("validation worker failed", failures.get(0));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
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
