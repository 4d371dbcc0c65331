package org.hmbd.validator.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.hmbd.validator.CheckIds;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/**
 * Turns inputs (files, folders, zips, standard input) into resources to validate, streaming:
 * NDJSON is read line by line with a bounded buffer whatever the file size; pretty-printed NDJSON
 * (objects spanning lines) is recognised; other files are one resource (or a Bundle) each.
 * Problems of the input itself become findings, and reading goes on with the rest.
 */
final class InputReader {


    private final Limits limits;
    private final Consumer<Unit> units;
    private final RunCollector collector;

    InputReader(Limits limits, Consumer<Unit> units, RunCollector collector) {
        this.limits = limits;
        this.units = units;
        this.collector = collector;
    }

    void read(List<String> inputs, InputStream stdin) {
        for (String input : inputs) {
            if ("-".equals(input)) {
                collector.inputs.increment();
                readStream("-", stdin, true);
                continue;
            }
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile).sorted().forEach(this::readFile);
                } catch (IOException e) {
                    inputProblem(input, 0, CheckIds.INPUT_UNREADABLE, Severity.ERROR,
                            Text.of("无法读取文件夹：" + e.getMessage(), "Cannot read the folder: " + e.getMessage()));
                }
            } else {
                readFile(path);
            }
        }
    }

    private void readFile(Path path) {
        collector.inputs.increment();
        String name = path.toString();
        if (!Files.isReadable(path)) {
            inputProblem(name, 0, CheckIds.INPUT_UNREADABLE, Severity.ERROR, Text.of("文件不存在或不可读", "File missing or not readable"));
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            readNamed(name, in);
        } catch (IOException e) {
            inputProblem(name, 0, CheckIds.INPUT_UNREADABLE, Severity.ERROR,
                    Text.of("读取失败：" + e.getMessage(), "Reading failed: " + e.getMessage()));
        }
    }

    /** Inputs given as named streams (the server's stored submissions): read as files of that name. */
    void read(List<ValidationEngine.Source> sources) {
        for (ValidationEngine.Source source : sources) {
            collector.inputs.increment();
            try (InputStream in = source.open()) {
                readNamed(source.name(), in);
            } catch (IOException e) {
                inputProblem(source.name(), 0, CheckIds.INPUT_UNREADABLE, Severity.ERROR,
                        Text.of("读取失败：" + e.getMessage(), "Reading failed: " + e.getMessage()));
            }
        }
    }

    private void readNamed(String name, InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (name.toLowerCase().endsWith(".zip")) {
            readZip(name, in);
        } else {
            readStream(name, counted(in), isNdjson(name));
        }
    }

    /** Bytes read so far in this run, zip entries decompressed. */
    private long totalRead;

    /** A view of {@code in} that counts what is read against {@link Limits#maxInputBytes()}; closing it leaves {@code in} open. */
    private InputStream counted(InputStream in) {
        if (limits.maxInputBytes() == Long.MAX_VALUE) {
            return in;
        }
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                add(skipped);
                return skipped;
            }

            @Override
            public void close() {
                // the zip stream or the caller's stream is closed by its owner
            }

            private void add(long n) {
                totalRead += n;
                if (totalRead > limits.maxInputBytes()) {
                    throw new InputLimitExceededException(limits.maxInputBytes());
                }
            }
        };
    }

    private static boolean isNdjson(String name) {
        String n = name.toLowerCase();
        return n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".ndjson.txt");
    }

    private void readZip(String name, InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            int count = 0;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                if (++count > limits.maxZipEntries()) {
                    inputProblem(name, 0, CheckIds.INPUT_TOO_LARGE, Severity.ERROR, Text.of(
                            "压缩包条目超过 " + limits.maxZipEntries() + " 个，其余未读取",
                            "More than " + limits.maxZipEntries() + " entries in the zip; the rest was not read"));
                    return;
                }
                String entryName = name + "!/" + e.getName();
                if (e.getName().toLowerCase().endsWith(".zip")) {
                    inputProblem(entryName, 0, CheckIds.INPUT_UNREADABLE, Severity.WARNING,
                            Text.of("不读取嵌套的压缩包", "Nested zips are not read"));
                    continue;
                }
                readStream(entryName, counted(zip), isNdjson(e.getName()));
            }
        }
    }

    /** Reads one stream: NDJSON record by record, or the whole (bounded) content as one unit. */
    private void readStream(String name, InputStream in, boolean ndjson) {
        try {
            if (ndjson) {
                readNdjson(name, in);
                return;
            }
            byte[] bytes = in.readNBytes(limits.maxResourceBytes() + 1);
            if (bytes.length > limits.maxResourceBytes()) {
                inputProblem(name, 0, CheckIds.INPUT_TOO_LARGE, Severity.ERROR, Text.of(
                        "文件超过 " + limits.maxResourceBytes() + " 字节的上限；大量数据请使用 NDJSON",
                        "File exceeds the limit of " + limits.maxResourceBytes() + " bytes; send large data as NDJSON"));
                return;
            }
            String text = decode(name, 0, bytes);
            if (text == null) {
                return;
            }
            if (text.isBlank()) {
                inputProblem(name, 0, CheckIds.INPUT_EMPTY, Severity.ERROR, Text.of("文件为空", "The file is empty"));
                return;
            }
            if (looksLikeNdjson(text)) {
                readNdjson(name, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                return;
            }
            units.accept(new Unit(name, 1, text));
        } catch (IOException e) {
            inputProblem(name, 0, CheckIds.INPUT_UNREADABLE, Severity.ERROR,
                    Text.of("读取失败：" + e.getMessage(), "Reading failed: " + e.getMessage()));
        }
    }

    /** Several single-line JSON objects in a .json file: treated as NDJSON. */
    private static boolean looksLikeNdjson(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return false;
        }
        int firstNewline = t.indexOf('\n');
        return firstNewline > 0 && t.substring(0, firstNewline).strip().endsWith("}")
                && t.substring(firstNewline).strip().startsWith("{");
    }

    private void readNdjson(String name, InputStream in) throws IOException {
        LineReader lines = new LineReader(in, limits.maxResourceBytes());
        StringBuilder pending = null;
        long pendingStart = 0;
        int depth = 0;
        boolean prettyReported = false;
        boolean any = false;
        LineReader.Line line;
        while ((line = lines.next()) != null) {
            if (line.tooLong()) {
                inputProblem(name, line.number(), CheckIds.INPUT_TOO_LARGE, Severity.ERROR, Text.of(
                        "第 " + line.number() + " 行超过 " + limits.maxResourceBytes() + " 字节的上限，已跳过",
                        "Line " + line.number() + " exceeds the limit of " + limits.maxResourceBytes()
                                + " bytes; skipped"));
                pending = null;
                depth = 0;
                any = true;
                continue;
            }
            String text = decode(name, line.number(), line.bytes());
            if (text == null) {
                pending = null;
                depth = 0;
                continue;
            }
            if (pending == null && text.isBlank()) {
                continue;
            }
            any = true;
            int lineDepth = Json.depthChange(text);
            if (pending == null) {
                if (lineDepth == 0) {
                    units.accept(new Unit(name, line.number(), text));
                    continue;
                }
                String trimmed = text.strip();
                if (!(trimmed.equals("{") || trimmed.equals("["))) {
                    // a single-line record cut short: report it, go on with the next line
                    inputProblem(name, line.number(), CheckIds.INPUT_MALFORMED, Severity.ERROR, Text.of(
                            "第 " + line.number() + " 行不是完整的 JSON（可能被截断）",
                            "Line " + line.number() + " is not complete JSON (truncated?)"));
                    continue;
                }
                pending = new StringBuilder(text).append('\n');
                pendingStart = line.number();
                depth = lineDepth;
                continue;
            }
            pending.append(text).append('\n');
            depth += lineDepth;
            if (pending.length() > limits.maxResourceBytes()) {
                inputProblem(name, pendingStart, CheckIds.INPUT_TOO_LARGE, Severity.ERROR, Text.of(
                        "自第 " + pendingStart + " 行开始的记录超过大小上限", "The record from line " + pendingStart
                                + " exceeds the size limit"));
                pending = null;
                depth = 0;
                continue;
            }
            if (depth <= 0) {
                if (!prettyReported) {
                    inputProblem(name, pendingStart, CheckIds.INPUT_NDJSON_PRETTY, Severity.WARNING, Text.of(
                            "NDJSON 应每行一个资源；此文件的资源跨越多行，已按多行读取",
                            "NDJSON should hold one resource per line; this file's resources span lines and "
                                    + "were read as such"));
                    prettyReported = true;
                }
                units.accept(new Unit(name, pendingStart, pending.toString()));
                pending = null;
                depth = 0;
            }
        }
        if (pending != null) {
            inputProblem(name, pendingStart, CheckIds.INPUT_MALFORMED, Severity.ERROR, Text.of(
                    "自第 " + pendingStart + " 行开始的记录在文件末尾前未结束（被截断）",
                    "The record from line " + pendingStart + " does not end before the end of the file (truncated)"));
        }
        if (!any) {
            inputProblem(name, 0, CheckIds.INPUT_EMPTY, Severity.ERROR, Text.of("文件为空", "The file is empty"));
        }
    }

    /** UTF-8 (with or without BOM) is expected; UTF-16 with a BOM is decoded with a warning. */
    private String decode(String name, long line, byte[] bytes) {
        int offset = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE)) {
            inputProblem(name, line, CheckIds.INPUT_ENCODING, Severity.WARNING, Text.of(
                    "内容为 UTF-16 编码，已按 UTF-16 读取；应使用 UTF-8", "Content is UTF-16 and was read as such; "
                            + "UTF-8 is expected"));
            return new String(bytes, StandardCharsets.UTF_16);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, out, true);
        if (result.isError()) {
            // where the first bad byte is: line (counted from this unit's first line) and column in characters
            int bad = in.position();
            long badLine = Math.max(line, 1);
            int lineStart = offset;
            for (int i = offset; i < bad; i++) {
                if (bytes[i] == '\n') {
                    badLine++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8).length() + 1;
            String at = "第 " + badLine + " 行第 " + column + " 列";
            collector.unreadable.increment();
            collector.finding(new Finding(CheckIds.INPUT_ENCODING, Severity.ERROR, Dimension.STRUCTURE, name, badLine, column, -1,
                    null, null, null, Text.of("内容不是有效的 UTF-8 编码（如 GBK）：" + at + "有无效字节 0x"
                            + String.format("%02X", bytes[bad] & 0xff) + "，已跳过",
                    "Content is not valid UTF-8 (GBK?): invalid byte 0x" + String.format("%02X", bytes[bad] & 0xff)
                            + " at line " + badLine + ", column " + column + "; skipped"), null));
            return null;
        }
        out.flip();
        return out.toString();
    }

    private void inputProblem(String source, long line, String checkId, Severity severity, Text message) {
        if (severity == Severity.ERROR) {
            collector.unreadable.increment();
        }
        collector.finding(new Finding(checkId, severity, Dimension.STRUCTURE, source, line, 0, -1, null, null, null,
                message, null));
    }
}
