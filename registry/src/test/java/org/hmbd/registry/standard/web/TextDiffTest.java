package org.hmbd.registry.standard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void linesAddedAndRemovedAreMarkedWithTheirNumbersOnEachSide() {
        TextDiff d = TextDiff.of(utf8("性别\n男\n女\n"), utf8("性别\n男\n未说明\n女\n"));
        assertThat(d.text()).isTrue();
        assertThat(d.identical()).isFalse();
        assertThat(d.added()).isEqualTo(1);
        assertThat(d.removed()).isZero();
        assertThat(d.lines()).contains(new TextDiff.Line("added", null, 3, "未说明"),
                new TextDiff.Line("same", 3, 4, "女"));
    }

    @Test
    void aChangedLineIsOneRemovedAndOneAdded() {
        TextDiff d = TextDiff.of(utf8("a\nb\nc"), utf8("a\nB\nc"));
        assertThat(d.lines()).extracting(TextDiff.Line::kind).containsExactly("same", "removed", "added", "same");
    }

    @Test
    void binaryContentIsNotComparedLineByLine() {
        TextDiff d = TextDiff.of(new byte[] {(byte) 0x1f, (byte) 0x8b, 0, 1}, new byte[] {(byte) 0x1f, (byte) 0x8b, 0, 2});
        assertThat(d.text()).isFalse();
        assertThat(d.identical()).isFalse();
        assertThat(d.lines()).isEmpty();
        assertThat(TextDiff.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xff}).identical()).isTrue();
    }
}
