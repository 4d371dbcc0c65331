package org.hmbd.registry.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON files of a FHIR NPM package (.tgz), for the catalog's own reading of editions' content. */
final class PackageFiles {

    /** A pure function of the package's bytes, called from static content parsing: its own plain reader. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long MAX_FILE = 64L * 1024 * 1024;

    private PackageFiles() {
    }

    /**
     * The JSON objects under {@code package/} by their name there: resources and {@code package.json}
     * as {@code name.json}, non-FHIR files as {@code other/name.json}; dot files, other folders and
     * files over 64 MB are left out.
     */
    static Map<String, JsonNode> read(byte[] tgz) throws IOException {
        Map<String, JsonNode> files = new TreeMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith("package/") || !name.endsWith(".json")
                        || entry.getSize() > MAX_FILE) {
                    continue;
                }
                String local = name.substring("package/".length());
                if (local.startsWith(".") || (local.contains("/") && !local.startsWith("other/"))) {
                    continue;
                }
                JsonNode node = JSON.readTree(new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                if (node != null && node.isObject()) {
                    files.put(local, node);
                }
            }
        }
        return files;
    }
}
