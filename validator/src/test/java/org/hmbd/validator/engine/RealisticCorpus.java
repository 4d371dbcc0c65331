package org.hmbd.validator.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Realistic FHIR R4 data this project did not write: Synthea-generated patients (US Core profiles
 * in {@code meta.profile}, LOINC, SNOMED CT, RxNorm, CVX; transaction Bundles and Bulk Data NDJSON)
 * and HL7's published R4 examples. A slice ships in {@code src/test/resources/corpus/third-party}
 * (see its README); the whole Synthea corpus is made by {@code validator/corpus/synthea.sh} and is
 * used instead when the system property {@code hmbd.realistic.corpus} names a folder.
 */
final class RealisticCorpus {

    static final Path SLICE = Path.of("src", "test", "resources", "corpus", "third-party");

    private RealisticCorpus() {
    }

    /** The corpus files (.json, .ndjson), the shipped slice unpacked into {@code work} unless a folder is given. */
    static List<Path> files(Path work) {
        String given = System.getProperty("hmbd.realistic.corpus");
        try {
            if (given != null && !given.isBlank()) {
                try (Stream<Path> s = Files.walk(Path.of(given))) {
                    // Synthea writes FHIR data into fhir/ folders, its own run metadata beside them
                    return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                            .filter(p -> p.getParent().getFileName().toString().equals("fhir"))
                            .filter(p -> !p.getFileName().toString().equals("parameters.json"))
                            .sorted().toList();
                }
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> s = Files.list(SLICE)) {
                for (Path gz : s.filter(p -> p.toString().endsWith(".gz")).sorted().toList()) {
                    String name = gz.getFileName().toString();
                    Path out = work.resolve(name.substring(0, name.length() - 3));
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                        Files.copy(in, out);
                    }
                    files.add(out);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One resource (or Bundle) as the engine reads it: an NDJSON line, or a whole file. */
    record Item(Path file, long line, String text) {
    }

    static List<Item> items(List<Path> files) {
        List<Item> items = new ArrayList<>();
        try {
            for (Path f : files) {
                if (f.toString().endsWith(".ndjson")) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            items.add(new Item(f, i + 1, lines.get(i)));
                        }
                    }
                } else {
                    items.add(new Item(f, 1, Files.readString(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }
}
