package org.hmbd.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line jar as users get it (validator/target/hmbd-validate-*.jar, shaded with what an R4
 * validation never loads left out, and the patched HL7 classes in place of the originals) against
 * the engine on its full class path with HL7's original classes first: on the project's sample
 * examples, the third-party slice (Synthea NDJSON and Bundles, HL7's R4 examples), the corpus of
 * deliberately bad primitives, and HL7's examples as XML, in Chinese and in English, the two reports
 * are the same, finding for finding. One validation thread and no truncation, so that the reports
 * do not depend on which thread finishes first.
 */
class CliJarIT {

    private static final Path STANDARD = Path.of("..", "standards", "hmbd-core-sample", "0.1.0").toAbsolutePath().normalize();
    private static final Path SLICE = Path.of("src", "test", "resources", "corpus", "third-party");
    private static final Path BAD_PRIMITIVES = Path.of("src", "test", "resources", "corpus", "bad-primitives", "bad-primitives.ndjson");
    private static final long MAX_JAR_BYTES = 80_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path jar;
    static List<String> json = new ArrayList<>();
    static Path xml;
    static Path bad;

    @BeforeAll
    static void corpora() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            jar = s.filter(p -> p.getFileName().toString().matches("hmbd-validate-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no hmbd-validate jar in target/: run mvn package first"));
        }
        json.add(STANDARD.resolve("examples").toString());
        Path slice = Files.createDirectories(work.resolve("third-party"));
        try (Stream<Path> s = Files.list(SLICE)) {
            for (Path gz : s.filter(p -> p.toString().endsWith(".gz")).sorted().toList()) {
                String name = gz.getFileName().toString();
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    Files.copy(in, slice.resolve(name.substring(0, name.length() - 3)));
                }
            }
        }
        json.add(slice.toString());
        // the bad primitives, but for the integer below -2^31 on which the original InstanceValidator throws
        // and the patched one reports an invalid integer (the one deliberate difference: BadInputTest)
        bad = work.resolve("bad-primitives.ndjson");
        Files.write(bad, Files.readAllLines(BAD_PRIMITIVES, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.contains("-2147483649")).toList(), StandardCharsets.UTF_8);
        json.add(bad.toString());
        // HL7's R4 examples, one XML file each, as HAPI writes them
        xml = Files.createDirectories(work.resolve("xml"));
        FhirContext ctx = FhirContext.forR4();
        IParser in = ctx.newJsonParser();
        IParser out = ctx.newXmlParser().setPrettyPrint(true);
        int n = 0;
        for (String line : Files.readAllLines(slice.resolve("hl7-r4-examples.ndjson"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            IBaseResource r = in.parseResource(line);
            Files.writeString(xml.resolve(String.format("example-%03d.xml", n++)), out.encodeResourceToString(r),
                    StandardCharsets.UTF_8);
        }
        for (String bundle : List.of("bundle-1.json", "bundle-3.json")) {
            IBaseResource r = in.parseResource(Files.readString(slice.resolve(bundle), StandardCharsets.UTF_8));
            Files.writeString(xml.resolve(bundle.replace(".json", ".xml")), out.encodeResourceToString(r),
                    StandardCharsets.UTF_8);
        }
    }

    @Test
    void theJarStaysUnder80Megabytes() throws IOException {
        assertThat(Files.size(jar)).isLessThanOrEqualTo(MAX_JAR_BYTES);
    }

    @Test
    void theJarReportsWhatTheEngineWithHl7sOriginalClassesReportsOnJsonInChinese() throws Exception {
        sameReports("zh", STANDARD.toString(), json);
    }

    @Test
    void theJarReportsWhatTheEngineWithHl7sOriginalClassesReportsOnXmlInEnglish() throws Exception {
        sameReports("en", STANDARD.toString(), List.of(xml.toString(), bad.toString()));
    }

    @Test
    void theJarReportsWhatTheEngineWithHl7sOriginalClassesReportsAgainstBaseR4() throws Exception {
        sameReports("en", null, List.of(work.resolve("third-party").resolve("hl7-r4-examples.ndjson").toString(),
                bad.toString()));
    }

    @Test
    void theLauncherMakesAClassDataArchiveOnceAndReportsWhatTheJarReports() throws Exception {
        Path cache = work.resolve("cds");
        List<String> args = List.of("--standard", STANDARD.toString(), "--threads", "1", "--lang", "en", "--quiet");
        Run first = launcher("launcher-1", cache, args, json.get(0));
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.filter(p -> p.toString().endsWith(".jsa")).count()).as("the archive made by the first run").isEqualTo(1);
        }
        Run second = launcher("launcher-2", cache, args, json.get(0));
        Run plain = run("launcher-plain", List.of("-jar", jar.toString()), "en", STANDARD.toString(), List.of(json.get(0)));
        assertThat(second.stderr).doesNotContain("Exception", "cds");
        assertThat(List.of(first.exit, second.exit)).containsOnly(plain.exit);
        assertThat(first.report).isEqualTo(plain.report);
        assertThat(second.report).isEqualTo(plain.report);
    }

    private static Run launcher(String name, Path cache, List<String> args, String input) throws Exception {
        Path out = Files.createDirectories(work.resolve("out-" + name));
        List<String> cmd = new ArrayList<>(List.of("sh", Path.of("bin", "hmbd-validate").toString()));
        cmd.addAll(args);
        cmd.addAll(List.of("--max-findings", "10000000", "--out", out.toString(), input));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("HMBD_VALIDATE_JAR", jar.toAbsolutePath().toString());
        pb.environment().put("HMBD_VALIDATE_CACHE", cache.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return finish(name, pb, out);
    }

    private void sameReports(String lang, String standard, List<String> inputs) throws Exception {
        String name = lang + (standard == null ? "-base" : "-sample") + "-" + inputs.size();
        Run shaded = run(name + "-jar", List.of("-jar", jar.toString()), lang, standard, inputs);
        Run originals = run(name + "-originals", List.of("-cp", originalsFirst(), Main.class.getName()), lang, standard, inputs);

        assertThat(originals.stderr).as("the reference run uses HL7's original classes")
                .contains("HL7 validator patches not in effect");
        assertThat(shaded.stderr).doesNotContain("HL7 validator patches not in effect");
        for (Run r : List.of(shaded, originals)) {
            assertThat(r.exit).as(r.stderr).isIn(0, 1);
            assertThat(r.report.path("findingsTruncated").asBoolean()).isFalse();
            assertThat(r.report.path("summary").path("resources").asLong()).isGreaterThan(100);
            for (JsonNode f : r.report.path("findings")) {
                // HAPI's checks stop only where a bad value is located first (HMBD-INPUT-NULL, -REFERENCE),
                // never for an unexplained internal error (a class the jar left out, say)
                if (f.path("checkId").asText().equals("HMBD-VALIDATOR-FAILURE")) {
                    assertThat(f.path("message").path("en").asText()).as(f.toString()).startsWith("Because of the invalid value");
                }
            }
        }
        assertThat(shaded.report.path("findings").size()).isPositive();
        assertThat(shaded.report.path("findings").size()).isEqualTo(originals.report.path("findings").size());
        for (int i = 0; i < shaded.report.path("findings").size(); i++) {
            JsonNode a = shaded.report.path("findings").get(i);
            JsonNode b = originals.report.path("findings").get(i);
            if (!a.equals(b)) {
                throw new AssertionError("finding " + i + " differs:\n jar:       " + a + "\n originals: " + b);
            }
        }
        List<String> differing = new ArrayList<>();
        shaded.report.fieldNames().forEachRemaining(k -> {
            if (!shaded.report.get(k).equals(originals.report.get(k))) {
                differing.add(k);
            }
        });
        assertThat(differing).as("parts of the reports that differ").isEmpty();
        assertThat(shaded.report.size()).isEqualTo(originals.report.size());
    }

    /** This JVM's class path, without the tests, with the validator's own classes last: HL7's original classes come first. */
    private static String originalsFirst() {
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath().normalize();
            if (p.endsWith("test-classes")) {
                continue; // the tests' own logging set-up would hide the CLI's warnings
            }
            boolean own = p.startsWith(Path.of("target").toAbsolutePath());
            (own ? last : first).add(p.toString());
        }
        first.addAll(last);
        return String.join(File.pathSeparator, first);
    }

    private record Run(int exit, String stderr, JsonNode report) {
    }

    private static Run run(String name, List<String> launch, String lang, String standard, List<String> inputs)
            throws Exception {
        Path out = Files.createDirectories(work.resolve("out-" + name));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx2g");
        cmd.addAll(launch);
        if (standard != null) {
            cmd.addAll(List.of("--standard", standard));
        }
        cmd.addAll(List.of("--threads", "1", "--max-findings", "10000000", "--lang", lang, "--quiet", "--out", out.toString()));
        cmd.addAll(inputs);
        return finish(name, new ProcessBuilder(cmd), out);
    }

    private static Run finish(String name, ProcessBuilder pb, Path out) throws Exception {
        Path err = work.resolve(name + ".stderr");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish in 10 minutes");
        }
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Path reportFile = out.resolve("report.json");
        assertThat(reportFile).as(stderr).exists();
        ObjectNode report = (ObjectNode) JSON.readTree(reportFile.toFile());
        // what differs between any two runs: the time and the speed
        report.remove("generatedAt");
        // the jar's manifest gives the version; classes on a class path are "dev"
        ((ObjectNode) report.path("engine")).remove("version");
        ((ObjectNode) report.path("summary")).remove(List.of("durationMillis", "resourcesPerSecond"));
        return new Run(p.exitValue(), stderr, report);
    }
}
