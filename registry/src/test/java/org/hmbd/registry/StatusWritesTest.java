package org.hmbd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Status columns change only through the one write path ({@code shared/Transitions}). That the
 * database accepts only the states of each lifecycle is checked next to each lifecycle, with
 * {@link StatusChecks}.
 */
class StatusWritesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/hmbd/registry");
    /** An UPDATE statement's SET list, up to its WHERE (SQL in Java strings, concatenations joined). */
    private static final Pattern UPDATE = Pattern.compile("(?is)\\bupdate\\s+(\\w+|\"\\s*\\+[^+]+\\+\\s*\")\\s+set\\s+(.*?)(\\bwhere\\b|\"\"\"|\"\\s*\\)|$)");
    private static final Pattern STATUS_SET = Pattern.compile("(?i)(^|[\\s,(])status\\s*=");
    private static final Pattern HISTORY_INSERT = Pattern.compile("(?i)insert\\s+into\\s+\\w+_transition\\b");

    /**
     * The only places allowed to write a status, with the table: the lifecycle writer for every
     * lifecycle table, and the edition store for the standard's own status, which follows the
     * moves of its editions (first publication, abolition, withdrawal of its only draft) and has no
     * history of its own.
     */
    private static final Set<String> ALLOWED = Set.of("shared/Transitions.java:*",
            "standard/EditionStore.java:standard");

    @Test
    void onlyTheLifecycleWriterChangesAStatus() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = SOURCES.relativize(file).toString().replace('\\', '/');
            String code = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
            Matcher m = UPDATE.matcher(code);
            while (m.find()) {
                if (!STATUS_SET.matcher(m.group(2)).find()) {
                    continue;
                }
                String table = m.group(1);
                found.add(rel + ":" + table);
                if (!ALLOWED.contains(rel + ":*") && !ALLOWED.contains(rel + ":" + table)) {
                    offenders.add(rel + " updates the status of " + table);
                }
            }
            if (HISTORY_INSERT.matcher(code).find() && !rel.equals("shared/Transitions.java")) {
                offenders.add(rel + " writes a history row itself");
            }
        }
        assertThat(offenders).isEmpty();
        // the scan sees the writes it is about: the writer's own update and the standard's
        assertThat(found).contains("standard/EditionStore.java:standard")
                .anyMatch(f -> f.startsWith("shared/Transitions.java:"));
    }

    /**
     * The table after insert into / update / delete from (not {@code for update}) in SQL strings. The
     * lifecycle writer's generic {@code "update " + table} is not a table name and is left out.
     */
    private static final Pattern WRITE = Pattern.compile("(?i)(?<!for\\s)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_]+)\\b");

    /** One class writes each table: the aggregate's store, or the service that is its store (ADR 0012). */
    @Test
    void everyTableHasOneWritingClass() throws IOException {
        java.util.Map<String, java.util.Set<String>> writers = new java.util.TreeMap<>();
        for (Path file : javaFiles()) {
            String rel = SOURCES.relativize(file).toString().replace('\\', '/');
            String code = Files.readString(file);
            // only text inside string literals and text blocks is SQL
            Matcher strings = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"").matcher(code);
            while (strings.find()) {
                String sql = strings.group(1) != null ? strings.group(1) : strings.group(2);
                Matcher m = WRITE.matcher(sql);
                while (m.find()) {
                    if (!m.group(1).equalsIgnoreCase("set")) {
                        writers.computeIfAbsent(m.group(1), t -> new java.util.TreeSet<>()).add(rel);
                    }
                }
            }
        }
        assertThat(writers).containsKeys("conformance_run", "proposal", "edition", "standard", "audit_event");
        assertThat(writers).allSatisfy((table, classes) ->
                assertThat(classes).as("classes writing " + table).hasSize(1));
    }

    @Test
    void theScanCatchesAStatusWrittenByHand() {
        String sample = "jdbc.sql(\"update conformance_run set status = 'CANCELLED', finished_at = now() \"\n"
                + "        + \"where id = ?\").param(id).update();".replaceAll("\"\\s*\\+\\s*\"", "");
        Matcher m = UPDATE.matcher(sample.replaceAll("\"\\s*\\+\\s*\"", ""));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("conformance_run");
        assertThat(STATUS_SET.matcher(m.group(2)).find()).isTrue();
        Matcher generic = UPDATE.matcher("jdbc.sql(\"update \" + table + \" set status = ? where id = ?\")");
        assertThat(generic.find()).isTrue();
        assertThat(STATUS_SET.matcher(generic.group(2)).find()).isTrue();
        Matcher other = UPDATE.matcher("update conformance_run set cancel_requested = true where id = ?");
        assertThat(other.find()).isTrue();
        assertThat(STATUS_SET.matcher(other.group(2)).find()).isFalse();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
