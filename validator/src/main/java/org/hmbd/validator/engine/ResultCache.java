package org.hmbd.validator.engine;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's results remembered between runs, so that a re-run of mostly unchanged data validates only
 * what changed. What is remembered for a resource is HAPI's raw messages (before they become
 * findings), under a key that is the SHA-256 of everything the messages depend on: the exact text
 * validated, the profile applied, the content of the standard edition, the engine's, HAPI's and
 * HL7's code, the time zone, locale and calendar year (and the day, when a loaded invariant uses
 * {@code now()} or {@code today()}); see {@link ValidationEngine#resultKeys}. The standard's own
 * rules and the checks across resources run on every resource, remembered or not, so the report
 * of a re-run is the report of a run without the cache.
 *
 * <p>On disk the cache is a folder of <em>segments</em>, one per run: a run reads the segments that
 * were there when it began, and writes into its own segment every result it used, found or computed
 * (so a segment holds only results of resources of its own run, and the newest segment alone is
 * enough for a re-run of the same data). A segment becomes visible only when its run commits it
 * (written to a temporary file, then renamed); then the oldest segments are deleted until the folder
 * holds at most {@code maxSegments} segments and {@code maxBytes} bytes. A run that ends without
 * committing leaves nothing. {@link #delete(String)} destroys one run's segment (the server does so
 * when it destroys the run).
 *
 * <p>Layout of a segment: {@code "HMBDRC01"}; entries of the SHA-256 key (32 bytes), the length of
 * the sealed payload (4 bytes), its CRC-32C (4 bytes: damage on disk is a miss) and the payload; an open-addressing index of slots of 16 bytes (the
 * key's first 8 bytes, the entry's offset); a trailer of the index offset, slot count and entry count
 * (8 bytes each) and {@code "HMBDRCIX"}. The index is memory-mapped, so a large cache costs no heap.
 * Payloads are sealed by the {@link Sealer} given (the server encrypts them like submitted files,
 * with the key as associated data: an entry cannot be moved to another key). A damaged segment or
 * entry is a miss, never a wrong result.
 */
public final class ResultCache {

    /** Seals a payload for storage and opens it again, bound to the entry's key. */
    public interface Sealer {
        /** Stores payloads as they are (the command-line tool on the institution's own machine). */
        Sealer NONE = new Sealer() {
            @Override
            public byte[] seal(byte[] plain, byte[] key) {
                return plain;
            }

            @Override
            public byte[] open(byte[] sealed, byte[] key) {
                return sealed;
            }
        };

        byte[] seal(byte[] plain, byte[] key);

        /** The plaintext; an {@link IOException} when the payload was altered or sealed under another key. */
        byte[] open(byte[] sealed, byte[] key) throws IOException;
    }

    /**
     * Remembered for a resource on which HAPI failed (the engine then reports it without HAPI's
     * messages): found again, the engine takes the same path without calling HAPI.
     */
    public static final List<SingleValidationMessage> FAILED = java.util.Collections.unmodifiableList(new ArrayList<>());

    static final String SUFFIX = ".hrc";
    private static final String TEMP = ".hrc-tmp";
    private static final byte[] MAGIC = "HMBDRC01".getBytes(StandardCharsets.US_ASCII);
    private static final long INDEX_MAGIC = ByteBuffer.wrap("HMBDRCIX".getBytes(StandardCharsets.US_ASCII)).getLong();
    private static final int TRAILER = 32;
    private static final int KEY = 32;
    /** Key, payload length and CRC-32C before each payload. */
    private static final int HEAD = KEY + 8;
    private static final int MAX_PAYLOAD = 64 << 20;
    /** Temporary files of a run that died; a run never lasts this long. */
    private static final Duration STALE = Duration.ofDays(2);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Logger LOG = LoggerFactory.getLogger(ResultCache.class);

    private final Path dir;
    private final long maxBytes;
    private final int maxSegments;
    private final Sealer sealer;

    private ResultCache(Path dir, long maxBytes, int maxSegments, Sealer sealer) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.maxSegments = maxSegments;
        this.sealer = sealer;
    }

    /**
     * A cache in {@code dir} (created when missing).
     *
     * @param maxBytes    what the folder may hold; a run's own segment stops growing there
     * @param maxSegments how many runs' segments are kept
     */
    public static ResultCache open(Path dir, long maxBytes, int maxSegments, Sealer sealer) throws IOException {
        if (maxBytes < 1 || maxSegments < 1) {
            throw new IllegalArgumentException("the cache needs room for at least one segment");
        }
        Files.createDirectories(dir);
        return new ResultCache(dir, maxBytes, maxSegments, sealer);
    }

    public Path dir() {
        return dir;
    }

    /** Bytes held by the committed segments. */
    public long bytes() throws IOException {
        long total = 0;
        for (Path p : segments()) {
            total += sizeOrZero(p);
        }
        return total;
    }

    /** The names of the committed segments, newest first. */
    public List<String> names() throws IOException {
        return segments().stream().map(p -> {
            String f = p.getFileName().toString();
            return f.substring(0, f.length() - SUFFIX.length());
        }).toList();
    }

    /** Destroys the segment of that name, if there is one; true if one was deleted. */
    public boolean delete(String name) throws IOException {
        checkName(name);
        return Files.deleteIfExists(dir.resolve(name + SUFFIX));
    }

    /**
     * Begins a run: it reads the segments committed so far and writes its own, which replaces a
     * segment of the same name when committed.
     */
    public Session begin(String name) throws IOException {
        checkName(name);
        List<Segment> readable = new ArrayList<>();
        for (Path p : segments()) {
            Segment s = Segment.open(p);
            if (s != null) {
                readable.add(s);
            }
        }
        Path temp = dir.resolve(name + "." + UUID.randomUUID() + TEMP);
        return new Session(name, readable, temp);
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a segment name: " + name);
        }
    }

    /** Committed segments, newest first. */
    private List<Path> segments() throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : files) {
                found.add(p);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        found.sort(Comparator.comparing(ResultCache::modified).reversed());
        return found;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Keeps the newest segments within the bounds; removes temporary files of runs that died. */
    private void evict() throws IOException {
        long total = 0;
        int kept = 0;
        for (Path p : segments()) {
            long size = sizeOrZero(p);
            if (kept < maxSegments && total + size <= maxBytes) {
                total += size;
                kept++;
            } else {
                Files.deleteIfExists(p);
            }
        }
        Instant stale = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP)) {
            for (Path p : files) {
                if (modified(p).toInstant().isBefore(stale)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** One run's use of the cache: look-ups and the run's own segment. Thread-safe. */
    public final class Session implements AutoCloseable {
        private final String name;
        private final List<Segment> readable;
        private final Path temp;
        private FileChannel out;
        private long written;
        /** Entries written by this run, by the key's first 8 bytes → offset (also the index to write). */
        private final LongLongTable entries = new LongLongTable();
        private final AtomicLong hits = new AtomicLong();
        private final AtomicLong misses = new AtomicLong();
        private final AtomicLong damaged = new AtomicLong();
        private volatile boolean full;
        private boolean done;

        private Session(String name, List<Segment> readable, Path temp) {
            this.name = name;
            this.readable = readable;
            this.temp = temp;
        }

        /** HAPI's messages remembered under this key, or null. */
        public List<SingleValidationMessage> find(byte[] key) {
            for (Segment s : readable) {
                byte[] sealed;
                try {
                    sealed = s.find(key);
                } catch (IOException | RuntimeException e) {
                    damaged.incrementAndGet();
                    continue;
                }
                if (sealed == null) {
                    continue;
                }
                try {
                    List<SingleValidationMessage> messages = decode(sealer.open(sealed, key));
                    hits.incrementAndGet();
                    append(key, sealed);
                    return messages;
                } catch (IOException | RuntimeException e) {
                    damaged.incrementAndGet();
                }
            }
            misses.incrementAndGet();
            return null;
        }

        /** Remembers HAPI's messages for this key (in this run's segment). */
        public void store(byte[] key, List<SingleValidationMessage> messages) {
            byte[] sealed;
            try {
                sealed = sealer.seal(encode(messages), key);
            } catch (RuntimeException e) {
                // the cache only saves time: never a reason for a resource's result to change
                if (!full) {
                    LOG.warn("result cache {}: cannot seal a result, continuing without the cache: {}", dir,
                            e.getClass().getName());
                }
                full = true;
                return;
            }
            append(key, sealed);
        }

        private synchronized void append(byte[] key, byte[] sealed) {
            if (done || full) {
                return;
            }
            long tag = tag(key);
            if (entries.get(tag) >= 0) {
                return; // the same resource twice in one run
            }
            try {
                if (out == null) {
                    out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    writeFully(ByteBuffer.wrap(MAGIC));
                    written = MAGIC.length;
                }
                long size = HEAD + (long) sealed.length;
                if (written + size + 16L * LongLongTable.capacityFor(entries.size() + 1) + TRAILER > maxBytes
                        || entries.size() >= (1 << 24)) {
                    full = true; // the bound holds for this segment too; what is written stays usable
                    return;
                }
                ByteBuffer b = ByteBuffer.allocate((int) size);
                b.put(key, 0, KEY).putInt(sealed.length).putInt(crc(sealed)).put(sealed).flip();
                writeFully(b);
                entries.put(tag, written);
                written += size;
            } catch (IOException e) {
                // the cache only saves time: a run goes on without it
                LOG.warn("result cache {}: cannot write, continuing without it: {}", dir, e.toString());
                full = true;
            }
        }

        private void writeFully(ByteBuffer b) throws IOException {
            while (b.hasRemaining()) {
                out.write(b);
            }
        }

        /** Resources whose results were found. */
        public long hits() {
            return hits.get();
        }

        /** Resources looked up and not found (validated). */
        public long misses() {
            return misses.get();
        }

        /** Entries or segments that could not be read (damaged, sealed under a key no longer held): treated as misses. */
        public long damaged() {
            return damaged.get();
        }

        /**
         * Makes this run's segment visible to later runs (replacing one of the same name), then keeps
         * the cache within its bounds. Without a commit the run leaves nothing.
         */
        public synchronized void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("session already ended");
            }
            done = true;
            try {
                if (out == null) {
                    return;
                }
                long capacity = LongLongTable.capacityFor(entries.size());
                ByteBuffer index = ByteBuffer.allocate((int) Math.min(1 << 20, capacity * 16));
                long[] slots = entries.slots((int) capacity);
                for (int i = 0; i < slots.length; i += 2) {
                    if (!index.hasRemaining()) {
                        index.flip();
                        writeFully(index);
                        index.clear();
                    }
                    index.putLong(slots[i]).putLong(slots[i + 1]);
                }
                index.flip();
                writeFully(index);
                ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
                trailer.putLong(written).putLong(capacity).putLong(entries.size()).putLong(INDEX_MAGIC).flip();
                writeFully(trailer);
                out.force(true);
                out.close();
                out = null;
                Path target = dir.resolve(name + SUFFIX);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
                evict();
            } finally {
                release();
            }
        }

        /** Ends the session; without {@link #commit()} its segment is discarded. */
        @Override
        public synchronized void close() {
            done = true;
            release();
        }

        private void release() {
            for (Segment s : readable) {
                s.close();
            }
            readable.clear();
            if (out != null) {
                try {
                    out.close();
                } catch (IOException e) {
                    // nothing to keep
                }
                out = null;
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("result cache {}: cannot remove {}: {}", dir, temp.getFileName(), e.toString());
            }
        }
    }

    private static long tag(byte[] key) {
        if (key.length != KEY) {
            throw new IllegalArgumentException("a key is a SHA-256 digest (32 bytes)");
        }
        long t = ByteBuffer.wrap(key, 0, 8).getLong();
        return t == 0 ? 1 : t; // 0 marks an empty slot
    }

    /** A committed segment, open for reading. */
    private static final class Segment {
        private final FileChannel channel;
        private final MappedByteBuffer index;
        private final long dataEnd;
        private final int mask;

        private Segment(FileChannel channel, MappedByteBuffer index, long dataEnd, int slots) {
            this.channel = channel;
            this.index = index;
            this.dataEnd = dataEnd;
            this.mask = slots - 1;
        }

        /** The segment at {@code p}, or null when it is not one (damaged, truncated, deleted meanwhile). */
        static Segment open(Path p) {
            FileChannel ch = null;
            try {
                ch = FileChannel.open(p, StandardOpenOption.READ);
                long size = ch.size();
                if (size < MAGIC.length + TRAILER) {
                    throw new IOException("too short");
                }
                ByteBuffer head = ByteBuffer.allocate(MAGIC.length);
                readFully(ch, head, 0);
                if (!Arrays.equals(head.array(), MAGIC)) {
                    throw new IOException("not a segment");
                }
                ByteBuffer trailer = ByteBuffer.allocate(TRAILER);
                readFully(ch, trailer, size - TRAILER);
                trailer.flip();
                long indexAt = trailer.getLong();
                long slots = trailer.getLong();
                trailer.getLong();
                if (trailer.getLong() != INDEX_MAGIC || slots < 1 || Long.bitCount(slots) != 1 || slots > (1 << 26)
                        || indexAt < MAGIC.length || indexAt + slots * 16 + TRAILER != size) {
                    throw new IOException("index damaged");
                }
                MappedByteBuffer index = ch.map(FileChannel.MapMode.READ_ONLY, indexAt, slots * 16);
                return new Segment(ch, index, indexAt, (int) slots);
            } catch (IOException | RuntimeException e) {
                LOG.warn("result cache: segment {} unreadable, ignored: {}", p.getFileName(), e.toString());
                if (ch != null) {
                    try {
                        ch.close();
                    } catch (IOException ignored) {
                        // already failing
                    }
                }
                return null;
            }
        }

        /** The sealed payload under this key, or null. */
        byte[] find(byte[] key) throws IOException {
            long tag = tag(key);
            for (int probe = 0, slot = (int) (tag & mask); probe <= mask; probe++, slot = (slot + 1) & mask) {
                long t = index.getLong(slot * 16);
                if (t == 0) {
                    return null;
                }
                if (t != tag) {
                    continue;
                }
                long at = index.getLong(slot * 16 + 8);
                if (at < MAGIC.length || at + HEAD > dataEnd) {
                    throw new IOException("index points outside the data");
                }
                ByteBuffer head = ByteBuffer.allocate(HEAD);
                readFully(channel, head, at);
                head.flip();
                byte[] stored = new byte[KEY];
                head.get(stored);
                int length = head.getInt();
                int crc = head.getInt();
                if (!Arrays.equals(stored, key)) {
                    continue; // the first 8 bytes alike, another key
                }
                if (length < 0 || length > MAX_PAYLOAD || at + HEAD + length > dataEnd) {
                    throw new IOException("entry damaged");
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, at + HEAD);
                if (crc(payload.array()) != crc) {
                    throw new IOException("entry damaged");
                }
                return payload.array();
            }
            return null;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // read-only
            }
        }

        private static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
            long pos = at;
            while (b.hasRemaining()) {
                int n = ch.read(b, pos);
                if (n < 0) {
                    throw new IOException("unexpected end of segment");
                }
                pos += n;
            }
        }
    }

    private static int crc(byte[] b) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(b);
        return (int) c.getValue();
    }

    /** HAPI's messages as bytes: every field of {@link SingleValidationMessage}; {@link #FAILED} as a count of -1. */
    static byte[] encode(List<SingleValidationMessage> messages) {
        if (messages == FAILED) {
            return new byte[] {-1, -1, -1, -1};
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + messages.size() * 160);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(messages.size());
            for (SingleValidationMessage m : messages) {
                out.writeByte(m.getSeverity() == null ? -1 : m.getSeverity().ordinal());
                text(out, m.getLocationString());
                number(out, m.getLocationLine());
                number(out, m.getLocationCol());
                text(out, m.getMessage());
                text(out, m.getMessageId());
                List<String> slices = m.getSliceMessages();
                out.writeInt(slices == null ? -1 : slices.size());
                if (slices != null) {
                    for (String s : slices) {
                        text(out, s);
                    }
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SingleValidationMessage> decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int n = in.readInt();
        if (n == -1 && payload.length == 4) {
            return FAILED;
        }
        if (n < 0 || n > payload.length) {
            throw new IOException("payload damaged");
        }
        ResultSeverityEnum[] severities = ResultSeverityEnum.values();
        List<SingleValidationMessage> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SingleValidationMessage m = new SingleValidationMessage();
            int severity = in.readByte();
            if (severity >= severities.length) {
                throw new IOException("payload damaged");
            }
            m.setSeverity(severity < 0 ? null : severities[severity]);
            m.setLocationString(text(in));
            m.setLocationLine(number(in));
            m.setLocationCol(number(in));
            m.setMessage(text(in));
            m.setMessageId(text(in));
            int slices = in.readInt();
            if (slices > payload.length) {
                throw new IOException("payload damaged");
            }
            if (slices >= 0) {
                List<String> list = new ArrayList<>(slices);
                for (int s = 0; s < slices; s++) {
                    list.add(text(in));
                }
                m.setSliceMessages(list);
            }
            messages.add(m);
        }
        if (in.available() != 0) {
            throw new IOException("payload damaged");
        }
        return messages;
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        if (n > in.available()) {
            throw new IOException("payload damaged");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void number(DataOutputStream out, Integer n) throws IOException {
        out.writeBoolean(n != null);
        out.writeInt(n == null ? 0 : n);
    }

    private static Integer number(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        int n = in.readInt();
        return present ? n : null;
    }

    /**
     * An open-addressing table of {@code long} tags (never 0) to {@code long} values, without
     * boxing: the run's own entries, written out as the segment's index.
     */
    static final class LongLongTable {
        private long[] slots = new long[2 * 1024];
        private int size;

        /** Slots for n entries at a load of at most one half (a power of two). */
        static long capacityFor(int n) {
            return Math.max(16, Long.highestOneBit(Math.max(1, 2L * n - 1)) << 1);
        }

        int size() {
            return size;
        }

        long get(long tag) {
            int mask = slots.length / 2 - 1;
            for (int slot = (int) (tag & mask); ; slot = (slot + 1) & mask) {
                long t = slots[2 * slot];
                if (t == 0) {
                    return -1;
                }
                if (t == tag) {
                    return slots[2 * slot + 1];
                }
            }
        }

        void put(long tag, long value) {
            if (2 * (size + 1) > slots.length / 2) {
                slots = rehash(slots.length); // doubles the slot count
            }
            insert(slots, tag, value);
            size++;
        }

        private static void insert(long[] into, long tag, long value) {
            int mask = into.length / 2 - 1;
            int slot = (int) (tag & mask);
            while (into[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            into[2 * slot] = tag;
            into[2 * slot + 1] = value;
        }

        private long[] rehash(int newSlots) {
            long[] into = new long[2 * newSlots];
            for (int i = 0; i < slots.length; i += 2) {
                if (slots[i] != 0) {
                    insert(into, slots[i], slots[i + 1]);
                }
            }
            return into;
        }

        /** The entries laid out in {@code n} slots (tag, value pairs), as a reader probes them. */
        long[] slots(int n) {
            return n == slots.length / 2 ? slots : rehash(n);
        }
    }
}
