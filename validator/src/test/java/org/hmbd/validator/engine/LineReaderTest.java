package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static List<String> lines(InputStream in, int max) throws IOException {
        LineReader r = new LineReader(in, max);
        List<String> out = new ArrayList<>();
        for (LineReader.Line l; (l = r.next()) != null; ) {
            out.add(l.number() + ":" + (l.tooLong() ? "TOO-LONG" : new String(l.bytes(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /** A stream that hands out at most {@code n} bytes per read, as a network or a zip entry may. */
    private static InputStream trickling(byte[] data, int n) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, n));
            }
        };
    }

    @Test
    void splitsLinesWhateverTheReadsDeliverAndDropsCarriageReturns() throws IOException {
        byte[] data = "{\"a\":1}\r\n\n汉字\nlast".getBytes(StandardCharsets.UTF_8);
        List<String> expected = List.of("1:{\"a\":1}", "2:", "3:汉字", "4:last");
        assertThat(lines(new ByteArrayInputStream(data), 100)).isEqualTo(expected);
        assertThat(lines(trickling(data, 1), 100)).isEqualTo(expected);
        assertThat(lines(trickling(data, 3), 100)).isEqualTo(expected);
    }

    @Test
    void aLineLongerThanTheBoundIsSkippedAcrossBlocksAndTheNextOneIsRead() throws IOException {
        String longLine = "x".repeat(200_000);
        byte[] data = ("12345\n" + longLine + "\nok\n").getBytes(StandardCharsets.UTF_8);
        assertThat(lines(new ByteArrayInputStream(data), 5)).containsExactly("1:12345", "2:TOO-LONG", "3:ok");
        assertThat(lines(new ByteArrayInputStream(data), 300_000)).containsExactly("1:12345", "2:" + longLine, "3:ok");
        assertThat(lines(new ByteArrayInputStream(new byte[0]), 5)).isEmpty();
        assertThat(lines(new ByteArrayInputStream("\n".getBytes(StandardCharsets.UTF_8)), 5)).containsExactly("1:");
    }
}
