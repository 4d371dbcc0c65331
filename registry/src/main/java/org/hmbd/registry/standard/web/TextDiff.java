package org.hmbd.registry.standard.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Two revisions of an artifact compared line by line (longest common subsequence), when both are
 * UTF-8 text of at most {@value #MAX_LINES} lines; otherwise only whether they differ.
 *
 * @param text whether both sides are text that could be compared
 * @param identical whether the two revisions are byte for byte the same
 * @param lines the lines of both, each kept, added or removed (empty when not text)
 */
record TextDiff(boolean text, boolean identical, List<Line> lines, int added, int removed) {

    static final int MAX_LINES = 5000;

    /** One line: {@code kind} is {@code same}, {@code added} or {@code removed}; numbers on each side (null if absent). */
    record Line(String kind, Integer left, Integer right, String text) {
    }

    static TextDiff of(byte[] a, byte[] b) {
        boolean identical = java.util.Arrays.equals(a, b);
        String[] x = lines(a);
        String[] y = lines(b);
        if (x == null || y == null || x.length > MAX_LINES || y.length > MAX_LINES) {
            return new TextDiff(false, identical, List.of(), 0, 0);
        }
        int n = x.length;
        int m = y.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x[i].equals(y[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int added = 0;
        int removed = 0;
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x[i].equals(y[j])) {
                out.add(new Line("same", i + 1, j + 1, x[i]));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.add(new Line("removed", i + 1, null, x[i])); // a changed line: the old one first
                removed++;
                i++;
            } else {
                out.add(new Line("added", null, j + 1, y[j]));
                added++;
                j++;
            }
        }
        return new TextDiff(true, identical, out, added, removed);
    }

    /** The lines of UTF-8 text; null for binary content (invalid UTF-8 or a NUL byte). */
    private static String[] lines(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.indexOf('\0') >= 0) {
                return null;
            }
            return s.isEmpty() ? new String[0] : s.split("\r?\n", -1);
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
