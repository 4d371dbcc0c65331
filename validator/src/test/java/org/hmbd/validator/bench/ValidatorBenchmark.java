package org.hmbd.validator.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hmbd.validator.Severity;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.engine.Limits;
import org.hmbd.validator.engine.StockComparison;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.engine.ValidationSupportFactory;
import org.hmbd.validator.report.Report;

/**
 * One run, one corpus: (a) stock HAPI FhirValidator, one validateWithResult call per resource as its
 * documentation shows; (b) this engine; (c) parse only. Resources/s on 1 and 2 threads, the ratios,
 * and whether (a) and (b) report the same errors. See docs/benchmarks.md.
 *
 * <p>Arguments: {@code <standard folder> <corpus.ndjson> <resources>} (the corpus is generated when missing).
 */
public final class ValidatorBenchmark {

    public static void main(String[] args) throws Exception {
        Path standard = Path.of(args[0]);
        Path corpus = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        if (!Files.exists(corpus)) {
            new CorpusGenerator(42).write(corpus, n);
        }
        List<String> lines = Files.readAllLines(corpus);
        System.out.printf(Locale.ROOT, "corpus: %d resources, %.1f MB, mean %.0f bytes%n", lines.size(),
                Files.size(corpus) / 1e6, Files.size(corpus) / (double) lines.size());
        FhirContext ctx = ValidationEngine.fhirContext();
        // "base": the base R4 specification only (e.g. for Bundles, which stock HAPI checks without a standard's rules)
        StandardContent content = args[0].equals("base") ? StandardContent.base() : StandardContent.load(ctx, standard);

        // (c) parse only
        ca.uhn.fhir.parser.LenientErrorHandler lenient = new ca.uhn.fhir.parser.LenientErrorHandler(false)
                .setErrorOnInvalidValue(false);
        Work parse = line -> ctx.newJsonParser().setParserErrorHandler(lenient).parseResource(line);
        rate(lines, 2, parse); // JIT warm-up
        double parse1 = rate(lines, 1, parse);
        double parse2 = rate(lines, 2, parse);

        // (a) stock HAPI
        ValidationSupportChain chain = ValidationSupportFactory.create(ctx, content);
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        module.setErrorForUnknownProfiles(true);
        FhirValidator stock = ctx.newValidator().registerValidatorModule(module);
        ObjectMapper json = new ObjectMapper();
        Set<String> stockErrors = Collections.synchronizedSet(new TreeSet<>());
        long warmStart = System.nanoTime();
        stock.validateWithResult(lines.get(0), options(content, json, lines.get(0)));
        System.out.printf(Locale.ROOT, "stock HAPI first call: %.1f s%n", (System.nanoTime() - warmStart) / 1e9);
        List<String> indexed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            indexed.add((i + 1) + "\t" + lines.get(i));
        }
        double stock1 = rate(indexed, 1, entry -> {
            int tab = entry.indexOf('\t');
            String line = entry.substring(tab + 1);
            // the engine's deliberate differences (docs/validator.md) applied to stock HAPI's messages
            Set<String> foreign = new java.util.HashSet<>();
            StockComparison.foreignProfilesWithEntries(json.readTree(line), chain, foreign);
            stock.validateWithResult(line, options(content, json, line)).getMessages().stream()
                    .filter(m -> !StockComparison.aboutForeignProfile(m, foreign))
                    .forEach(m -> stockErrors.add(entry.substring(0, tab) + " " + severity(m.getSeverity()) + " "
                            + m.getLocationString() + " " + StockComparison.text(m)));
        });
        double stock2 = rate(indexed, 2, entry -> {
            String line = entry.substring(entry.indexOf('\t') + 1);
            stock.validateWithResult(line, options(content, json, line));
        });

