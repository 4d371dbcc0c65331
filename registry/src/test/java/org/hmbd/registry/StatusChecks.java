package org.hmbd.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The states a {@code CHECK (status in …)} constraint of the change sets allows, for the lifecycle tests. */
public final class StatusChecks {

    private StatusChecks() {
    }

    /** The first {@code in (...)} list of a constraint. */
    public static List<String> allowedBy(String constraint) {
        String sql;
        try {
            StringBuilder all = new StringBuilder();
            try (var files = Files.list(Path.of("src/main/resources/db/changelog/changes"))) {
                for (Path f : files.sorted().toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
            sql = all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = sql.indexOf("constraint " + constraint + " ");
        assertThat(at).as(constraint).isPositive();
        String rest = sql.substring(sql.indexOf(" in", at));
        String list = rest.substring(rest.indexOf('(') + 1, rest.indexOf(')'));
        return Arrays.stream(list.split(",")).map(s -> s.strip().replace("'", "")).toList();
    }

    public static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
