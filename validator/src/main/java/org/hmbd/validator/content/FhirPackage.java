package org.hmbd.validator.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a standard edition's content as one FHIR NPM package ({@code .tgz}): the conformance
 * resources under {@code package/} with the {@code package/.index.json} that FHIR tooling reads, the
 * test-suite manifest at {@code package/other/hmbd-manifest.json} and further non-FHIR files (the
 * catalog of data elements and data sets) under {@code package/other/}.
 * {@link StandardContent#load} reads it back.
 */
public final class FhirPackage {

    private FhirPackage() {
    }

    /**
     * @param packageFiles file name (no folder) to content, e.g. {@code package.json},
     *        {@code StructureDefinition-x.json}
     * @param manifest the manifest's JSON, or null for none
     */
    public static void write(Map<String, byte[]> packageFiles, byte[] manifest, OutputStream out) throws IOException {
        write(packageFiles, manifest, Map.of(), out);
    }

    /** The manifest file's name under {@code package/other/}. */
    public static final String MANIFEST = "hmbd-manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param otherFiles file name to content, written under {@code package/other/}
     */
    public static void write(Map<String, byte[]> packageFiles, byte[] manifest, Map<String, byte[]> otherFiles,
                             OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        ObjectNode index = JSON.createObjectNode().put("index-version", 2);
        ArrayNode indexed = index.putArray("files");
        for (Map.Entry<String, byte[]> f : new TreeMap<>(packageFiles).entrySet()) {
            String name = plain(f.getKey());
            entry(tar, "package/" + name, f.getValue());
            if (!name.equals("package.json")) {
                indexEntry(name, f.getValue(), indexed);
            }
        }
        entry(tar, "package/.index.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
        if (manifest != null) {
            entry(tar, "package/other/" + MANIFEST, manifest);
        }
        for (Map.Entry<String, byte[]> f : new TreeMap<>(otherFiles).entrySet()) {
            entry(tar, "package/other/" + plain(f.getKey()), f.getValue());
        }
        tar.finish();
        gz.finish();
        out.flush();
    }

    private static String plain(String name) {
        if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        return name;
    }

    /** One line of {@code .index.json} (FHIR NPM package spec, index-version 2 as HL7 tooling writes it) for a resource file. */
    private static void indexEntry(String name, byte[] content, ArrayNode files) {
        JsonNode r;
        try {
            r = JSON.readTree(content);
        } catch (IOException e) {
            return; // not JSON: not a resource, not indexed
        }
        if (r == null || !r.hasNonNull("resourceType")) {
            return;
        }
        ObjectNode e = files.addObject().put("filename", name).put("resourceType", r.get("resourceType").asText());
        for (String field : new String[] {"id", "url", "version", "kind", "type", "supplements", "content", "valueSet",
                "derivation"}) {
            if (r.hasNonNull(field) && r.get(field).isValueNode()) {
                e.put(field, r.get(field).asText());
            }
        }
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        e.setModTime(0);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
