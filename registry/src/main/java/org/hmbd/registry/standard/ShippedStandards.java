package org.hmbd.registry.standard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.hmbd.validator.content.FhirPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers the standards content shipped with the product ({@code standards/} in the source tree,
 * {@code classpath:standards/<id>/<version>/} in the jar) as published editions at first start, so
 * that a fresh server has real content to browse and to test data against. Each package is
 * registered once (by {@code <id>#<version>}); its conformance resources and manifest become the
 * edition's {@value Artifacts#FHIR_PACKAGE} artifact, and the history records that the system
 * registered it from shipped content.
 */
@Component
@Order(0)
class ShippedStandards implements ApplicationRunner {

    static final String ACTOR = "system";

    private static final Logger log = LoggerFactory.getLogger(ShippedStandards.class);
    private final JsonMapper json;

    private final JdbcClient jdbc;
    private final EditionStore store;
    private final Artifacts artifacts;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ShippedStandards(JdbcClient jdbc, TransactionTemplate tx, ApplicationEventPublisher events,
                     EditionStore store, Artifacts artifacts, JsonMapper json) {
        this.json = json;
        this.artifacts = artifacts;
        this.jdbc = jdbc;
        this.store = store;
        this.tx = tx;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource manifest : resolver.getResources("classpath*:standards/*/*/manifest.json")) {
            String base = manifest.getURL().toString();
            base = base.substring(0, base.length() - "manifest.json".length());
            register(base, manifest);
        }
    }

    private void register(String base, Resource manifestResource) throws IOException {
        byte[] manifest;
        try (InputStream in = manifestResource.getInputStream()) {
            manifest = in.readAllBytes();
        }
        JsonNode m = json.readTree(manifest);
        String key = m.path("id").asString() + "#" + m.path("version").asString();
        String code = m.path("standardCode").asString(null);
        boolean known = jdbc.sql("select count(*) from edition where shipped_package = ?").param(key)
                .query(Long.class).single() > 0;
        if (known) {
            return;
        }
        if (code == null || code.lastIndexOf('-') < 0) {
            log.warn("shipped standard {} has no standardCode; not registered", key);
            return;
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Resource r : resolver.getResources(base + "package/*.json")) {
            try (InputStream in = r.getInputStream()) {
                files.put(r.getFilename(), in.readAllBytes());
            }
        }
        Map<String, byte[]> other = new TreeMap<>();
        Resource catalog = resolver.getResource(base + "catalog.json");
        if (catalog.exists()) {
            try (InputStream in = catalog.getInputStream()) {
                other.put(Artifacts.CATALOG_FILE, in.readAllBytes());
            }
        }
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        FhirPackage.write(files, manifest, other, tgz);
        String number = code.substring(0, code.lastIndexOf('-')).strip();
        StandardLevel level = null;
        for (StandardLevel l : StandardLevel.values()) {
            if (l.isNumber(number)) {
                level = l;
            }
        }
        if (level == null) {
            log.warn("shipped standard {} has a code of no known level: {}; not registered", key, code);
            return;
        }
        StandardLevel lvl = level;
        Long editionId = tx.execute(status -> {
            if (jdbc.sql("select count(*) from edition where code = ?").param(code).query(Long.class).single() > 0) {
                log.warn("shipped standard {}: code {} is already taken; not registered", key, code);
                return null;
            }
            Long standardId = jdbc.sql("select id from standard where number = ?").param(number)
                    .query(Long.class).optional().orElse(null);
            if (standardId == null) {
                standardId = store.createShippedStandard(m.path("title").path("zh").asString(),
                        m.path("title").path("en").asString(null), lvl, number);
            } else if (jdbc.sql("select count(*) from edition where standard_id = ? and status = 'PUBLISHED'")
                    .param(standardId).query(Long.class).single() > 0) {
                log.warn("shipped standard {}: {} already has an edition in force; not registered", key, number);
                return null;
            }
            LocalDate effective = m.hasNonNull("validFrom") ? LocalDate.parse(m.get("validFrom").asString())
                    : LocalDate.now();
            long id = store.registerShipped(standardId, code, effective, key, ACTOR,
                    "registered from the content shipped with the product (" + key + "; "
                            + m.path("notice").asString("") + ")");
            artifacts.addRevision(id, Artifacts.FHIR_PACKAGE, Artifacts.FHIR_PACKAGE_TYPE, tgz.toByteArray(), ACTOR);
            return id;
        });
        if (editionId != null) {
            log.info("registered shipped standard {} as published edition {} ({})", key, editionId, code);
            events.publishEvent(new EditionPublished(editionId));
        }
    }
}
