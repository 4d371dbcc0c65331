package org.hmbd.registry.conformance;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hmbd.registry.platform.HmbdProperties;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.standard.Artifacts;
import org.hmbd.registry.standard.ConformanceTarget;
import org.hmbd.registry.standard.EditionPublished;
import org.hmbd.registry.standard.EditionStatus;
import org.hmbd.registry.standard.Standards;
import org.hmbd.validator.content.Manifest;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.engine.Limits;
import org.hmbd.validator.engine.ValidationEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The conformance test suite of each published edition that carries validator content (its
 * {@value Artifacts#FHIR_PACKAGE}): loaded and warmed up when the edition is published, and for
 * every such edition when the server starts, so that no user pays the first-call cost.
 */
@Component
public class TestSuites {

    private static final Logger log = LoggerFactory.getLogger(TestSuites.class);

    /** Load state of a suite, for the API. */
    public enum State { LOADING, READY, FAILED }

    public record SuiteView(long editionId, String code, String titleZh, String titleEn, EditionStatus status,
                            State state, String manifestId, String manifestVersion, Instant testableUntil) {
    }

    private final Standards standards;
    private final FhirContext ctx;
    private final Artifacts artifacts;
    private final ConformanceProperties props;
    private final Path folder;
    private final Map<Long, CompletableFuture<ValidationEngine>> suites = new ConcurrentHashMap<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hmbd-suite-loader");
        t.setDaemon(true);
        return t;
    });

    TestSuites(Standards standards, Artifacts artifacts, ConformanceProperties props, HmbdProperties hmbd,
               FhirContext ctx) {
        this.standards = standards;
        this.ctx = ctx;
        this.artifacts = artifacts;
        this.props = props;
        this.folder = hmbd.dataDir().toAbsolutePath().resolve("suites");
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPublished(EditionPublished event) {
        if (artifacts.exists(event.editionId(), Artifacts.FHIR_PACKAGE)) {
            load(event.editionId());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAll() {
        for (long id : standards.editionsWithArtifact(Artifacts.FHIR_PACKAGE)) {
            load(id);
        }
    }

    private CompletableFuture<ValidationEngine> load(long editionId) {
        return suites.computeIfAbsent(editionId, id -> CompletableFuture.supplyAsync(() -> build(id), loader));
    }

    private ValidationEngine build(long editionId) {
        long start = System.nanoTime();
        byte[] tgz = artifacts.latestContent(editionId, Artifacts.FHIR_PACKAGE)
                .orElseThrow(() -> new IllegalStateException("edition " + editionId + " carries no validator content"));
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(editionId + ".tgz");
            Files.write(file, tgz);
            ValidationEngine engine = ValidationEngine.create(
                    StandardContent.load(ctx, file), Limits.defaults().withMaxInputBytes(props.maxRunBytes().toBytes()));
            log.info("test suite of edition {} ready ({} ms)", editionId, (System.nanoTime() - start) / 1_000_000);
            return engine;
        } catch (IOException | RuntimeException e) {
            log.error("test suite of edition {} could not be loaded: {}", editionId, e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private volatile ValidationEngine base;

    /** An engine for the base FHIR R4 specification, built on first use. */
    ValidationEngine base() {
        ValidationEngine b = base;
        if (b == null) {
            synchronized (this) {
                if (base == null) {
                    base = ValidationEngine.create(StandardContent.base(), Limits.defaults());
                }
                b = base;
            }
        }
        return b;
    }

    /** The testable edition whose content defines a profile, if a loaded suite has it. */
    java.util.Optional<Long> editionDefining(String profileUrl) {
        String url = profileUrl.contains("|") ? profileUrl.substring(0, profileUrl.indexOf('|')) : profileUrl;
        return suites.entrySet().stream()
                .filter(e -> e.getValue().isDone() && !e.getValue().isCompletedExceptionally())
                .filter(e -> e.getValue().join().content().structureDefinition(url) != null)
                .map(Map.Entry::getKey)
                .sorted(java.util.Comparator.reverseOrder())
                .filter(id -> {
                    try {
                        requireTestable(id);
                        return true;
                    } catch (DomainException notTestable) {
                        return false;
                    }
                })
                .findFirst();
    }

    /** The warmed-up engine of an edition (waits while it loads). */
    ValidationEngine engine(long editionId) {
        return load(editionId).join();
    }

    /** The edition as the conformance service sees it, whatever its status; 404 if unknown. */
    ConformanceTarget requireKnown(long editionId) {
        return standards.conformanceTarget(editionId).orElseThrow(() -> DomainException.notFound("edition", editionId));
    }

    /**
     * The edition, if data may be tested against it now: published, or superseded less than the
     * grace period ago, and carrying validator content; otherwise 409 {@code edition-not-testable}.
     */
    ConformanceTarget requireTestable(long editionId) {
        ConformanceTarget t = standards.conformanceTarget(editionId)
                .orElseThrow(() -> DomainException.notFound("edition", editionId));
        String reason = null;
        if (t.status() == EditionStatus.SUPERSEDED) {
            Instant until = testableUntil(t);
            if (until == null || Instant.now().isAfter(until)) {
                reason = "superseded";
            }
        } else if (t.status() != EditionStatus.PUBLISHED) {
            reason = "not-published";
        }
        if (reason == null && !artifacts.exists(editionId, Artifacts.FHIR_PACKAGE)) {
            reason = "no-content";
        }
        if (reason != null) {
            throw new DomainException(ErrorCode.EDITION_NOT_TESTABLE,
                    Map.of("editionId", editionId, "currentStatus", t.status().name()),
                    Msg.of("problem.edition-not-testable." + reason, t.code() == null ? editionId : t.code(),
                            props.supersededGracePeriod().getDays()));
        }
        CompletableFuture<ValidationEngine> f = load(editionId);
        if (f.isCompletedExceptionally()) {
            throw new DomainException(ErrorCode.SUITE_UNAVAILABLE, Map.of("editionId", editionId),
                    Msg.of("problem.suite-unavailable.detail", t.code()));
        }
        return t;
    }

    private Instant testableUntil(ConformanceTarget t) {
        if (t.supersededAt() == null) {
            return null;
        }
        return t.supersededAt().atZone(ZoneOffset.UTC).plus(props.supersededGracePeriod()).toInstant();
    }

    /** Every edition that carries validator content, with its suite's state. */
    /** The editions that can be tested against now: their content loaded and ready. */
    public List<SuiteView> ready() {
        return list().stream().filter(s -> s.state() == State.READY).toList();
    }

    public List<SuiteView> list() {
        return standards.editionsWithArtifact(Artifacts.FHIR_PACKAGE).stream()
                .map(id -> standards.conformanceTarget(id).orElse(null))
                .filter(t -> t != null)
                .map(t -> {
                    CompletableFuture<ValidationEngine> f = suites.get(t.editionId());
                    State state = f == null || !f.isDone() ? State.LOADING
                            : f.isCompletedExceptionally() ? State.FAILED : State.READY;
                    Manifest m = state == State.READY ? f.join().content().manifest() : null;
                    return new SuiteView(t.editionId(), t.code(), t.titleZh(), t.titleEn(), t.status(), state,
                            m == null ? null : m.id(), m == null ? null : m.version(),
                            t.status() == EditionStatus.SUPERSEDED ? testableUntil(t) : null);
                })
                .toList();
    }
}
