package org.hmbd.validator.engine;

/**
 * Limits that keep bad or hostile input from exhausting the engine.
 *
 * @param maxResourceBytes largest single resource (an NDJSON line, a file, a zip entry); default 20 MB
 * @param maxDepth deepest nesting of JSON objects and arrays; default 100
 * @param maxFindingsKept findings kept in full in a report (all are counted); default 10,000
 * @param maxZipEntries most entries read from one zip; default 100,000
 */
public record Limits(int maxResourceBytes, int maxDepth, int maxFindingsKept, int maxZipEntries) {

    public static Limits defaults() {
        return new Limits(20 * 1024 * 1024, 100, 10_000, 100_000);
    }
}
