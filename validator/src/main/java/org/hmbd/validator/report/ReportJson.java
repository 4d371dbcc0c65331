package org.hmbd.validator.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The JSON form of a report (schema {@value Report#SCHEMA}), written and read back for baselines. */
public final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {
    }

    public static void write(Report report, OutputStream out) throws IOException {
        JSON.writeValue(out, report);
    }

    public static String toString(Report report) throws IOException {
        return JSON.writeValueAsString(report);
    }

    public static Report read(InputStream in) throws IOException {
        Report r = JSON.readValue(in, Report.class);
        if (r.schema() == null || !r.schema().startsWith("hmbd-validation-report/")) {
            throw new IOException("not a hmbd validation report");
        }
        return r;
    }
}
