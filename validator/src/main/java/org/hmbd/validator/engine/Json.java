package org.hmbd.validator.engine;

/** Cheap structural scans of JSON text, done before any parser sees it. */
final class Json {

    private Json() {
    }

    /** Net change of nesting depth over a piece of JSON text (objects and arrays, outside strings). */
    static int depthChange(String text) {
        return scan(text)[0];
    }

    /** Deepest nesting of objects and arrays, outside strings. */
    static int maxDepth(String text) {
        return scan(text)[1];
    }

    /** One pass over the text: {net depth change, deepest depth reached}. */
    private static int[] scan(String text) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return new int[] {depth, max};
    }

    /** Deepest element nesting of XML text (a cheap scan: tags, not comments or CDATA subtleties). */
    static int maxXmlDepth(String text) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) != '<') {
                continue;
            }
            char n = text.charAt(i + 1);
            if (n == '/') {
                depth--;
            } else if (n != '?' && n != '!') {
                int close = text.indexOf('>', i);
                if (close < 0) {
                    break;
                }
                if (text.charAt(close - 1) != '/') {
                    max = Math.max(max, ++depth);
                }
                i = close;
            }
        }
        return max;
    }
}
