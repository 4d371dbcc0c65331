package org.hmbd.validator.engine;

/**
 * Limits that keep bad or hostile input from exhausting the engine.
 *
 * @param maxResourceBytes largest single resource (an NDJSON line, a file, a zip entry); default 20 MB
 * @param maxDepth deepest nesting of JSON objects and arrays; default 100
 * @param maxFindingsKept findings kept in full in a report (all are counted); default 10,000
 * @param maxZipEntries most entries read from one zip; default 100,000
 * @param maxInputBytes most bytes one run reads in all, zip entries counted decompressed; beyond it
 *        the run ends with {@link InputLimitExceededException}; default unlimited (the server sets it)
 */
public record Limits(int maxResourceBytes, int maxDepth, int maxFindingsKept, int maxZipEntries, long maxInputBytes) {

    public Limits(int maxResourceBytes, int maxDepth, int maxFindingsKept, int maxZipEntries) {
        this(maxResourceBytes, maxDepth, maxFindingsKept, maxZipEntries, Long.MAX_VALUE);
    }

    public static Limits defaults() {
        return new Limits(20 * 1024 * 1024, 100, 10_000, 100_000);
    }

    /** These limits with a total for the input of one run. */
    public Limits withMaxInputBytes(long bytes) {
        return new Limits(maxResourceBytes, maxDepth, maxFindingsKept, maxZipEntries, bytes);
    }
}
