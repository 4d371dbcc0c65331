package org.hmbd.validator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit codes, formats, baseline comparison, help in both languages. */
class MainTest {

    static final Path SAMPLE = Path.of("..", "standards", "hmbd-core-sample", "0.1.0").toAbsolutePath().normalize();

    @TempDir
    Path out;

    record Run(int exit, String stdout, String stderr) {
    }

    static Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, stdin, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    @Test
    void helpExplainsEverythingInBothLanguages() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.stdout()).contains("用法", "Usage", "--standard", "--baseline", "--threads", "退出码", "Exit codes");
    }

    @Test
    void unusableArgumentsExitWith2() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("--format", "pdf", "x.json").exit()).isEqualTo(2);
        assertThat(run("--threads", "0", "x.json").exit()).isEqualTo(2);
        assertThat(run("--bogus", "x.json").exit()).isEqualTo(2);
        assertThat(run("--standard", out.resolve("nowhere").toString(), "x.json").exit()).isEqualTo(2);
        assertThat(run("--baseline", out.resolve("none.json").toString(), "x.json").exit()).isEqualTo(2);
        Run nothingReadable = run("--quiet", out.resolve("missing.json").toString());
        assertThat(nothingReadable.exit()).isEqualTo(2);
    }

    @Test
    void validDataExits0AndInvalidDataExits1() {
        Run ok = run("--quiet", "--standard", SAMPLE.toString(), SAMPLE.resolve("examples/valid").toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.stdout()).contains("\"schema\" : \"hmbd-validation-report/1\"");
        assertThat(ok.stderr()).contains("通过");
        Run bad = run("--quiet", "--lang", "en", "--standard", SAMPLE.toString(),
                SAMPLE.resolve("examples/invalid").toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.stderr()).contains("FAIL");
    }

    @Test
    void readsStandardInput() {
        String patient = "{\"resourceType\":\"Patient\",\"gender\":\"nonsense\"}\n";
        Run r = run(new ByteArrayInputStream(patient.getBytes(StandardCharsets.UTF_8)), "--quiet", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stdout()).contains("\"source\" : \"-\"");
    }

    @Test
    void writesEveryFormatAndComparesWithABaseline() throws IOException {
        Run first = run("--quiet", "--standard", SAMPLE.toString(), "--format", "json,html,csv", "--out",
                out.resolve("first").toString(), SAMPLE.resolve("examples/invalid").toString());
        assertThat(first.exit()).isEqualTo(1);
        Path json = out.resolve("first/report.json");
        assertThat(json).exists();
        assertThat(Files.readString(out.resolve("first/report.html"))).startsWith("<!doctype html>")
                .contains("HMBD-ID-RESIDENT", "各维度得分", "Dimension scores")
                .doesNotContain("src=\"http", "href=\"http", "<link", "<script src");
        String csv = Files.readString(out.resolve("first/findings.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFcheck_id,severity").contains("HMBD-ID-USCC");

        Run second = run("--quiet", "--standard", SAMPLE.toString(), "--baseline", json.toString(), "--out",
                out.resolve("second").toString(), SAMPLE.resolve("examples/invalid/patient-sex-mismatch.json").toString(),
                SAMPLE.resolve("examples/invalid/patient-born-in-future.json").toString(),
                SAMPLE.resolve("examples/valid/patient-li.json").toString());
        assertThat(second.exit()).isEqualTo(1);
        Report compared;
        try (InputStream in = Files.newInputStream(out.resolve("second/report.json"))) {
            compared = ReportJson.read(in);
        }
        assertThat(compared.comparison()).isNotNull();
        assertThat(compared.comparison().resolvedChecks()).extracting(Report.Delta::checkId)
                .contains("HMBD-ID-RESIDENT", "HMBD-ID-USCC", "HMBD-PAT-UNIQUE");
        assertThat(compared.comparison().persistingChecks()).extracting(Report.Delta::checkId)
                .contains("FHIR-INV-hmbd-pat-2", "HMBD-DATE-FUTURE");
        assertThat(compared.comparison().newChecks()).isEmpty();
    }

    @Test
    void aReRunWithTheCacheReUsesResultsAndWritesTheSameReport() throws IOException {
        String data = SAMPLE.resolve("examples/invalid").toString();
        Path cache = out.resolve("cache");
        Run first = run("--quiet", "--standard", SAMPLE.toString(), "--cache", cache.toString(), "--out",
                out.resolve("c1").toString(), data);
        assertThat(first.stderr()).contains("result cache: 0 个沿用 / re-used");
        Run second = run("--quiet", "--standard", SAMPLE.toString(), "--cache", cache.toString(), "--out",
                out.resolve("c2").toString(), data);
        assertThat(second.exit()).isEqualTo(first.exit()).isEqualTo(1);
        assertThat(second.stderr()).containsPattern("result cache: [1-9]\\d* 个沿用 / re-used, 0 个已验证 / validated");
        assertThat(withoutTiming(out.resolve("c2/report.json"))).isEqualTo(withoutTiming(out.resolve("c1/report.json")));

        Path notAFolder = Files.writeString(out.resolve("file"), "x");
        Run refused = run("--quiet", "--cache", notAFolder.toString(), data);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.stderr()).contains("无法使用缓存文件夹", "cannot use the cache folder", "not a folder");
        assertThat(run("--cache-max-mb", "0", data).exit()).isEqualTo(2);
    }

    private static String withoutTiming(Path report) throws IOException {
        return Files.readString(report).replaceAll("\"(generatedAt|durationMillis|resourcesPerSecond)\" ?: ?[^,}]*", "");
    }
}
