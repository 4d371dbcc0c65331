package org.hmbd.registry.catalog;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hmbd.registry.standard.Artifacts;
import org.hmbd.validator.content.CatalogContent;
import org.hmbd.validator.content.Manifest;
import org.hmbd.validator.content.StandardContent;
import org.hmbd.validator.engine.ValidationEngine;
import org.hmbd.validator.engine.ValidationSupportFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR content of editions as the FHIR endpoint and the package registry serve it: each
 * edition's package parsed once (cached until its artifact changes), its conformance resources
 * with registry ids ({@code <editionId>-<id>}) and the status the registry gives them (published:
 * active; superseded, abolished, withdrawn: retired; in progress: draft), an ImplementationGuide
 * describing the package, and the edition's terminology (the same support chain the validator
 * uses, composed by {@link ValidationSupportFactory}).
 */
@Component
class EditionContents {

    private static final Logger log = LoggerFactory.getLogger(EditionContents.class);

    private final JdbcClient jdbc;
    private final Artifacts artifacts;
    private final Map<Long, Loaded> cache = new ConcurrentHashMap<>();

    EditionContents(JdbcClient jdbc, Artifacts artifacts) {
        this.jdbc = jdbc;
        this.artifacts = artifacts;
    }

    static FhirContext fhirContext() {
        return ValidationEngine.fhirContext();
    }

    /** An edition known to the catalog to carry FHIR content. */
    record EditionRef(long editionId, String status, boolean isPublic, String code) {
    }

    /** The package.json facts of a package. */
    record PackageInfo(String name, String version, String canonical, String title, String description,
                       String fhirVersion) {
    }

    /**
     * @param catalog the edition's data elements and data sets ({@code package/other/hmbd-catalog.json}),
     *        checked when the package was read; empty when it has none
     */
    record Loaded(EditionRef edition, String digest, PackageInfo info, List<Resource> resources,
                  ImplementationGuide guide, IValidationSupport terminology, Manifest manifest, CatalogContent catalog,
                  byte[] tgz) {
    }

    /** Editions with FHIR content, newest first; public ones only for anonymous callers. */
    List<EditionRef> editions(boolean publicOnly) {
        return editions(publicOnly, null);
    }

    /** One edition's content, if it has some and the caller may see it. */
    Optional<Loaded> visible(long editionId, boolean publicOnly) {
        return editions(publicOnly, editionId).stream().findFirst().flatMap(this::load);
    }

    private List<EditionRef> editions(boolean publicOnly, Long editionId) {
        return jdbc.sql("""
                        select distinct edition_id, status, public, standard_code from catalog_item
                        where item_type in ('PROFILE', 'EXTENSION', 'VALUE_SET', 'CODE_SYSTEM')"""
                        + (publicOnly ? " and public" : "") + (editionId == null ? "" : " and edition_id = ?")
                        + " order by edition_id desc")
                .params(editionId == null ? List.of() : List.of(editionId))
                .query((rs, n) -> new EditionRef(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)))
                .list();
    }

    /** The edition's content, or empty if it has none (or it cannot be read; logged). */
    Optional<Loaded> load(EditionRef edition) {
        Optional<String> digest = artifacts.latestDigest(edition.editionId(), Artifacts.FHIR_PACKAGE);
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        Loaded cached = cache.get(edition.editionId());
        if (cached != null && cached.digest().equals(digest.get()) && cached.edition().equals(edition)) {
            return Optional.of(cached);
        }
        byte[] tgz = artifacts.latestContent(edition.editionId(), Artifacts.FHIR_PACKAGE).orElse(null);
        if (tgz == null) {
            return Optional.empty();
        }
        try {
            Loaded loaded = parse(edition, digest.get(), tgz);
            cache.put(edition.editionId(), loaded);
            return Optional.of(loaded);
        } catch (RuntimeException | IOException e) {
            log.warn("edition {}: its FHIR package cannot be served: {}", edition.editionId(), e.toString());
            return Optional.empty();
        }
    }

    static Loaded parse(EditionRef edition, String digest, byte[] tgz) throws IOException {
        FhirContext ctx = fhirContext();
        StandardContent content = StandardContent.load(ctx, new ByteArrayInputStream(tgz),
                "edition " + edition.editionId());
        Map<String, JsonNode> files = PackageFiles.read(tgz);
        PackageInfo info = packageInfo(files);
        PublicationStatus status = switch (edition.status()) {
            case "PUBLISHED" -> PublicationStatus.ACTIVE;
            case "SUPERSEDED", "ABOLISHED", "WITHDRAWN" -> PublicationStatus.RETIRED;
            default -> PublicationStatus.DRAFT;
        };
        List<Resource> served = new ArrayList<>();
        ImplementationGuide guide = new ImplementationGuide();
        guide.setId(edition.editionId() + "-ig");
        guide.setUrl((info.canonical() == null ? "urn:hmbd:edition:" + edition.editionId() : info.canonical())
                + "/ImplementationGuide/" + info.name());
        guide.setVersion(info.version());
        guide.setName(info.name().replaceAll("[^A-Za-z0-9]", "_"));
        guide.setTitle(info.title());
        guide.setDescription(info.description());
        guide.setStatus(status);
        guide.setPackageId(info.name());
        guide.setPublisher(edition.code());
        guide.addFhirVersion(FHIRVersion.fromCode(info.fhirVersion() == null ? "4.0.1" : info.fhirVersion()));
        guide.addDependsOn().setPackageId("hl7.fhir.r4.core").setVersion("4.0.1")
                .setUri("http://hl7.org/fhir/ImplementationGuide/hl7.fhir.r4.core");
        for (Resource r : content.resources()) {
            if (!(r instanceof StructureDefinition || r instanceof ValueSet || r instanceof CodeSystem)) {
                continue;
            }
            Resource copy = r.copy();
            String originalId = r.getIdElement().getIdPart() == null ? ((MetadataResource) r).getName()
                    : r.getIdElement().getIdPart();
            String id = (edition.editionId() + "-" + originalId).replaceAll("[^A-Za-z0-9\\-.]", "-");
            copy.setId(id.length() > 64 ? id.substring(0, 64) : id);
            ((MetadataResource) copy).setStatus(status);
            served.add(copy);
            guide.getDefinition().addResource().setReference(new org.hl7.fhir.r4.model.Reference(
                    copy.fhirType() + "/" + copy.getIdElement().getIdPart())).setName(((MetadataResource) copy)
                    .getName());
        }
        return new Loaded(edition, digest, info, List.copyOf(served), guide,
                ValidationSupportFactory.create(ctx, content), content.manifest(), content.catalog(), tgz);
    }

    static PackageInfo packageInfo(Map<String, JsonNode> files) throws IOException {
        JsonNode p = files.get("package.json");
        if (p == null) {
            throw new IOException("no package/package.json in the package");
        }
        JsonNode versions = p.path("fhirVersions");
        return new PackageInfo(p.path("name").asString(), p.path("version").asString(),
                p.path("canonical").asString(null), p.path("title").asString(null),
                p.path("description").asString(null),
                versions.isArray() && !versions.isEmpty() ? versions.get(0).asString() : null);
    }
}
