package org.hmbd.registry.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The stable {@code reason} of every problem, and docs/api.md listing each of them. */
class ProblemReasonsTest {

    @Test
    void conflictsAndRefusalsCarryTheirOwnReason() {
        assertThat(DomainException.conflict("too-many-files", 100).reason()).isEqualTo("too-many-files");
        assertThat(DomainException.conflict("file-exists", "a.json").reason()).isEqualTo("file-exists");
        assertThat(DomainException.forbidden("proposer").reason()).isEqualTo("proposer");
        assertThat(DomainException.conflict("too-many-files", 100).errorCode()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aBadFieldCarriesTheReasonOfTheField() {
        DomainException e = DomainException.invalidField("page", "between", 0, 10);
        assertThat(e.reason()).isEqualTo("between");
        assertThat(e.properties()).containsEntry("field", "page");
    }

    @Test
    void aSubReasonOfACodeIsTheLastPartOfItsKey() {
        assertThat(DomainException.reasonOf(ErrorCode.EDITION_NOT_TESTABLE,
                Msg.of("problem.edition-not-testable.superseded", "x", 30))).isEqualTo("superseded");
        assertThat(DomainException.reasonOf(ErrorCode.PAYLOAD_TOO_LARGE,
                Msg.of("problem.payload-too-large.limit", 10))).isEqualTo("limit");
    }

    @Test
    void withoutAFinerCauseTheReasonIsTheCode() {
        assertThat(DomainException.notFound("standard", 7).reason()).isEqualTo("not-found");
        assertThat(DomainException.reasonOf(ErrorCode.INVALID_TOKEN, Msg.of("problem.invalid-token.detail")))
                .isEqualTo("invalid-token");
        assertThat(DomainException.reasonOf(ErrorCode.INTERNAL_ERROR, null)).isEqualTo("internal-error");
        assertThat(DomainException.reasonOf(ErrorCode.ILLEGAL_TRANSITION,
                Msg.of("problem.illegal-transition.detail", "A", "B", "-"))).isEqualTo("illegal-transition");
    }

    @Test
    void everyReasonInTheMessagesIsDocumentedInTheApiGuide() throws IOException {
        Properties en = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Path doc = Path.of("../docs/api.md");
        String api = Files.readString(doc);
        String table = api.substring(api.indexOf("| code | reasons besides the code itself |"));
        table = table.substring(0, table.indexOf("\n\n"));
        Pattern sub = Pattern.compile("problem\\.[a-z-]+\\.[a-z-]+");
        List<String> reasons = en.stringPropertyNames().stream()
                .filter(k -> k.startsWith("conflict.") || k.startsWith("forbidden.") || k.startsWith("reason.")
                        || (sub.matcher(k).matches() && !k.endsWith(".title") && !k.endsWith(".detail")))
                .map(k -> k.substring(k.lastIndexOf('.') + 1))
                .sorted().distinct().toList();
        assertThat(reasons).hasSizeGreaterThan(50);
        for (String reason : reasons) {
            assertThat(table).as("docs/api.md lists the reason " + reason).contains("`" + reason + "`");
        }
    }
}
