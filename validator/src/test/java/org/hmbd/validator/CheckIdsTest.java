package org.hmbd.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The engine's own check ids and the table of check ids in docs/validator.md name the same ids. */
class CheckIdsTest {

    private static final Path DOC = Path.of("..", "docs", "validator.md");

    @Test
    void everyCheckIdOfTheEngineIsDocumentedAndEveryDocumentedOneExists() throws IOException {
        Set<String> documented = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| `(HMBD-[A-Z-]+?)(-\\*)?` \\|(.*)$");
        Pattern suffix = Pattern.compile("`([A-Z][A-Z-]*)`");
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = row.matcher(line);
            if (!m.matches()) {
                continue;
            }
            if (m.group(2) == null) {
                documented.add(m.group(1));
            } else {
                // "HMBD-INPUT-*": the row lists the suffixes
                Matcher s = suffix.matcher(m.group(3));
                while (s.find()) {
                    documented.add(m.group(1) + "-" + s.group(1));
                }
            }
        }
        assertThat(documented).hasSizeGreaterThan(10);
        assertThat(documented).isEqualTo(CheckIds.all());
    }
}
