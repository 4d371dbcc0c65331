package org.hmbd.registry.catalog;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the catalog and its search index up to date (ADR 0010), on one background thread per server:
 * stage 1 projects changed standards into {@code catalog_item} (PostgreSQL only, never blocked by
 * search); stage 2 sends queued items to Elasticsearch and removes them from the queue only after
 * Elasticsearch took them. While Elasticsearch is unreachable the queue grows and nothing else is
 * affected; when it is back, the queue drains. Several servers share the work ({@code SKIP LOCKED}).
 * Also runs index rebuilds: a new index filled from PostgreSQL behind the alias, then swapped in.
 */
@Component
class CatalogIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogIndexer.class);
    private static final String STALE = "interval '2 minutes'";

    private final CatalogStore store;
    private final SearchIndex index;
    private final SearchProperties props;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private volatile Thread thread;
    private static final long ALIAS_CHECK_NANOS = 5_000_000_000L;
    private volatile boolean aliasReady;
    private volatile long aliasCheckedAt;
    private volatile boolean reachable;
    private volatile boolean everReachable;
    private volatile String lastFailure;

    CatalogIndexer(CatalogStore store, SearchIndex index, SearchProperties props, JdbcClient jdbc,
                   TransactionTemplate tx) {
        this.store = store;
        this.index = index;
        this.props = props;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void start() {
        Thread t = new Thread(this::loop, "hmbd-catalog-indexer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    boolean isReachable() {
        return reachable;
    }

    String lastFailure() {
        return lastFailure;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            boolean busy;
            try {
                busy = store.project(200) > 0;
            } catch (RuntimeException e) {
                log.error("Catalog projection failed; retrying", e);
                busy = false;
            }
            try {
                busy |= feed() > 0;
                if (!reachable) {
                    log.info(everReachable ? "Search index reachable again; the queued catalog changes are being sent"
                            : "Search index reachable");
                }
                reachable = true;
                everReachable = true;
                lastFailure = null;
            } catch (IOException | RuntimeException e) {
                if (!everReachable && lastFailure == null) {
                    log.info("Waiting for the search index ({}); search answers 503 until it is up", describe(e));
                } else if (reachable || lastFailure == null) {
                    long[] backlog = backlogQuietly();
                    log.warn("Search index unreachable ({}); {} catalog changes wait in the queue and will be sent "
                            + "when it is back", describe(e), backlog[1]);
                }
                reachable = false;
                aliasReady = false;
                lastFailure = describe(e);
                busy = false;
                pause(props.retryInterval().toMillis());
                continue;
            }
            if (!busy) {
                pause(props.pollInterval().toMillis());
            }
        }
    }

    private long[] backlogQuietly() {
        try {
            return store.backlog();
        } catch (RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(Exception e) {
        if (e instanceof ElasticsearchException ee) {
            return ee.status() + " " + ee.error().type();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Creates the index and alias unless another server just did (servers sharing a database take turns). */
    private boolean createAliasOnce() {
        Boolean created = tx.execute(status -> {
            jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('hmbd-search-alias'))) l")
                    .query(Integer.class).single();
            try {
                return index.ensureAlias();
            } catch (IOException e) {
                throw new SearchFailure(e);
            }
        });
        return Boolean.TRUE.equals(created);
    }

    /** Sends one batch of queued items; returns how many queue rows it took. */
    int feed() throws IOException {
        // checked at every start and reconnection, and every few seconds when idle: a node that lost its
        // data (or a new cluster) is noticed even when there is nothing to send
        if (!aliasReady || System.nanoTime() - aliasCheckedAt > ALIAS_CHECK_NANOS) {
            aliasCheckedAt = System.nanoTime();
            if (!index.aliasTargets().isEmpty()) {
                aliasReady = true;
            } else if (createAliasOnce()) {
                // a new cluster, or one that lost its data: the index is refilled from PostgreSQL
                int queued = store.requeueAll();
                log.info("Created the search index behind alias {}; {} catalog items queued for it", index.alias(),
                        queued);
            }
            aliasReady = true;
        }
        Integer done = tx.execute(status -> {
            List<CatalogStore.Queued> queued = store.claimQueued(props.batchSize());
            if (queued.isEmpty()) {
                return 0;
            }
            Set<String> keys = new LinkedHashSet<>();
            queued.forEach(q -> keys.add(q.key()));
            List<CatalogItem> items = store.load(keys);
            items.forEach(i -> keys.remove(i.key()));
            try {
                index.write(index.alias(), items, keys);
                Optional<String> rebuilding = rebuildTarget();
                if (rebuilding.isPresent()) {
                    index.write(rebuilding.get(), items, keys);
                }
            } catch (IOException e) {
                throw new SearchFailure(e);
            }
            store.dequeue(queued);
            return queued.size();
        });
        return done == null ? 0 : done;
    }

    private Optional<String> rebuildTarget() {
        return jdbc.sql("select target_index from search_rebuild where id = 1 and finished_at is null "
                + "and heartbeat_at > now() - " + STALE).query(String.class).optional();
    }

    /** An I/O failure of Elasticsearch inside a transaction callback (rolls it back). */
    static final class SearchFailure extends RuntimeException {
        SearchFailure(IOException cause) {
            super(cause);
        }
    }

    // --------------------------------------------------------------------------------------- rebuild

    Optional<Catalog.Rebuild> lastRebuild() {
        return jdbc.sql("select target_index, started_by, started_at, items_total, items_done, finished_at, error, "
                        + "finished_at is null and heartbeat_at > now() - " + STALE + " from search_rebuild where id = 1")
                .query((rs, n) -> new Catalog.Rebuild(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getLong(4), rs.getLong(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7),
                        rs.getBoolean(8)))
                .optional();
    }

    /**
     * Starts a rebuild in the background: a new index filled from {@code catalog_item} while searches
     * go on against the current one, then the alias moved to it in one step. One at a time (a rebuild
     * whose server died is taken over after two minutes without progress).
     */
    Catalog.Rebuild startRebuild(String actor) {
        String target;
        try {
            target = index.createIndex();
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
        long total = store.count();
        Optional<Catalog.Rebuild> claimed = jdbc.sql("""
                        insert into search_rebuild (id, target_index, started_by, started_at, heartbeat_at, items_total)
                        values (1, ?, ?, now(), now(), ?)
                        on conflict (id) do update set target_index = excluded.target_index,
                            started_by = excluded.started_by, started_at = now(), heartbeat_at = now(),
                            items_total = excluded.items_total, items_done = 0, finished_at = null, error = null
                        where search_rebuild.finished_at is not null
                           or search_rebuild.heartbeat_at < now() - interval '2 minutes'
                        returning target_index""")
                .params(target, actor, total).query(String.class).optional()
                .flatMap(t -> lastRebuild());
        if (claimed.isEmpty()) {
            dropQuietly(target);
            Catalog.Rebuild running = lastRebuild().orElseThrow();
            throw new DomainException(ErrorCode.CONFLICT, Map.of("startedAt", running.startedAt().toString()),
                    Msg.of("problem.search-unavailable.rebuilding", running.startedAt()));
        }
        Thread t = new Thread(() -> rebuild(target), "hmbd-catalog-rebuild");
        t.setDaemon(true);
        t.start();
        return claimed.get();
    }

    private void rebuild(String target) {
        Instant started = Instant.now();
        try {
            log.info("Rebuilding the search index into {}", target);
            long done = 0;
            String after = null;
            while (true) {
                List<CatalogItem> page = store.scan(after, props.batchSize());
                if (page.isEmpty()) {
                    break;
                }
                index.write(target, page, List.of());
                done += page.size();
                after = page.get(page.size() - 1).key();
                progress(target, done);
            }
            // items a feeder batch wrote to the old index only, just before it saw this rebuild
            index.write(target, store.changedSince(started.minusSeconds(300)), List.of());
            index.swapAlias(target);
            jdbc.sql("update search_rebuild set finished_at = now(), items_done = ? where id = 1 and target_index = ?")
                    .params(done, target).update();
            log.info("Search index rebuilt: {} items in {}, alias {} moved to it", done, target, index.alias());
        } catch (IOException | RuntimeException e) {
            log.error("Search index rebuild into {} failed: {}", target, describe(e));
            jdbc.sql("update search_rebuild set finished_at = now(), error = ? where id = 1 and target_index = ?")
                    .params(describe(e), target).update();
            dropQuietly(target);
        }
    }

    private void progress(String target, long done) {
        jdbc.sql("update search_rebuild set items_done = ?, heartbeat_at = now() where id = 1 and target_index = ?")
                .params(done, target).update();
    }

    private void dropQuietly(String target) {
        try {
            index.deleteIndex(target);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the unused index {}: {}", target, describe(e));
        }
    }

    /** The 503 for a search that could not reach the index; the cause goes to the log, never to the caller. */
    static DomainException unavailable(Exception e) {
        log.warn("search request failed: {}", describe(e));
        return new DomainException(ErrorCode.SEARCH_UNAVAILABLE, Map.of(), Msg.of("problem.search-unavailable.detail"));
    }
}
