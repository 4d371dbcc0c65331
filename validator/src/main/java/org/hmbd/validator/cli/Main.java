package org.hmbd.validator.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hmbd.validator.content.ContentException;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.engine.Limits;
import org.hmbd.validator.engine.ResultCache;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.engine.ValidationRunException;
import org.hmbd.validator.report.Baseline;
import org.hmbd.validator.report.Report;
import org.hmbd.validator.report.ReportCsv;
import org.hmbd.validator.report.ReportHtml;
import org.hmbd.validator.report.ReportJson;

/**
 * {@code java -jar hmbd-validate.jar [options] <files|folders|zips|->}: validates FHIR R4 data
 * offline against a standard edition and writes a scored report. Exit code 0: no errors;
 * 1: errors found; 2: unusable arguments or input.
 */
public final class Main {

    static final int PASS = 0;
    static final int FAIL = 1;
    static final int UNUSABLE = 2;

    private static final String HELP = """
            hmbd-validate %s — 国家健康医疗大数据标准符合性自测工具 / conformance self-test for HMBD standards

            用法 / Usage:
              java -jar hmbd-validate.jar [选项 options] <文件|文件夹|zip|-> ...

            输入 / Inputs:
              FHIR R4 资源（JSON 或 XML）、Bundle、NDJSON（.ndjson，逐行流式读取）、文件夹、zip；"-" 为标准输入。
              FHIR R4 resources (JSON or XML), Bundles, NDJSON (.ndjson, streamed line by line), folders,
              zips; "-" reads standard input.

            选项 / Options:
              --standard <文件夹|package.tgz>  标准版本的内容（含 manifest.json）；缺省时按 FHIR R4 基础规范验证
                                              standard edition content (with manifest.json); without it the
                                              base FHIR R4 specification is used
              --format json|html|csv          报告格式，可用逗号组合（缺省 json）/ report format(s), comma-separated
              --out <文件夹 dir>               报告写入该文件夹（report.json, report.html, findings.csv）；
                                              缺省时写到标准输出 / write reports there; default: standard output
              --baseline <previous.json>      与上次报告比较：新增、已解决、仍存在的问题
                                              compare with a previous report: new, resolved, persisting checks
              --threads N                     验证线程数（缺省为 CPU 核数）/ validator threads (default: cores)
              --lang zh|en                    摘要语言（缺省 zh）/ language of the summary (default zh)
              --max-resource-bytes N          单个资源的大小上限（缺省 20971520）/ largest single resource
              --max-depth N                   JSON/XML 最大嵌套层数（缺省 100）/ deepest nesting allowed
              --max-findings N                报告中完整保留的问题数（缺省 10000，全部计数）
                                              findings kept in full in the report (all are counted)
              --cache <文件夹 dir>             结果缓存：重新验证时跳过未变的资源，报告不变；缓存含数据片段，
                                              请放在数据所在的机器上 / result cache: a re-run skips resources
                                              unchanged since an earlier run, with the same report; it holds
                                              fragments of the data, keep it where the data is
              --cache-max-mb N                缓存文件夹的大小上限（缺省 1024）/ largest cache size (default 1024)
              --quiet                         不输出进度 / no progress on stderr
              --help                          显示本说明 / show this help

            退出码 / Exit codes:
              0  未发现错误 / no errors found
              1  发现错误 / errors found
              2  参数或输入不可用 / unusable arguments or input
            """;

