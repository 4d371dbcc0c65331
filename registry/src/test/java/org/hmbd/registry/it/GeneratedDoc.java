package org.hmbd.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A part of a document that a test generates from what it observed, between two markers: the test
 * fails when the document shows something else, and {@code -Dhmbd.write-matrix=true} writes it.
 */
final class GeneratedDoc {

    private GeneratedDoc() {
    }

    /** Checks (or writes) {@code body} between the markers {@code <!-- name:start -->} and {@code <!-- name:end -->}. */
    static void check(Path doc, String name, String body) throws IOException {
        String start = "<!-- " + name + ":start -->";
        String end = "<!-- " + name + ":end -->";
        String part = start + "\n\n" + body + "\n" + end;
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as(doc + " holds " + name + " between its markers").isNotNegative();
        String written = text.substring(from, to + end.length());
        if (!written.equals(part) && Boolean.getBoolean("hmbd.write-matrix")) {
            Files.writeString(doc, text.substring(0, from) + part + text.substring(to + end.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(written).as(doc + " shows the " + name + " this test observed (re-run with "
                + "-Dhmbd.write-matrix=true to write it)").isEqualTo(part);
    }
}
