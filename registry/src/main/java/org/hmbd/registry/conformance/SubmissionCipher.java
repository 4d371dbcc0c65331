package org.hmbd.registry.conformance;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.hmbd.validator.engine.ResultCache;

/**
 * Streaming AES-256-GCM for submitted files, in segments so that neither writing nor reading
 * ever holds a whole file (the JDK's GCM streams buffer everything until the end to check the tag).
 * <p>
 * Layout (version 2): {@code "HMBDENC2"}, key id length (1 byte) and key id, a 32-byte random salt;
 * then segments of up to {@value #SEGMENT} plaintext bytes, each: a flag byte (1 = last), the
 * ciphertext length (4 bytes), the ciphertext with its 16-byte tag. Each file is encrypted under its
 * own subkey, HKDF-SHA256 of the configured key and the salt, so that no two files share a key and
 * nonces cannot collide across files whatever their number; a segment's nonce is its index (4 bytes)
 * and the flag. The associated data of every segment is the header and the file's binding (its run
 * and storage name): segments cannot be reordered, dropped, truncated away, moved to another file
 * or another run without the read failing.
 * <p>
 * Version 1 ({@code "HMBDENC1"}: one key for all files, a 7-byte random nonce prefix, no binding)
 * is still read.
 */
final class SubmissionCipher {

    static final int SEGMENT = 1 << 16;
    private static final byte[] MAGIC_V1 = "HMBDENC1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC = "HMBDENC2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_PREFIX = new byte[7];
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final SecretKey key;
    private final Map<String, SecretKey> keys;

    /** @param keys every key that may be needed to read, by id (including the current one) */
    SubmissionCipher(String keyId, Map<String, SecretKey> keys) {
        this.keyId = keyId;
        this.key = keys.get(keyId);
        this.keys = Map.copyOf(keys);
        if (key == null) {
            throw new IllegalArgumentException("no key " + keyId);
        }
    }

    String keyId() {
        return keyId;
    }

    /**
     * An output stream that encrypts into {@code out}; closing it writes the last segment and closes {@code out}.
     *
     * @param binding what the file belongs to (its run and storage name); the same is needed to read it
     */
    OutputStream encrypting(OutputStream out, String binding) throws IOException {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MAGIC);
        header.write(id.length);
        header.write(id);
        header.write(salt);
        byte[] written = header.toByteArray();
        out.write(written);
        SecretKey key = subkey(this.key, salt);
        byte[] prefix = NO_PREFIX;
        byte[] aad = associated(written, binding);
        return new OutputStream() {
            private final byte[] buffer = new byte[SEGMENT];
            private int filled;
            private int index;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    if (filled == SEGMENT) {
                        segment(false);
                    }
                    int n = Math.min(len, SEGMENT - filled);
                    System.arraycopy(b, off, buffer, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                }
            }

