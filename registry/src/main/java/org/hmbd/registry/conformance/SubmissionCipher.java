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

/**
 * Streaming AES-256-GCM for submitted files, in segments so that neither writing nor reading
 * ever holds a whole file (the JDK's GCM streams buffer everything until the end to check the tag).
 * <p>
 * Layout: {@code "HMBDENC1"}, key id length (1 byte) and key id, a 7-byte random nonce prefix;
 * then segments of up to {@value #SEGMENT} plaintext bytes, each: a flag byte (1 = last), the
 * ciphertext length (4 bytes), the ciphertext with its 16-byte tag. A segment's nonce is the prefix,
 * its index (4 bytes) and the flag, and the header is its associated data: segments cannot be
 * reordered, dropped, truncated away or moved to another file without the read failing.
 */
final class SubmissionCipher {

    static final int SEGMENT = 1 << 16;
    private static final byte[] MAGIC = "HMBDENC1".getBytes(StandardCharsets.US_ASCII);
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

    /** An output stream that encrypts into {@code out}; closing it writes the last segment and closes {@code out}. */
    OutputStream encrypting(OutputStream out) throws IOException {
        byte[] prefix = new byte[7];
        RANDOM.nextBytes(prefix);
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MAGIC);
        header.write(id.length);
        header.write(id);
        header.write(prefix);
        byte[] aad = header.toByteArray();
        out.write(aad);
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

    /** A stream of the plaintext; a tampered, truncated or foreign file fails with an {@link IOException}. */
    InputStream decrypting(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not an encrypted submission file");
        }
        int idLength = in.readUnsignedByte();
        byte[] id = new byte[idLength];
        in.readFully(id);
        byte[] prefix = new byte[7];
        in.readFully(prefix);
        SecretKey k = keys.get(new String(id, StandardCharsets.UTF_8));
        if (k == null) {
            throw new IOException("the key this file was stored with is not configured: "
                    + new String(id, StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(magic);
        header.write(idLength);
        header.write(id);
        header.write(prefix);
        byte[] aad = header.toByteArray();
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