        // (b) the engine (load time includes its warm-up)
        long loadStart = System.nanoTime();
        ValidationEngine engine = ValidationEngine.create(content, new Limits(20 << 20, 100, Integer.MAX_VALUE, 10));
        System.out.printf(Locale.ROOT, "engine load + warm-up: %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
        engine.run(List.of(corpus.toString()), null, 2, null); // JIT warm-up run
        Report r1 = engine.run(List.of(corpus.toString()), null, 1, null);
        Report r2 = engine.run(List.of(corpus.toString()), null, 2, null);
        double engine1 = rate(r1, lines.size());
        double engine2 = rate(r2, lines.size());
        Set<String> engineErrors = new TreeSet<>();
        // every HAPI message, any severity: FHIR-* checks, the unknown-code-system warnings and the suppressed dom-6
        Set<String> engineAll = new TreeSet<>();
        r1.findings().stream().filter(f -> f.checkId().startsWith("FHIR-") || f.checkId().equals("HMBD-NOT-CHECKED-CODESYSTEM"))
                .forEach(f -> engineAll.add(f.line() + " " + f.severity() + " " + f.location() + " " + f.message().en()));
        engineErrors.addAll(engineAll);
        // checks the standard suppresses (the sample: the narrative invariant dom-6) are counted, not listed
        for (var suppression : content.manifest().suppressions()) {
            if (suppression.checkId().startsWith("FHIR-INV-")) {
                String key = " " + suppression.checkId().substring("FHIR-INV-".length()) + ": ";
                stockErrors.removeIf(s -> s.contains(key));
            }
        }

        System.out.println();
        System.out.println("| what | 1 thread (res/s) | 2 threads (res/s) |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| (a) stock HAPI FhirValidator | %.0f | %.0f |%n", stock1, stock2);
        System.out.printf(Locale.ROOT, "| (b) hmbd engine (incl. reading, rules, scoring) | %.0f | %.0f |%n", engine1, engine2);
        System.out.printf(Locale.ROOT, "| (c) parse only (HAPI JsonParser) | %.0f | %.0f |%n", parse1, parse2);
        System.out.printf(Locale.ROOT, "%nratio b/a: %.1fx (1 thread), %.1fx (2 threads)%n", engine1 / stock1, engine2 / stock2);
        System.out.printf(Locale.ROOT, "ratio c/b: %.1fx (1 thread), %.1fx (2 threads)%n", parse1 / engine1, parse2 / engine2);
        System.out.printf(Locale.ROOT, "HAPI messages (all severities): stock HAPI %d, engine %d, identical: %s%n",
                stockErrors.size(), engineErrors.size(), stockErrors.equals(engineErrors));
        System.out.printf(Locale.ROOT, "engine: %d findings (%d errors, %d warnings), score %.2f%n",
                r1.summary().errors() + r1.summary().warnings() + r1.summary().information(), r1.summary().errors(),
                r1.summary().warnings(), r1.scores().overall());
        warmRounds(lines, corpus, engine, parse, line -> stock.validateWithResult(line, options(content, json, line)),
                Integer.getInteger("rounds", 3));
        if (!stockErrors.equals(engineErrors)) {
            Set<String> onlyStock = new TreeSet<>(stockErrors);
            onlyStock.removeAll(engineErrors);
            Set<String> onlyEngine = new TreeSet<>(engineErrors);
            onlyEngine.removeAll(stockErrors);
            onlyStock.stream().limit(5).forEach(s -> System.out.println("only stock:  " + s));
            onlyEngine.stream().limit(5).forEach(s -> System.out.println("only engine: " + s));
            System.exit(1);
        }
    }

    /**
     * (c), (b) and (a) again, in rounds (parse only, the engine, stock HAPI, back to back, with
     * everything warm): on a shared, noisy machine a ratio of two rates measured minutes apart moves
     * with the machine, and the first parse-only pass above runs before the JIT has compiled the
     * parser fully. Prints the medians of the rates and of the per-round ratios, with their range.
     */
    private static void warmRounds(List<String> lines, Path corpus, ValidationEngine engine, Work parse, Work stock,
                                   int rounds) throws Exception {
        if (rounds <= 0) {
            return;
        }
        System.out.printf(Locale.ROOT, "%nrounds, everything warm (c, b, a back to back; %d per thread count):%n", rounds);
        for (int threads : new int[] {1, 2}) {
            List<Double> parseRates = new ArrayList<>();
            List<Double> engineRates = new ArrayList<>();
            List<Double> stockRates = new ArrayList<>();
            List<Double> cb = new ArrayList<>();
            List<Double> ba = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                double c = rate(lines, threads, parse);
                double b = rate(engine.run(List.of(corpus.toString()), null, threads, null), lines.size());
                double a = rate(lines, threads, stock);
                parseRates.add(c);
                engineRates.add(b);
                stockRates.add(a);
                cb.add(c / b);
                ba.add(b / a);
            }
            System.out.printf(Locale.ROOT, "  %d thread(s): (a) %.0f, (b) %.0f, (c) %.0f res/s (medians); b/a median %.1fx %s; "
                            + "c/b median %.1fx %s%n", threads, median(stockRates), median(engineRates), median(parseRates),
                    median(ba), rounded(ba), median(cb), rounded(cb));
        }
    }

    private static List<String> rounded(List<Double> values) {
        return values.stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList();
    }

    /**
     * The engine's rate in the same unit as (a) and (c): lines of the corpus per second (a line is a
     * resource, or a whole Bundle, whose entries the engine's report also counts as resources).
     */
    private static double rate(Report report, int lines) {
        return lines * 1000.0 / report.summary().durationMillis();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Severity severity(ResultSeverityEnum s) {
        return switch (s) {
            case FATAL, ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
    }

    private static ValidationOptions options(StandardContent content, ObjectMapper json, String line) {
        ValidationOptions o = new ValidationOptions();
        try {
            String profile = content.manifest().profiles().get(json.readTree(line).path("resourceType").asText());
            if (profile != null) {
                o.addProfile(profile);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return o;
    }

    interface Work {
        void run(String line) throws Exception;
    }

    private static double rate(List<String> items, int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        int chunk = (items.size() + threads - 1) / threads;
        for (int t = 0; t < threads; t++) {
            List<String> part = items.subList(Math.min(items.size(), t * chunk), Math.min(items.size(), (t + 1) * chunk));
            futures.add(pool.submit(() -> {
                for (String line : part) {
                    work.run(line);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return items.size() / ((System.nanoTime() - start) / 1e9);
    }
}