            private void segment(boolean last) throws IOException {
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, index++, last, aad, buffer, filled);
                out.write(last ? 1 : 0);
                out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
                out.write(sealed);
                filled = 0;
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    segment(true);
                    out.close();
                }
            }
        };
    }

    /**
     * A stream of the plaintext; a tampered, truncated, foreign or moved file fails with an
     * {@link IOException}.
     *
     * @param binding the binding the file was written with (ignored for version 1 files, which have none)
     */
    InputStream decrypting(InputStream raw, String binding) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        boolean v1 = Arrays.equals(magic, MAGIC_V1);
        if (!v1 && !Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an encrypted submission file");
        }
        int idLength = in.readUnsignedByte();
        byte[] id = new byte[idLength];
        in.readFully(id);
        byte[] nonceOrSalt = new byte[v1 ? 7 : 32];
        in.readFully(nonceOrSalt);
        SecretKey stored = keys.get(new String(id, StandardCharsets.UTF_8));
        if (stored == null) {
            throw new IOException("the key this file was stored with is not configured: "
                    + new String(id, StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(magic);
        header.write(idLength);
        header.write(id);
        header.write(nonceOrSalt);
        byte[] aad = v1 ? header.toByteArray() : associated(header.toByteArray(), binding);
        SecretKey k = v1 ? stored : subkey(stored, nonceOrSalt);
        byte[] prefix = v1 ? nonceOrSalt : NO_PREFIX;
        return new InputStream() {
            private byte[] plain = new byte[0];
            private int pos;
            private int index;
            private boolean last;

            private boolean fill() throws IOException {
                while (pos >= plain.length) {
                    if (last) {
                        return false;
                    }
                    int flag;
                    try {
                        flag = in.readUnsignedByte();
                    } catch (EOFException e) {
                        throw new IOException("encrypted file truncated");
                    }
                    int length = in.readInt();
                    if (length < 16 || length > SEGMENT + 16) {
                        throw new IOException("corrupt encrypted file");
                    }
                    byte[] sealed = new byte[length];
                    in.readFully(sealed);
                    last = flag == 1;
                    plain = crypt(Cipher.DECRYPT_MODE, k, prefix, index++, last, aad, sealed, sealed.length);
                    pos = 0;
                }
                return true;
            }

            @Override
            public int read() throws IOException {
                return fill() ? plain[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, plain.length - pos);
                System.arraycopy(plain, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** The header and the binding, length-prefixed so that no two pairs read alike. */
    private static byte[] associated(byte[] header, String binding) {
        byte[] b = (binding == null ? "" : binding).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + 4 + b.length).put(header).putInt(b.length).put(b).array();
    }

    /**
     * Seals the validator's remembered results of one organization ({@link ResultCache}): AES-256-GCM
     * under a key of that organization's own (HKDF-SHA256 of the configured key, the organization and
     * the purpose), a random 96-bit nonce per entry, the entry's key and the organization as associated
     * data; the payload names the key id, so that keys can be rotated (a payload under a key no longer
     * configured is a miss). Layout: key id length (1 byte), key id, nonce (12 bytes), ciphertext and tag.
     */
    ResultCache.Sealer resultSealer(long organizationId) {
        byte[] salt = ("organization/" + organizationId).getBytes(StandardCharsets.UTF_8);
        Map<String, SecretKey> derived = new java.util.HashMap<>();
        try {
            for (var e : keys.entrySet()) {
                derived.put(e.getKey(), derive(e.getValue(), salt, "hmbd-result-cache-v1"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot derive the result cache keys", e);
        }
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        SecretKey current = derived.get(keyId);
        return new ResultCache.Sealer() {
            @Override
            public byte[] seal(byte[] plain, byte[] key) {
                byte[] nonce = new byte[12];
                RANDOM.nextBytes(nonce);
                try {
                    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                    c.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(128, nonce));
                    c.updateAAD(key);
                    c.updateAAD(salt);
                    byte[] sealed = c.doFinal(plain);
                    return ByteBuffer.allocate(1 + id.length + 12 + sealed.length).put((byte) id.length).put(id)
                            .put(nonce).put(sealed).array();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot seal a result", e);
                }
            }

            @Override
            public byte[] open(byte[] sealed, byte[] key) throws IOException {
                ByteBuffer b = ByteBuffer.wrap(sealed);
                int n = b.get() & 0xff;
                if (sealed.length < 1 + n + 12 + 16) {
                    throw new IOException("sealed result too short");
                }
                byte[] storedId = new byte[n];
                b.get(storedId);
                SecretKey k = derived.get(new String(storedId, StandardCharsets.UTF_8));
                if (k == null) {
                    throw new IOException("sealed under a key that is not configured");
                }
                byte[] nonce = new byte[12];
                b.get(nonce);
                try {
                    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                    c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(128, nonce));
                    c.updateAAD(key);
                    c.updateAAD(salt);
                    return c.doFinal(sealed, b.position(), b.remaining());
                } catch (GeneralSecurityException e) {
                    throw new IOException("sealed result fails its integrity check", e);
                }
            }
        };
    }

    /** HKDF-SHA256 (RFC 5869) of the configured key and the file's salt: the file's own AES key. */
    static SecretKey subkey(SecretKey key, byte[] salt) throws IOException {
        return derive(key, salt, "hmbd-submission-file-v2");
    }

    private static SecretKey derive(SecretKey key, byte[] salt, String purpose) throws IOException {
        try {
            javax.crypto.Mac extract = javax.crypto.Mac.getInstance("HmacSHA256");
            extract.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = extract.doFinal(key.getEncoded());
            javax.crypto.Mac expand = javax.crypto.Mac.getInstance("HmacSHA256");
            expand.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
            expand.update(purpose.getBytes(StandardCharsets.US_ASCII));
            expand.update((byte) 1);
            return new javax.crypto.spec.SecretKeySpec(expand.doFinal(), "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the file key", e);
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] prefix, int index, boolean last, byte[] aad,
                                byte[] data, int length) throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(aad);
            return c.doFinal(data, 0, length);
        } catch (GeneralSecurityException e) {
            throw new IOException("encrypted file fails its integrity check (segment " + index + ")", e);
        }
    }
}
