package org.hmbd.registry.catalog.web;

import org.hmbd.registry.auth.Permission;
import org.hmbd.registry.auth.Permits;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmbd.registry.catalog.CatalogFhir;
import org.hmbd.registry.shared.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public: the FHIR NPM packages of the published editions, listed the way the FHIR package registry
 * (and npm) lists them, so that FHIR tooling can be pointed at {@code <server>/api/v1/packages}.
 */
@RestController
class PackageController {

    private final CatalogFhir fhir;

    PackageController(CatalogFhir fhir) {
        this.fhir = fhir;
    }

    /** Every package name with its versions (newest edition first). */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/packages")
    List<Map<String, Object>> list() {
        return fhir.packages().entrySet().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.getKey());
            m.put("latest", e.getValue().get(0).version());
            m.put("versions", e.getValue().stream().map(CatalogFhir.PackageVersion::version).toList());
            m.put("description", e.getValue().get(0).description());
            return m;
        }).toList();
    }

    /** The package's listing: {@code dist-tags.latest} and every version with its tarball URL. */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/packages/{name}")
    Map<String, Object> listing(@PathVariable String name) {
        List<CatalogFhir.PackageVersion> versions = fhir.packages().get(name);
        if (versions == null) {
            throw DomainException.notFound("package", name);
        }
        Map<String, Object> versionMap = new LinkedHashMap<>();
        for (CatalogFhir.PackageVersion v : versions) {
            String tarball = ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/api/v1/packages/{name}/{version}").buildAndExpand(name, v.version()).toUriString();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("version", v.version());
            m.put("description", v.description());
            m.put("fhirVersion", v.fhirVersion());
            m.put("canonical", v.canonical());
            m.put("url", tarball);
            m.put("dist", Map.of("tarball", tarball));
            m.put("edition", Map.of("id", v.editionId(), "code", v.editionCode() == null ? "" : v.editionCode(),
                    "status", v.status()));
            m.put("sha256", v.sha256());
            m.put("size", v.size());
            versionMap.put(v.version(), m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", name);
        out.put("name", name);
        out.put("description", versions.get(0).description());
        out.put("dist-tags", Map.of("latest", versions.get(0).version()));
        out.put("versions", versionMap);
        return out;
    }

    /** The package itself (.tgz). */
    @Permits(Permission.PUBLIC)
    @GetMapping("/api/v1/packages/{name}/{version}")
    void tarball(@PathVariable String name, @PathVariable String version, HttpServletResponse response)
            throws IOException {
        byte[] tgz = fhir.tarball(name, version)
                .orElseThrow(() -> DomainException.notFound("package", name + "#" + version));
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_")
                + "-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + ".tgz\"");
        response.setContentLength(tgz.length);
        response.getOutputStream().write(tgz);
    }
}
