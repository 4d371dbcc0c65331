package org.hmbd.validator.content;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * The offline content of one standard edition: its manifest and the FHIR R4 conformance
 * resources (StructureDefinition, ValueSet, CodeSystem, ImplementationGuide) of its pinned
 * packages, read from a folder ({@code manifest.json} + package folders) or from a FHIR NPM
 * package ({@code .tgz}, with the manifest at {@code package/other/hmbd-manifest.json} or none).
 */
public final class StandardContent {

    private static final List<String> CONFORMANCE_TYPES =
            List.of("StructureDefinition", "ValueSet", "CodeSystem", "ImplementationGuide", "NamingSystem");

    private final Manifest manifest;
    private final List<Resource> resources;
    private final String origin;
    private final CatalogContent catalog;

    private StandardContent(Manifest manifest, List<Resource> resources, String origin, CatalogContent catalog) {
        this.manifest = manifest;
        this.resources = Collections.unmodifiableList(resources);
        this.origin = origin;
        this.catalog = catalog;
    }

    /** No standard: validation against the base FHIR R4 specification. */
    public static StandardContent base() {
        return new StandardContent(Manifest.base(), List.of(), "FHIR R4 base", CatalogContent.empty());
    }

    public static StandardContent load(FhirContext ctx, Path path) {
        if (!Files.exists(path)) {
            throw new ContentException("standard content not found: " + path);
        }
        try {
            if (Files.isDirectory(path)) {
                return fromFolder(ctx, path);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return fromPackage(ctx, in, path.toString());
            }
        } catch (IOException e) {
            throw new ContentException("cannot read standard content " + path + ": " + e.getMessage(), e);
        }
    }

    /** Content from a FHIR NPM package read from a stream ({@code origin} names it in messages). */
    public static StandardContent load(FhirContext ctx, InputStream tgz, String origin) {
        try {
            return fromPackage(ctx, tgz, origin);
        } catch (IOException e) {
            throw new ContentException("cannot read standard content " + origin + ": " + e.getMessage(), e);
        }
    }

    private static StandardContent fromFolder(FhirContext ctx, Path given) throws IOException {
        Path folder = given.toAbsolutePath().normalize();
        Path manifestFile = folder.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new ContentException("no manifest.json in " + folder);
        }
        Manifest manifest;
        try (InputStream in = Files.newInputStream(manifestFile)) {
            manifest = Manifest.read(in);
        }
        List<Resource> resources = new ArrayList<>();
        List<Manifest.PackageRef> packages = manifest.packages().isEmpty()
                ? List.of(new Manifest.PackageRef(null, null, "package")) : manifest.packages();
        for (Manifest.PackageRef ref : packages) {
            Path dir = folder.resolve(ref.path() == null ? "package" : ref.path()).normalize();
            if (!dir.startsWith(folder.normalize()) || !Files.isDirectory(dir)) {
                throw new ContentException("package folder " + ref.path() + " not found in " + folder);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    if (f.getFileName().toString().equals("package.json")
                            || f.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    parse(ctx, Files.readString(f, StandardCharsets.UTF_8), f.toString()).ifPresent(resources::add);
                }
            }
        }
        CatalogContent catalog = CatalogContent.empty();
        Path catalogFile = folder.resolve(CatalogContent.FOLDER_FILE);
        if (Files.isRegularFile(catalogFile)) {
            try (InputStream in = Files.newInputStream(catalogFile)) {
                catalog = CatalogContent.read(in);
            }
        }
        return check(new StandardContent(manifest, resources, folder.toString(), catalog));
    }

    private static StandardContent fromPackage(FhirContext ctx, InputStream in, String origin) throws IOException {
        NpmPackage npm = NpmPackage.fromPackage(in);
        List<Resource> resources = new ArrayList<>();
        for (String name : npm.list("package")) {
            if (!name.endsWith(".json") || name.equals("package.json") || name.startsWith(".")) {
                continue;
            }
            try (InputStream file = npm.load("package", name)) {
                parse(ctx, new String(file.readAllBytes(), StandardCharsets.UTF_8), name).ifPresent(resources::add);
            }
        }
        Manifest manifest;
        if (npm.hasFile("other", "hmbd-manifest.json")) {
            try (InputStream m = npm.load("other", "hmbd-manifest.json")) {
                manifest = Manifest.read(m);
            }
        } else {
            manifest = inferred(npm, resources);
        }
        CatalogContent catalog = CatalogContent.empty();
        if (npm.hasFile("other", CatalogContent.PACKAGE_FILE)) {
            try (InputStream c = npm.load("other", CatalogContent.PACKAGE_FILE)) {
                catalog = CatalogContent.read(c);
            }
        }
        return check(new StandardContent(manifest, resources, origin, catalog));
    }

    /** A package without a manifest: each resource profile applies to its type; no extra rules. */
    private static Manifest inferred(NpmPackage npm, List<Resource> resources) {
        Map<String, String> profiles = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (r instanceof StructureDefinition sd && sd.getKind() == StructureDefinition.StructureDefinitionKind.RESOURCE
                    && sd.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
                profiles.putIfAbsent(sd.getType(), sd.getUrl());
            }
        }
        return new Manifest(Manifest.SCHEMA_VERSION, npm.name(), npm.version(),
                org.hmbd.validator.Text.of(npm.title() == null ? npm.name() : npm.title(), npm.name()), null, null,
                "4.0.1", null, null, List.of(new Manifest.PackageRef(npm.name(), npm.version(), "package")),
                profiles, null, List.of(), List.of(), List.of());
    }

    private static java.util.Optional<Resource> parse(FhirContext ctx, String json, String name) {
        String type = peekType(json);
        if (type == null || !CONFORMANCE_TYPES.contains(type)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of((Resource) ctx.newJsonParser().parseResource(json));
        } catch (DataFormatException e) {
            throw new ContentException("invalid conformance resource " + name + ": " + e.getMessage(), e);
        }
    }

    private static String peekType(String json) {
        try {
            return Manifest.JSON.readTree(json).path("resourceType").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Every profile the manifest names must be in the content. */
    private static StandardContent check(StandardContent c) {
        for (Map.Entry<String, String> e : c.manifest.profiles().entrySet()) {
            if (c.structureDefinition(e.getValue()) == null) {
                throw new ContentException("manifest names profile " + e.getValue() + " for " + e.getKey()
                        + " but the content has no such StructureDefinition");
            }
        }
        return c;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The edition's data elements and data sets; empty when the content has none. */
    public CatalogContent catalog() {
        return catalog;
    }

    public List<Resource> resources() {
        return resources;
    }

    public String origin() {
        return origin;
    }

    public StructureDefinition structureDefinition(String url) {
        String plain = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
        return resources.stream().filter(r -> r instanceof StructureDefinition sd && plain.equals(sd.getUrl()))
                .map(r -> (StructureDefinition) r).findFirst().orElse(null);
    }

    public long count(Class<? extends Resource> type) {
        return resources.stream().filter(type::isInstance).count();
    }

    public long valueSets() {
        return count(ValueSet.class);
    }

    public long codeSystems() {
        return count(CodeSystem.class);
    }

    /** The must-support element paths a profile declares in its differential (e.g. {@code Patient.birthDate}). */
    public List<String> mustSupport(String profileUrl) {
        StructureDefinition sd = structureDefinition(profileUrl);
        if (sd == null) {
            return List.of();
        }
        return sd.getDifferential().getElement().stream()
                .filter(ElementDefinition::getMustSupport)
                .map(ElementDefinition::getPath)
                .filter(p -> p.indexOf('.') > 0)
                .distinct()
                .toList();
    }
}
