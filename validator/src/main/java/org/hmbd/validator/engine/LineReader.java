package org.hmbd.validator.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads lines as bytes with a bounded buffer: a line longer than the bound is skipped, not held. */
final class LineReader {

    record Line(long number, byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int max;
    /** Read ahead in blocks: one call per block, not one per byte (a synchronized call on a buffered stream). */
    private final byte[] block = new byte[1 << 16];
    private int pos;
    private int limit;
    private long number;
    private boolean eof;

    LineReader(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    Line next() throws IOException {
        if (eof && pos >= limit) {
            return null;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        boolean readAny = false;
        while (true) {
            if (pos >= limit) {
                int n = eof ? -1 : in.read(block, 0, block.length);
                if (n < 0) {
                    eof = true;
                    pos = limit = 0;
                    if (!readAny) {
                        return null;
                    }
                    break;
                }
                pos = 0;
                limit = n;
                continue;
            }
            readAny = true;
            int end = pos;
            while (end < limit && block[end] != '\n') {
                end++;
            }
            int n = end - pos;
            if (!tooLong) {
                if ((long) buf.size() + n > max) {
                    tooLong = true;
                    buf = new ByteArrayOutputStream(0);
                } else {
                    buf.write(block, pos, n);
                }
            }
            pos = end;
            if (end < limit) {
                pos++; // the line's end
                break;
            }
        }
        number++;
        byte[] bytes = buf.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            bytes = java.util.Arrays.copyOf(bytes, len - 1);
        }
        return new Line(number, tooLong ? new byte[0] : bytes, tooLong);
    }
}
