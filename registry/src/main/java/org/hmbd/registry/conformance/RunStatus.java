package org.hmbd.registry.conformance;

/** Where a conformance test run is. */
enum RunStatus {
    /** Created; files are being uploaded. */
    AWAITING_DATA,
    /** Submitted, waiting for a worker. */
    QUEUED,
    /** A worker is validating it. */
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
