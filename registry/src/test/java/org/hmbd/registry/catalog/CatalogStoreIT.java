package org.hmbd.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hmbd.registry.StoreContract;
import org.hmbd.registry.catalog.CatalogItem.Link;
import org.hmbd.registry.catalog.CatalogItem.Rel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The contract of the catalog's store (items and the search queue), on its own, on real PostgreSQL. */
class CatalogStoreIT extends StoreContract {

    private JdbcClient jdbc;
    private CatalogStore store;
    private long standard;
    private long edition;

    @BeforeEach
    void setUp() {
        jdbc = database();
        store = new CatalogStore(jdbc, new JdbcTemplate(dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource())), null,
                JsonMapper.builder().build());
        edition = publishedEdition(jdbc);
        standard = jdbc.sql("select standard_id from edition where id = ?").param(edition).query(Long.class).single();
    }

    private CatalogItem item(String identifier, boolean isPublic, List<Link> links) {
        return new CatalogItem(CatalogItemType.DATA_ELEMENT.slug() + ":" + edition + ":" + identifier,
                CatalogItemType.DATA_ELEMENT, standard, edition, identifier, null, "WS/T 1-2026", "患者姓名",
                "Patient name", "定义", "Definition", List.of(identifier, "S1"), "A..50", "PUBLISHED", isPublic,
                "DATA_SET", "WS", 2026, "某医院", "WS/T 1", links, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void anItemIsStoredAndReadBackFieldForField() {
        String id = "DE" + unique();
        CatalogItem written = item(id, true, List.of(new Link(Rel.USED_BY_DATA_SET, "data-set:1:DS"),
                new Link(Rel.VALUE_SET, "value-set:1:http://x")));
        store.insert(List.of(written));
        CatalogItem read = store.get(written.key()).orElseThrow();
        assertThat(read).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(written);
        assertThat(read.updatedAt()).isCloseTo(written.updatedAt(), org.assertj.core.api.Assertions.within(1,
                ChronoUnit.MILLIS));
        assertThat(store.load(List.of(written.key(), "nothing"))).extracting(CatalogItem::key)
                .containsExactly(written.key());
        assertThat(store.get("nothing")).isEmpty();
    }

    @Test
    void replacingAStandardsItemsQueuesTheOldAndTheNewKeys() {
        String a = "DE" + unique();
        String b = "DE" + unique();
        store.insert(List.of(item(a, true, List.of())));
        store.replace(standard, List.of(item(b, true, List.of())));
        assertThat(store.get(item(a, true, List.of()).key())).isEmpty();
        assertThat(store.get(item(b, true, List.of()).key())).isPresent();
        List<CatalogStore.Queued> queued = store.claimQueued(100_000);
        assertThat(queued).extracting(CatalogStore.Queued::key)
                .contains(item(a, true, List.of()).key(), item(b, true, List.of()).key());
        store.dequeue(queued);
        assertThat(store.claimQueued(100_000)).isEmpty();
    }

    @Test
    void lookupFindsByCodeIdentifierOrUrlAndHidesDraftsFromThePublic() {
        String open = "DE" + unique();
        String hidden = "DE" + unique();
        store.insert(List.of(item(open, true, List.of()), item(hidden, false, List.of())));
        assertThat(store.lookup("identifier", open, true, 10)).extracting(CatalogItem::identifier).containsExactly(open);
        assertThat(store.lookup("code", open, true, 10)).extracting(CatalogItem::identifier).containsExactly(open);
        assertThat(store.lookup("identifier", hidden, true, 10)).isEmpty();
        assertThat(store.lookup("identifier", hidden, false, 10)).extracting(CatalogItem::identifier)
                .containsExactly(hidden);
    }

    @Test
    void scanningWalksEveryItemInKeyOrder() {
        store.insert(List.of(item("DE" + unique(), true, List.of()), item("DE" + unique(), true, List.of())));
        List<String> keys = new java.util.ArrayList<>();
        String after = null;
        List<CatalogItem> batch;
        while (!(batch = store.scan(after, 2)).isEmpty()) {
            batch.forEach(i -> keys.add(i.key()));
            after = batch.get(batch.size() - 1).key();
        }
        assertThat(keys).isSorted().doesNotHaveDuplicates().hasSize((int) store.count());
        assertThat(store.requeueAll()).isEqualTo((int) store.count());
        store.dequeue(store.claimQueued(100_000));
    }
}