    /** Runs whose segments the command-line cache keeps. */
    private static final int CACHE_RUNS = 8;
    private static final java.time.format.DateTimeFormatter RUN_NAME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private Main() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "hmbd-validate-logback.xml");
        }
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("错误 / error: " + e.getMessage());
            err.println("java -jar hmbd-validate.jar --help");
            return UNUSABLE;
        }
        if (o.help) {
            out.print(String.format(HELP, ValidationEngine.VERSION));
            return PASS;
        }
        if (o.inputs.isEmpty()) {
            err.println("错误：未指定输入 / error: no input given (java -jar hmbd-validate.jar --help)");
            return UNUSABLE;
        }
        Report baseline = null;
        if (o.baseline != null) {
            try (InputStream in = Files.newInputStream(o.baseline)) {
                baseline = ReportJson.read(in);
            } catch (IOException | RuntimeException e) {
                err.println("错误：无法读取基线报告 / error: cannot read the baseline report " + o.baseline + ": "
                        + e.getMessage());
                return UNUSABLE;
            }
        }
        StandardContent content;
        long t0 = System.nanoTime();
        try {
            content = o.standard == null ? StandardContent.base()
                    : StandardContent.load(ValidationEngine.fhirContext(), o.standard);
        } catch (ContentException e) {
            err.println("错误：标准内容不可用 / error: unusable standard content: " + e.getMessage());
            return UNUSABLE;
        }
        ResultCache.Session cache = null;
        if (o.cache != null) {
            try {
                cache = ResultCache.open(o.cache, o.cacheMaxMb * (1L << 20), CACHE_RUNS, ResultCache.Sealer.NONE)
                        .begin("run-" + java.time.LocalDateTime.now().format(RUN_NAME) + "-"
                                + Long.toHexString(System.nanoTime() & 0xffff));
            } catch (IOException | RuntimeException e) {
                String why = e instanceof java.nio.file.FileAlreadyExistsException ? "不是文件夹 / not a folder"
                        : e instanceof java.nio.file.AccessDeniedException ? "无权访问 / access denied" : e.getMessage();
                err.println("错误：无法使用缓存文件夹 / error: cannot use the cache folder " + o.cache + ": " + why);
                return UNUSABLE;
            }
        }
        ValidationEngine engine = ValidationEngine.create(content, o.limits());
        if (!o.quiet) {
            err.printf(Locale.ROOT, "已加载 / loaded %s %s (%.1f s)%n", content.manifest().id(),
                    content.manifest().version(), (System.nanoTime() - t0) / 1e9);
        }
        Report report;
        try {
            report = engine.run(o.inputs, stdin, o.threads, o.quiet ? null
                    : (resources, inputs) -> err.printf(Locale.ROOT, "… %d 个资源 / resources, %d 个输入 / inputs%n",
                            resources, inputs), cache);
        } catch (ValidationRunException e) {
            if (cache != null) {
                cache.close();
            }
            err.println("错误：" + e.text().zh() + " / error: " + e.text().en());
            return UNUSABLE;
        }
        if (cache != null) {
            try {
                cache.commit();
                err.printf(Locale.ROOT, "结果缓存 / result cache: %d 个沿用 / re-used, %d 个已验证 / validated%s%n",
                        cache.hits(), cache.misses(), cache.damaged() == 0 ? ""
                                : String.format(Locale.ROOT, ", %d 个无法读取 / unreadable", cache.damaged()));
            } catch (IOException e) {
                // the report is complete; only the cache could not be kept for the next run
                err.println("警告：无法保存结果缓存 / warning: cannot keep the result cache: " + e.getMessage());
            } finally {
                cache.close();
            }
        }
        if (baseline != null) {
            report = Baseline.compare(report, baseline);
        }
        try {
            write(report, o, out);
        } catch (IOException e) {
            err.println("错误：无法写出报告 / error: cannot write the report: " + e.getMessage());
            return UNUSABLE;
        }
        summary(report, o.lang, err);
        if (report.summary().resources() == 0) {
            return UNUSABLE;
        }
        return report.summary().errors() == 0 ? PASS : FAIL;
    }

    private static void write(Report report, Options o, PrintStream out) throws IOException {
        for (String format : o.formats) {
            if (o.outDir == null) {
                write(report, format, out);
                out.flush();
                continue;
            }
            Files.createDirectories(o.outDir);
            String name = switch (format) {
                case "csv" -> "findings.csv";
                case "html" -> "report.html";
                default -> "report.json";
            };
            try (OutputStream file = Files.newOutputStream(o.outDir.resolve(name))) {
                write(report, format, file);
            }
        }
    }

    private static void write(Report report, String format, OutputStream out) throws IOException {
        switch (format) {
            case "csv" -> ReportCsv.write(report, out);
            case "html" -> ReportHtml.write(report, out);
            default -> ReportJson.write(report, out);
        }
    }

    private static void summary(Report r, String lang, PrintStream err) {
        boolean en = "en".equals(lang);
        var s = r.summary();
        var sc = r.scores();
        err.printf(Locale.ROOT, en ? "%d resources, %d errors, %d warnings, %d unreadable; score %s; level %s; %s%n"
                        : "%d 个资源，%d 个错误，%d 个警告，%d 个无法读取；得分 %s；等级 %s；%s%n",
                s.resources(), s.errors(), s.warnings(), s.unreadable(),
                sc.overall() == null ? "-" : String.format(Locale.ROOT, "%.2f", sc.overall()),
                sc.level() == null ? "-" : sc.level().title().in(lang),
                sc.passed() ? (en ? "PASS" : "通过") : (en ? "FAIL" : "未通过"));
        if (s.notCheckedProfiles() + s.notCheckedCodeSystems() > 0) {
            err.printf(Locale.ROOT, en ? "not checked: %d declared profiles not loaded, %d codings of unavailable code systems%n"
                            : "未检查：%d 处声明的配置文件未加载，%d 处编码的代码系统不可用%n",
                    s.notCheckedProfiles(), s.notCheckedCodeSystems());
        }
    }

    static final class Options {
        Path standard;
        List<String> formats = List.of("json");
        Path outDir;
        Path baseline;
        int threads = Runtime.getRuntime().availableProcessors();
        String lang = "zh";
        boolean quiet;
        boolean help;
        int maxResourceBytes = Limits.defaults().maxResourceBytes();
        int maxDepth = Limits.defaults().maxDepth();
        int maxFindings = Limits.defaults().maxFindingsKept();
        Path cache;
        int cacheMaxMb = 1024;
        final List<String> inputs = new ArrayList<>();

        Limits limits() {
            return new Limits(maxResourceBytes, maxDepth, maxFindings, Limits.defaults().maxZipEntries());
        }

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help", "-h" -> o.help = true;
                    case "--quiet", "-q" -> o.quiet = true;
                    case "--standard" -> o.standard = Path.of(value(args, ++i, a));
                    case "--out" -> o.outDir = Path.of(value(args, ++i, a));
                    case "--baseline" -> o.baseline = Path.of(value(args, ++i, a));
                    case "--format" -> {
                        o.formats = List.of(value(args, ++i, a).toLowerCase(Locale.ROOT).split(","));
                        for (String f : o.formats) {
                            if (!List.of("json", "html", "csv").contains(f)) {
                                throw new IllegalArgumentException("--format: " + f + " (json, html, csv)");
                            }
                        }
                    }
                    case "--threads" -> o.threads = positive(value(args, ++i, a), a, 64);
                    case "--lang" -> {
                        o.lang = value(args, ++i, a);
                        if (!o.lang.equals("zh") && !o.lang.equals("en")) {
                            throw new IllegalArgumentException("--lang: zh | en");
                        }
                    }
                    case "--max-resource-bytes" -> o.maxResourceBytes = positive(value(args, ++i, a), a, Integer.MAX_VALUE - 16);
                    case "--max-depth" -> o.maxDepth = positive(value(args, ++i, a), a, 1000);
                    case "--max-findings" -> o.maxFindings = positive(value(args, ++i, a), a, 10_000_000);
                    case "--cache" -> o.cache = Path.of(value(args, ++i, a));
                    case "--cache-max-mb" -> o.cacheMaxMb = positive(value(args, ++i, a), a, 1 << 24);
                    default -> {
                        if (a.startsWith("--")) {
                            throw new IllegalArgumentException("unknown option / 未知选项 " + a);
                        }
                        o.inputs.add(a);
                    }
                }
            }
            if (o.outDir == null && o.formats.size() > 1) {
                throw new IllegalArgumentException("several formats need --out / 多种格式需要 --out");
            }
            return o;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length || args[i].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value / 需要一个值");
            }
            return args[i];
        }

        private static int positive(String v, String option, int max) {
            try {
                int n = Integer.parseInt(v);
                if (n < 1 || n > max) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": 1.." + max);
            }
        }
    }

}
