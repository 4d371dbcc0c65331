package org.hmbd.registry.conformance;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.util.unit.DataSize;

/**
 * The conformance testing service.
 *
 * @param workers runs executed at once by this server (default 1); more servers on the same
 *        database share the queue
 * @param validatorThreads validator threads per run (default: the machine's cores)
 * @param maxUploadSize largest file accepted in one upload (default 2GB); larger gets 413
 * @param maxFilesPerRun files one run may hold (default 50)
 * @param maxValidateSize largest body of one FHIR {@code $validate} request (default 20MB); larger gets 413
 * @param pollInterval how often an idle worker looks for queued runs (default 2s)
 * @param lease how long a claimed run stays with its worker without a heartbeat (default 60s);
 *        after that (a crashed server) any worker takes it up again
 * @param heartbeat how often a worker renews its lease and records progress (default 5s)
 * @param maxAttempts attempts before a run that keeps crashing its worker is failed (default 3)
 * @param supersededGracePeriod how long a superseded edition may still be tested against (default P180D)
 * @param retention how long submitted data is kept after its run ended (default P90D)
 * @param retentionCheckInterval how often the destruction job runs (default PT1H)
 * @param certificateValidity how long a certificate is valid (default P1Y)
 * @param encryption the key submitted data is encrypted with
 * @param maxRunBytes most data one run reads in all, zip entries counted decompressed (default 20GB);
 *        beyond it the run fails with a clear text
 * @param maxRunDuration longest a run may take (default 6h); beyond it the run fails with a clear text
 * @param maxRunningPerOrganization runs of one organization executed at once across all servers
 *        (default 2; approximate when several workers claim at the same moment); the queue serves
 *        the organization with the fewest running runs first, so that one organization's many
 *        submissions never keep every other organization's runs waiting
 * @param storageDir where submitted files are kept (default {@code <data-dir>/submissions}); servers
 *        sharing a database must share this folder too
 * @param resultCache the validator's remembered results, so that re-runs skip unchanged resources
 */
@ConfigurationProperties("hmbd.conformance")
@Validated
public record ConformanceProperties(@Positive Integer workers, @Positive Integer validatorThreads, DataSize maxUploadSize,
                                    @Positive Integer maxFilesPerRun, Duration pollInterval, Duration lease,
                                    Duration heartbeat, @Positive Integer maxAttempts, Period supersededGracePeriod,
                                    Period retention, Duration retentionCheckInterval, Period certificateValidity,
                                    Encryption encryption, java.nio.file.Path storageDir, DataSize maxValidateSize,
                                    DataSize maxRunBytes, Duration maxRunDuration,
                                    @Positive Integer maxRunningPerOrganization, ResultCache resultCache) {

    public ConformanceProperties {
        workers = workers == null ? 1 : workers;
        validatorThreads = validatorThreads == null ? Runtime.getRuntime().availableProcessors() : validatorThreads;
        maxUploadSize = maxUploadSize == null ? DataSize.ofGigabytes(2) : maxUploadSize;
        maxFilesPerRun = maxFilesPerRun == null ? 50 : maxFilesPerRun;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(60) : lease;
        heartbeat = heartbeat == null ? Duration.ofSeconds(5) : heartbeat;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        supersededGracePeriod = supersededGracePeriod == null ? Period.ofDays(180) : supersededGracePeriod;
        retention = retention == null ? Period.ofDays(90) : retention;
        retentionCheckInterval = retentionCheckInterval == null ? Duration.ofHours(1) : retentionCheckInterval;
        certificateValidity = certificateValidity == null ? Period.ofYears(1) : certificateValidity;
        encryption = encryption == null ? new Encryption(null, null, null) : encryption;
        maxValidateSize = maxValidateSize == null ? DataSize.ofMegabytes(20) : maxValidateSize;
        maxRunBytes = maxRunBytes == null ? DataSize.ofGigabytes(20) : maxRunBytes;
        maxRunDuration = maxRunDuration == null ? Duration.ofHours(6) : maxRunDuration;
        maxRunningPerOrganization = maxRunningPerOrganization == null ? 2 : maxRunningPerOrganization;
        resultCache = resultCache == null ? new ResultCache(null, null, null) : resultCache;
    }

    /**
     * HAPI's results per resource remembered between an organization's runs (a re-run of mostly
     * unchanged data validates only what changed; the report is the same). Kept in the submission
     * store's folder ({@code result-cache/<organization>}), encrypted like submitted files, one
     * segment per run, destroyed with the run's data.
     *
     * @param enabled whether runs use it (default true)
     * @param maxSizePerOrganization what one organization's cache may hold (default 2GB); the oldest
     *        runs' segments go first
     * @param maxRunsPerOrganization runs whose segments are kept per organization (default 6)
     */
    public record ResultCache(Boolean enabled, DataSize maxSizePerOrganization,
                              @Positive Integer maxRunsPerOrganization) {
        public ResultCache {
            enabled = enabled == null || enabled;
            maxSizePerOrganization = maxSizePerOrganization == null ? DataSize.ofGigabytes(2) : maxSizePerOrganization;
            maxRunsPerOrganization = maxRunsPerOrganization == null ? 6 : maxRunsPerOrganization;
        }
    }

    /** A worker renews its lease with each heartbeat: a heartbeat as long as the lease loses the run. */
    @AssertTrue(message = "hmbd.conformance.heartbeat must be shorter than hmbd.conformance.lease")
    public boolean isHeartbeatShorterThanLease() {
        return heartbeat.compareTo(lease) < 0;
    }

    @AssertTrue(message = "hmbd.conformance.poll-interval, heartbeat and retention-check-interval must be positive")
    public boolean isEveryIntervalPositive() {
        return positive(pollInterval) && positive(heartbeat) && positive(retentionCheckInterval);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /**
     * @param key the current AES-256 key, base64; when not set, a key is generated once into
     *        {@code <data-dir>/keys/submissions.key} (readable by the server's user only) and a
     *        warning says to configure one
     * @param keyId the current key's id, recorded with each stored file (default {@code k1})
     * @param previousKeys earlier keys by id, base64, still needed to read data stored with them
     */
    public record Encryption(String key, String keyId, Map<String, String> previousKeys) {
        public Encryption {
            keyId = keyId == null || keyId.isBlank() ? "k1" : keyId;
            previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
        }
    }
}
