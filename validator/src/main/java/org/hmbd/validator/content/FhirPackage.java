package org.hmbd.validator.content;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a standard edition's content as one FHIR NPM package ({@code .tgz}): the conformance
 * resources under {@code package/}, the test-suite manifest at {@code package/other/hmbd-manifest.json}.
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
        GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Map.Entry<String, byte[]> f : new TreeMap<>(packageFiles).entrySet()) {
            String name = f.getKey();
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("not a plain file name: " + name);
            }
            entry(tar, "package/" + name, f.getValue());
        }
        if (manifest != null) {
            entry(tar, "package/other/hmbd-manifest.json", manifest);
        }
        tar.finish();
        gz.finish();
        out.flush();
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
