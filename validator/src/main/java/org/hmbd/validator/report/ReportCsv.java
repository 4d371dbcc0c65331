package org.hmbd.validator.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.hmbd.validator.Finding;

/** Findings as CSV (UTF-8 with BOM so that spreadsheet programs read the Chinese text right). */
public final class ReportCsv {

    private ReportCsv() {
    }

    public static void write(Report report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        w.write("check_id,severity,dimension,source,line,column,bundle_entry,location,resource_type,resource_id,"
                + "message_zh,message_en,rule\r\n");
        for (Finding f : report.findings()) {
            w.write(String.join(",", cell(f.checkId()), cell(f.severity().name()), cell(f.dimension().name()),
                    cell(f.source()), cell(f.line() > 0 ? String.valueOf(f.line()) : ""),
                    cell(f.column() > 0 ? String.valueOf(f.column()) : ""),
                    cell(f.entry() >= 0 ? String.valueOf(f.entry()) : ""), cell(f.location()), cell(f.resourceType()),
                    cell(f.resourceId()), cell(f.message().zh()), cell(f.message().en()), cell(f.rule())));
            w.write("\r\n");
        }
        w.flush();
    }

    /** RFC 4180 quoting; cells that a spreadsheet would run as formulas are neutralised. */
    public static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
