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
    private long number;
    private boolean eof;

    LineReader(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    Line next() throws IOException {
        if (eof) {
            return null;
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        int b;
        boolean readAny = false;
        while ((b = in.read()) != -1) {
            readAny = true;
            if (b == '\n') {
                break;
            }
            if (!tooLong) {
                if (buf.size() >= max) {
                    tooLong = true;
                    buf = new ByteArrayOutputStream(0);
                } else {
                    buf.write(b);
                }
            }
        }
        if (b == -1) {
            eof = true;
            if (!readAny) {
                return null;
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
