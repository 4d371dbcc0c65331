package org.hmbd.registry.catalog;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hmbd.registry.catalog.CatalogItem.Link;
import org.hmbd.registry.standard.Standards;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog in PostgreSQL: the {@code catalog_item} projection and the two outboxes (ADR 0010).
 * Stage 1 ({@link #project}) turns changes of standards, editions and artifacts, recorded by triggers
 * in the same transactions, into catalog items; every item that changed or went away is queued in
 * {@code search_outbox} in that same transaction, for the search feeder.
 */
@Component
class CatalogStore {

    static final String COLUMNS = "item_key, item_type, standard_id, edition_id, identifier, url, version, name_zh, "
            + "name_en, definition_zh, definition_en, codes, terms, status, public, category, level, year, "
            + "organization, standard_code, links, updated_at";
    private final JsonMapper json;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final Standards standards;

    CatalogStore(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, Standards standards, JsonMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.standards = standards;
    }

    /** Projects the standards changed since the last call; returns how many standards were projected. */
    int project(int maxChanges) {
        Integer done = tx.execute(status -> {
            List<long[]> claimed = jdbc.sql("select id, standard_id from catalog_outbox order by id limit ? "
                            + "for update skip locked")
                    .param(maxChanges).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
            if (claimed.isEmpty()) {
                return 0;
            }
            Set<Long> standardIds = new LinkedHashSet<>();
            claimed.forEach(c -> standardIds.add(c[1]));
            Instant now = Instant.now();
            for (long standardId : standardIds) {
                List<CatalogItem> items = standards.catalogSource(standardId)
                        .map(s -> CatalogProjection.items(s, now)).orElse(List.of());
                replace(standardId, items);
            }
            jdbc.sql("delete from catalog_outbox where id = any(?)")
                    .param(claimed.stream().map(c -> c[0]).toArray(Long[]::new)).update();
            return standardIds.size();
        });
        return done == null ? 0 : done;
    }

    /** Replaces a standard's items; queues every key that was or is there for the search index. */
    void replace(long standardId, List<CatalogItem> items) {
        List<String> old = jdbc.sql("select item_key from catalog_item where standard_id = ?").param(standardId)
                .query(String.class).list();
        jdbc.sql("delete from catalog_item where standard_id = ?").param(standardId).update();
        insert(items);
        Set<String> keys = new LinkedHashSet<>(old);
        items.forEach(i -> keys.add(i.key()));
        enqueue(keys);
    }

    void insert(List<CatalogItem> items) {
        template.batchUpdate("insert into catalog_item (" + COLUMNS + ") values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)",
                items, 500, (PreparedStatement ps, CatalogItem i) -> {
                    ps.setString(1, i.key());
                    ps.setString(2, i.type().name());
                    ps.setLong(3, i.standardId());
                    ps.setObject(4, i.editionId());
                    ps.setString(5, i.identifier());
                    ps.setString(6, i.url());
                    ps.setString(7, i.version());
                    ps.setString(8, i.nameZh());
                    ps.setString(9, i.nameEn());
                    ps.setString(10, i.definitionZh());
                    ps.setString(11, i.definitionEn());
                    ps.setArray(12, ps.getConnection().createArrayOf("text", i.codes().toArray()));
                    ps.setString(13, i.terms());
                    ps.setString(14, i.status());
                    ps.setBoolean(15, i.isPublic());
                    ps.setString(16, i.category());
                    ps.setString(17, i.level());
                    ps.setObject(18, i.year());
                    ps.setString(19, i.organization());
                    ps.setString(20, i.standardCode());
                    ps.setString(21, json.writeValueAsString(i.links()));
                    ps.setTimestamp(22, Timestamp.from(i.updatedAt()));
                });
    }

    void enqueue(Collection<String> keys) {
        template.batchUpdate("insert into search_outbox (item_key) values (?)", new ArrayList<>(keys), 1000,
                (ps, key) -> ps.setString(1, key));
    }

    /** Queues every catalog item for the search index (after the index was lost); returns how many. */
    int requeueAll() {
        return jdbc.sql("insert into search_outbox (item_key) select item_key from catalog_item").update();
    }

    /** A batch of queued keys, locked for this transaction (call inside one). */
    List<Queued> claimQueued(int max) {
        return jdbc.sql("select id, item_key from search_outbox order by id limit ? for update skip locked")
                .param(max).query((rs, n) -> new Queued(rs.getLong(1), rs.getString(2))).list();
    }

    void dequeue(List<Queued> done) {
        jdbc.sql("delete from search_outbox where id = any(?)")
                .param(done.stream().map(Queued::id).toArray(Long[]::new)).update();
    }

    record Queued(long id, String key) {
    }

    List<CatalogItem> load(Collection<String> keys) {
        return jdbc.sql("select " + COLUMNS + " from catalog_item where item_key = any(?)")
                .param(keys.toArray(String[]::new)).query(this::map).list();
    }

    Optional<CatalogItem> get(String key) {
        return jdbc.sql("select " + COLUMNS + " from catalog_item where item_key = ?").param(key)
                .query(this::map).optional();
    }

    /** Items in key order after the given key (null: from the start): for rebuilding the index. */
    List<CatalogItem> scan(String afterKey, int limit) {
        return jdbc.sql("select " + COLUMNS + " from catalog_item where item_key > ? order by item_key limit ?")
                .params(afterKey == null ? "" : afterKey, limit).query(this::map).list();
    }

    /** The content items of one edition (not the edition itself), by type and identifier. */
    List<CatalogItem> ofEdition(long editionId, boolean publicOnly) {
        return jdbc.sql("select " + COLUMNS + " from catalog_item where edition_id = ? and item_type <> 'EDITION'"
                        + (publicOnly ? " and public" : "") + " order by item_type, identifier, item_key")
                .param(editionId).query(this::map).list();
    }

    /** Items written at or after a moment. */
    List<CatalogItem> changedSince(Instant since) {
        return jdbc.sql("select " + COLUMNS + " from catalog_item where updated_at >= ?")
                .param(Timestamp.from(since)).query(this::map).list();
    }

    /** Exact lookup, straight from PostgreSQL (works while search is down). */
    List<CatalogItem> lookup(String field, String value, boolean publicOnly, int limit) {
        String where = switch (field) {
            case "code" -> "? = any(codes)";
            case "identifier" -> "identifier = ?";
            case "url" -> "url = ?";
            default -> throw new IllegalArgumentException(field);
        };
        return jdbc.sql("select " + COLUMNS + " from catalog_item where " + where
                        + (publicOnly ? " and public" : "") + " order by item_type, edition_id desc, item_key limit ?")
                .params(value, limit).query(this::map).list();
    }

    long count() {
        return jdbc.sql("select count(*) from catalog_item").query(Long.class).single();
    }

    long[] backlog() {
        return new long[] {
            jdbc.sql("select count(*) from catalog_outbox").query(Long.class).single(),
            jdbc.sql("select count(*) from search_outbox").query(Long.class).single()};
    }

    CatalogItem map(ResultSet rs, int n) throws SQLException {
        Array codes = rs.getArray("codes");
        List<Link> links = json.readValue(rs.getString("links"), new TypeReference<List<Link>>() { });
        return new CatalogItem(rs.getString("item_key"), CatalogItemType.valueOf(rs.getString("item_type")),
                rs.getLong("standard_id"), (Long) rs.getObject("edition_id"), rs.getString("identifier"),
                rs.getString("url"), rs.getString("version"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("definition_zh"), rs.getString("definition_en"),
                codes == null ? List.of() : Arrays.asList((String[]) codes.getArray()), rs.getString("terms"),
                rs.getString("status"), rs.getBoolean("public"), rs.getString("category"), rs.getString("level"),
                (Integer) rs.getObject("year"), rs.getString("organization"), rs.getString("standard_code"), links,
                rs.getTimestamp("updated_at").toInstant());
    }
}
