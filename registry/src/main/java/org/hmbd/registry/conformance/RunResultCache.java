package org.hmbd.registry.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.hmbd.validator.engine.ResultCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The validator's result cache in the server: one cache per organization, in the submission
 * store's folder ({@code result-cache/<organization id>}, shared by servers that share the store),
 * sealed with the organization's own key derived from the submissions key; a run's segment is
 * named after the run ({@code run-<id>}), committed only when the run's report is stored and
 * destroyed with the run's data. The cache only saves time: when it cannot be used, runs go on
 * without it, with the same reports.
 */
@Component
class RunResultCache {

    private static final Logger log = LoggerFactory.getLogger(RunResultCache.class);

    private final SubmissionStore store;
    private final ConformanceProperties.ResultCache props;

    RunResultCache(SubmissionStore store, ConformanceProperties props) {
        this.store = store;
        this.props = props.resultCache();
    }

    private Path dir(long organizationId) {
        return store.root().resolve("result-cache").resolve(Long.toString(organizationId));
    }

    private ResultCache open(long organizationId) throws IOException {
        return ResultCache.open(dir(organizationId), props.maxSizePerOrganization().toBytes(),
                props.maxRunsPerOrganization(), store.resultSealer(organizationId));
    }

    /** The run's session, or empty when the cache is off or unusable (the run then validates everything). */
    Optional<ResultCache.Session> begin(long organizationId, long runId) {
        if (!props.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(open(organizationId).begin(segment(runId)));
        } catch (IOException | RuntimeException e) {
            log.warn("result cache of organization {} unusable, run {} validates everything: {}", organizationId,
                    runId, e.toString());
            return Optional.empty();
        }
    }

    /** Destroys what the run left in its organization's cache; true when there was something. */
    boolean destroy(long organizationId, long runId) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir(organizationId))) {
            return false;
        }
        return open(organizationId).delete(segment(runId));
    }

    private static String segment(long runId) {
        return "run-" + runId;
    }
}
