package org.hmbd.registry.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.auth.Actor;
import org.hmbd.registry.auth.Role;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.HistoryEntry;
import org.hmbd.registry.shared.ListQuery;
import org.hmbd.registry.shared.Msg;
import org.hmbd.registry.shared.PageQuery;
import org.hmbd.registry.shared.PageResult;
import org.hmbd.registry.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conformance test runs as the submitting institution and the supervisors see them: creating a run
 * against a testable edition, uploading files (streamed, encrypted), submitting it to the queue,
 * cancelling, re-running, and reading status and progress.
 */
@Service
public class Runs {

    private final JsonMapper json;

    private final RunStore runs;
    private final TransactionTemplate tx;
    private final TestSuites suites;
    private final SubmissionStore store;
    private final Visibility visibility;
    private final ConformanceProperties props;
    private final ApplicationEventPublisher events;

    Runs(RunStore runs, TransactionTemplate tx, TestSuites suites, SubmissionStore store, Visibility visibility,
         ConformanceProperties props, ApplicationEventPublisher events, JsonMapper json) {
        this.json = json;
        this.runs = runs;
        this.tx = tx;
        this.suites = suites;
        this.store = store;
        this.visibility = visibility;
        this.props = props;
        this.events = events;
    }

    /** A run was queued (published after commit: wakes the workers of this server). */
    record RunQueued(long runId) {
    }

    public record FileView(String name, String mediaType, long sizeBytes, String sha256, Instant uploadedAt) {
    }

    /**
     * @param percent share of the submitted bytes validated so far (0-100), null before the run starts
     * @param resourcesEstimate non-blank lines uploaded: the number of resources for NDJSON
     */
    public record Progress(long resourcesDone, Long resourcesEstimate, long bytesDone, long bytesTotal,
                           Integer percent) {
    }

    public record Result(Double score, String levelCode, Boolean passed, Long resources, Long errors,
                         Long warnings, JsonNode scores, String reportSha256) {
    }

    public record RunView(long id, long editionId, String editionCode, long organizationId,
                          String organizationName, String regionCode, String submittedBy, RunStatus status,
                          Long rerunOf, int attempts, Progress progress, Instant createdAt, Instant queuedAt,
                          Instant startedAt, Instant finishedAt, String failure, Result result,
                          String certificateNumber, Instant dataDestroyedAt, List<FileView> files) {
    }

    // ---- writing ----------------------------------------------------------------------------------

    /** A new run awaiting its files; only a submitter of an organization, against a testable edition. */
    public RunView create(Actor actor, Long editionId) {
        long organizationId = requireSubmitter(actor);
        long edition = Text.requiredValue("editionId", editionId);
        suites.requireTestable(edition);
        Long id = tx.execute(s -> runs.create(edition, organizationId, actor.id(), actor.username()));
        return get(actor, id);
    }

