package org.hmbd.validator.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.rules.FillRate;

/**
 * One self-contained HTML file (no external resources): summary, dimension scores, level, top
 * failing checks with counts and examples, and every kept finding in a filterable table. Both
 * languages are in the page; a button switches between them.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static void write(Report r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var s = r.summary();
        var sc = r.scores();
        w.write("""
                <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>符合性测试报告 · Conformance report</title><style>
                body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#1d2733}
                h1{font-size:22px}h2{font-size:17px;margin-top:28px}table{border-collapse:collapse;width:100%}
                th,td{border-bottom:1px solid #dde3ea;padding:6px 8px;text-align:left;vertical-align:top;font-size:13px}
                th{background:#f2f5f9}.ERROR{color:#b00020;font-weight:600}.WARNING{color:#a05a00}.INFORMATION{color:#555}
                .big{font-size:28px;font-weight:700}.cards{display:flex;gap:16px;flex-wrap:wrap}
                .card{border:1px solid #dde3ea;border-radius:6px;padding:12px 16px;min-width:140px}
                .en{display:none}body.lang-en .en{display:inline}body.lang-en .zh{display:none}
                input,select,button{padding:4px 8px;margin-right:8px}.bar{background:#e3e9f0;height:8px;width:120px}
                .bar>div{background:#0b5394;height:8px}</style></head><body>
                <button onclick="document.body.classList.toggle('lang-en')"><span class="zh">English</span><span class="en">中文</span></button>
                """);
        w.write("<h1><span class=\"zh\">符合性测试报告</span><span class=\"en\">Conformance report</span></h1>\n");
        if (r.standard() != null) {
            w.write("<p>" + both(r.standard().title() == null ? r.standard().id() : r.standard().title().zh(),
                    r.standard().title() == null ? r.standard().id() : r.standard().title().en())
                    + " " + esc(nz(r.standard().standardCode())) + " · " + esc(nz(r.standard().id())) + " "
                    + esc(nz(r.standard().version())) + (r.standard().notice() == null ? ""
                    : "<br><small>" + esc(r.standard().notice()) + "</small>") + "</p>\n");
        }
        w.write("<p><small>" + esc(String.valueOf(r.generatedAt())) + " · " + esc(r.engine().name()) + " "
                + esc(r.engine().version()) + " · HAPI FHIR " + esc(r.engine().hapiFhirVersion()) + "</small></p>\n");
        w.write("<div class=\"cards\">");
        card(w, "总分", "Overall score", sc.overall() == null ? "-" : fmt(sc.overall()));
        card(w, "等级", "Level", sc.level() == null ? both("未达到", "none") : both(sc.level().title().zh(), sc.level().title().en()));
        card(w, "结论", "Result", sc.passed() ? both("通过", "pass") : both("未通过", "fail"));
        card(w, "资源", "Resources", String.valueOf(s.resources()));
        card(w, "错误", "Errors", String.valueOf(s.errors()));
        card(w, "警告", "Warnings", String.valueOf(s.warnings()));
        card(w, "无法读取", "Unreadable", String.valueOf(s.unreadable()));
        card(w, "未检查", "Not checked", s.notCheckedProfiles() + " / " + s.notCheckedCodeSystems());
        w.write("</div>\n");
        if (!sc.mandatoryFailures().isEmpty()) {
            w.write("<p class=\"ERROR\">" + both("未通过的强制规则（限制等级）：", "Failed mandatory rules (cap the level): ")
                    + esc(String.join(", ", sc.mandatoryFailures())) + "</p>\n");
        }
        w.write("<h2>" + both("各维度得分", "Dimension scores") + "</h2><table><tr><th>" + both("维度", "Dimension")
                + "</th><th>" + both("通过/检查", "Passed/checked") + "</th><th>" + both("得分", "Score") + "</th><th>"
                + both("权重", "Weight") + "</th></tr>\n");
        for (Map.Entry<Dimension, DimensionScore> e : sc.dimensions().entrySet()) {
            DimensionScore d = e.getValue();
            w.write("<tr><td>" + dimension(e.getKey()) + "</td><td>" + d.passed() + " / " + d.total() + "</td><td>"
                    + (d.score() == null ? "-" : fmt(d.score()) + " <div class=\"bar\"><div style=\"width:"
                    + d.score().intValue() + "%\"></div></div>") + "</td><td>" + d.weight() + "</td></tr>\n");
        }
        w.write("</table>\n<h2>" + both("问题最多的检查项", "Top failing checks") + "</h2><table><tr><th>"
                + both("检查项", "Check") + "</th><th>" + both("严重程度", "Severity") + "</th><th>"
                + both("次数", "Count") + "</th><th>" + both("示例", "Example") + "</th></tr>\n");
        for (CheckSummary c : r.checks().stream().limit(30).toList()) {
            w.write("<tr><td>" + esc(c.checkId()) + "</td><td class=\"" + c.severity() + "\">" + c.severity()
                    + "</td><td>" + c.count() + "</td><td>" + both(c.message().zh(), c.message().en()) + "<br><small>"
                    + esc(String.join(" · ", c.examples())) + "</small></td></tr>\n");
        }
        w.write("</table>\n");
        if (!r.completeness().isEmpty()) {
            w.write("<h2>" + both("必须支持元素的填充率", "Fill rates of must-support elements") + "</h2><table><tr><th>"
                    + both("元素", "Element") + "</th><th>" + both("已填/总数", "Filled/total") + "</th><th>"
                    + both("填充率", "Rate") + "</th></tr>\n");
            for (FillRate f : r.completeness()) {
                w.write("<tr><td>" + esc(f.element()) + "</td><td>" + f.present() + " / " + f.total() + "</td><td>"
                        + fmt(100 * f.rate()) + "%</td></tr>\n");
            }
            w.write("</table>\n");
        }
        if (r.comparison() != null) {
            var c = r.comparison();
            w.write("<h2>" + both("与基线比较", "Compared with the baseline") + "</h2><p>" + both("新增", "New") + ": "
                    + c.newChecks().size() + " · " + both("已解决", "Resolved") + ": " + c.resolvedChecks().size() + " · "
                    + both("仍存在", "Persisting") + ": " + c.persistingChecks().size() + "</p>\n");
        }
        if (!r.suppressed().isEmpty()) {
            w.write("<h2>" + both("已屏蔽的检查项", "Suppressed checks") + "</h2><ul>");
            for (Report.Suppressed x : r.suppressed()) {
                w.write("<li>" + esc(x.checkId()) + " (" + x.count() + "): " + both(x.reason().zh(), x.reason().en())
                        + "</li>");
            }
            w.write("</ul>\n");
        }
        w.write("<h2>" + both("全部问题", "All findings") + (r.findingsTruncated()
                ? " <small>" + both("（仅列出前 " + r.findings().size() + " 条）", "(first " + r.findings().size() + " shown)")
                + "</small>" : "") + "</h2>\n");
        w.write("<p><input id=\"q\" placeholder=\"filter / 筛选\" oninput=\"f()\"><select id=\"sev\" onchange=\"f()\">"
                + "<option value=\"\">*</option><option>ERROR</option><option>WARNING</option><option>INFORMATION</option>"
                + "</select><select id=\"dim\" onchange=\"f()\"><option value=\"\">*</option>");
        for (Dimension d : Dimension.values()) {
            w.write("<option>" + d + "</option>");
        }
        w.write("</select></p><table id=\"findings\"><tr><th>" + both("严重程度", "Severity") + "</th><th>"
                + both("维度", "Dimension") + "</th><th>" + both("检查项", "Check") + "</th><th>" + both("位置", "Location")
                + "</th><th>" + both("说明", "Message") + "</th></tr>\n");
        for (Finding f : r.findings()) {
            w.write("<tr data-s=\"" + f.severity() + "\" data-d=\"" + f.dimension() + "\"><td class=\"" + f.severity()
                    + "\">" + f.severity() + "</td><td>" + f.dimension() + "</td><td>" + esc(f.checkId()) + "</td><td>"
                    + esc(nz(f.source())) + (f.line() > 0 ? ":" + f.line() : "") + "<br>" + esc(nz(f.location()))
                    + "</td><td>" + both(f.message().zh(), f.message().en()) + "</td></tr>\n");
        }
        w.write("""
                </table><script>
                function f(){var q=document.getElementById('q').value.toLowerCase(),s=document.getElementById('sev').value,
                d=document.getElementById('dim').value;document.querySelectorAll('#findings tr[data-s]').forEach(function(r){
                r.style.display=(!s||r.dataset.s===s)&&(!d||r.dataset.d===d)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0)?'':'none';});}
                if((navigator.language||'').toLowerCase().indexOf('en')===0){document.body.classList.add('lang-en');}
                </script></body></html>
                """);
        w.flush();
    }

    private static void card(Writer w, String zh, String en, String value) throws IOException {
        w.write("<div class=\"card\"><div>" + both(zh, en) + "</div><div class=\"big\">" + value + "</div></div>");
    }

    private static String dimension(Dimension d) {
        return switch (d) {
            case STRUCTURE -> both("结构", "Structure");
            case TERMINOLOGY -> both("术语", "Terminology");
            case COMPLETENESS -> both("完整性", "Completeness");
            case PLAUSIBILITY -> both("合理性", "Plausibility");
            case UNIQUENESS_CONSISTENCY -> both("唯一性与一致性", "Uniqueness and consistency");
        };
    }

    private static String both(String zh, String en) {
        return "<span class=\"zh\">" + esc(zh) + "</span><span class=\"en\">" + esc(en) + "</span>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