    /**
     * Adds a file to a run awaiting data. The body is streamed through a digest and the cipher to
     * disk; beyond the size limit the upload is refused with 413 and nothing is kept.
     */
    public FileView upload(Actor actor, long runId, String name, String mediaType, Long contentLength,
                           InputStream body) throws IOException {
        String fileName = checkFileName(name);
        RunStore.Row run = runs.row(runId);
        requireOwnSubmission(actor, run);
        if (run.status() != RunStatus.AWAITING_DATA) {
            throw new DomainException(ErrorCode.CONFLICT, Map.of("currentStatus", run.status().name()),
                    Msg.of("conflict.run-not-awaiting-data", run.status()));
        }
        long max = props.maxUploadSize().toBytes();
        if (contentLength != null && contentLength > max) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, Map.of("maxBytes", max),
                    Msg.of("problem.payload-too-large.limit", max));
        }
        SubmissionStore.Stored stored = store.store(runId, body, max);
        if (stored.sizeBytes() == 0) {
            store.destroy(stored.storageKey());
            throw DomainException.invalidField("body", "empty");
        }
        try {
            tx.executeWithoutResult(s -> {
                RunStatus now = runs.lockStatus(runId);
                if (now != RunStatus.AWAITING_DATA) {
                    throw new DomainException(ErrorCode.CONFLICT, Map.of("currentStatus", now.name()),
                            Msg.of("conflict.run-not-awaiting-data", now));
                }
                if (runs.fileCount(runId) >= props.maxFilesPerRun()) {
                    throw DomainException.conflict("too-many-files", props.maxFilesPerRun());
                }
                if (runs.hasFile(runId, fileName)) {
                    throw DomainException.conflict("file-exists", fileName);
                }
                runs.addFile(runId, fileName,
                        mediaType == null ? null : Text.optional("Content-Type", mediaType, 100), stored,
                        store.keyId());
            });
        } catch (RuntimeException e) {
            store.destroy(stored.storageKey());
            throw e;
        }
        return runs.files(runId).stream().filter(f -> f.name().equals(fileName)).findFirst().orElseThrow();
    }

    /** Hands a run with at least one file to the queue. */
    public RunView submit(Actor actor, long runId) {
        RunStore.Row run = runs.row(runId);
        requireOwnSubmission(actor, run);
        tx.executeWithoutResult(s -> {
            RunStatus from = runs.lockStatus(runId);
            var move = RunLifecycle.check(from, RunStatus.QUEUED, RunLifecycle.Party.SUBMITTER);
            if (runs.fileCount(runId) == 0) {
                throw DomainException.conflict("run-without-files");
            }
            runs.move(runId, move, actor.username(), null);
            events.publishEvent(new RunQueued(runId));
        });
        return get(actor, runId);
    }

    /** Creates, uploads one file and submits in one request. */
    public RunView submitFile(Actor actor, Long editionId, String name, String mediaType, Long contentLength,
                              InputStream body) throws IOException {
        RunView run = create(actor, editionId);
        try {
            upload(actor, run.id(), name, mediaType, contentLength, body);
        } catch (RuntimeException | IOException e) {
            tx.executeWithoutResult(s -> {
                RunStatus from = runs.lockStatus(run.id());
                runs.move(run.id(), RunLifecycle.check(from, RunStatus.CANCELLED, RunLifecycle.Party.SUBMITTER),
                        actor.username(), "upload failed");
            });
            throw e;
        }
        return submit(actor, run.id());
    }

    /**
     * Cancels a run: at once while it awaits data or waits in the queue; a running one is cancelled
     * by its worker within a heartbeat.
     */
    public RunView cancel(Actor actor, long runId, String reason) {
        RunStore.Row run = runs.row(runId);
        requireOwnSubmission(actor, run);
        String why = Text.optional("reason", reason, 2000);
        tx.executeWithoutResult(s -> {
            RunStatus from = runs.lockStatus(runId);
            if (from == RunStatus.RUNNING) {
                runs.requestCancel(runId);
                return;
            }
            runs.move(runId, RunLifecycle.check(from, RunStatus.CANCELLED, RunLifecycle.Party.SUBMITTER),
                    actor.username(), why);
        });
        return get(actor, runId);
    }

    /** A new run on the same files and edition (while the files are kept), queued at once. */
    public RunView rerun(Actor actor, long runId) {
        RunStore.Row run = runs.row(runId);
        requireOwnSubmission(actor, run);
        if (!run.status().isFinished()) {
            throw new DomainException(ErrorCode.CONFLICT, Map.of("currentStatus", run.status().name()),
                    Msg.of("conflict.run-not-finished", run.status()));
        }
        if (run.dataDestroyedAt() != null) {
            throw DomainException.conflict("run-data-destroyed", runId);
        }
        suites.requireTestable(run.editionId());
        Long id = tx.execute(s -> {
            long newId = runs.createRerun(runId, actor.id(), actor.username());
            events.publishEvent(new RunQueued(newId));
            return newId;
        });
        return get(actor, id);
    }

    // ---- reading ----------------------------------------------------------------------------------

    public record RunFilter(Long editionId, Long organizationId, String status) {
    }

    public PageResult<RunView> list(Actor viewer, RunFilter f, PageQuery page) {
        ListQuery q = visibility.scope(viewer).restrict(ListQuery.filter(), "o")
                .and("r.edition_id = :editionId", f.editionId())
                .and("r.organization_id = :organizationId", f.organizationId())
                .and("r.status = :status",
                        f.status() == null ? null : Text.enumValue("status", f.status(), RunStatus.class).name());
        return runs.page(q, page, this::map);
    }

    public RunView get(Actor viewer, long runId) {
        RunView v = visible(viewer, runId);
        return withFiles(v);
    }

    /** The run if the viewer may see it, else 404 (its existence is not revealed). */
    RunView visible(Actor viewer, long runId) {
        ListQuery q = visibility.scope(viewer).restrict(ListQuery.filter(), "o").and("r.id = :id", runId);
        return runs.find(q, this::map).orElseThrow(() -> DomainException.notFound("conformance-run", runId));
    }

    public List<HistoryEntry> history(Actor viewer, long runId) {
        visible(viewer, runId);
        return runs.history(runId);
    }

    private RunView withFiles(RunView v) {
        return new RunView(v.id(), v.editionId(), v.editionCode(), v.organizationId(), v.organizationName(),
                v.regionCode(), v.submittedBy(), v.status(), v.rerunOf(), v.attempts(), v.progress(), v.createdAt(),
                v.queuedAt(), v.startedAt(), v.finishedAt(), v.failure(), v.result(), v.certificateNumber(),
                v.dataDestroyedAt(), runs.files(v.id()));
    }

    private RunView map(ResultSet rs, int n) throws SQLException {
        RunStatus status = RunStatus.valueOf(rs.getString("status"));
        long bytesTotal = rs.getLong("bytes_total");
        long bytesDone = rs.getLong("bytes_done");
        Integer percent = status == RunStatus.SUCCEEDED ? Integer.valueOf(100)
                : status == RunStatus.RUNNING && bytesTotal > 0 ? (int) Math.min(99, bytesDone * 100 / bytesTotal)
                : null;
        Progress progress = new Progress(rs.getLong("resources_done"), (Long) rs.getObject("resources_estimate"),
                bytesDone, bytesTotal, percent);
        Result result = status != RunStatus.SUCCEEDED ? null : new Result(
                rs.getBigDecimal("score") == null ? null : rs.getBigDecimal("score").doubleValue(),
                rs.getString("level_code"), (Boolean) rs.getObject("passed"), (Long) rs.getObject("resources"),
                (Long) rs.getObject("errors"), (Long) rs.getObject("warnings"),
                rs.getString("scores") == null ? null : json.readTree(rs.getString("scores")),
                rs.getString("report_sha256"));
        return new RunView(rs.getLong("id"), rs.getLong("edition_id"), rs.getString("edition_code"),
                rs.getLong("organization_id"), rs.getString("organization_name"), rs.getString("region_code"),
                rs.getString("submitted_by_name"), status, (Long) rs.getObject("rerun_of"), rs.getInt("attempts"),
                progress, instant(rs, "created_at"), instant(rs, "queued_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("failure"), result, rs.getString("certificate_number"),
                instant(rs, "data_destroyed_at"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return RunStore.instant(rs, column);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static long requireSubmitter(Actor actor) {
        actor.require(Role.SUBMITTER);
        if (actor.organizationId() == null) {
            throw DomainException.forbidden("no-organization");
        }
        return actor.organizationId();
    }

    /** Only a submitter of the run's own organization changes it; others get 404 or 403 as they may see it. */
    private void requireOwnSubmission(Actor actor, RunStore.Row run) {
        visible(actor, run.id());
        if (!actor.has(Role.SUBMITTER) || actor.organizationId() == null
                || actor.organizationId() != run.organizationId()) {
            throw DomainException.forbidden("own-organization-runs");
        }
    }

    private static String checkFileName(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.contains("/") || name.contains("\\")
                || name.startsWith(".") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw DomainException.invalidField("name", "file-name");
        }
        return name.strip();
    }
}
