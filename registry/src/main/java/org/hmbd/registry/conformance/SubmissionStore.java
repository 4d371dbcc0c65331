package org.hmbd.registry.conformance;

import org.hmbd.registry.shared.Digests;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.hmbd.registry.platform.HmbdProperties;
import org.hmbd.registry.shared.DomainException;
import org.hmbd.registry.shared.ErrorCode;
import org.hmbd.registry.shared.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Submitted files, encrypted at rest ({@link SubmissionCipher}) under
 * {@code <storage-dir>/<run>/} ({@code <data-dir>/submissions} by default); the key comes from
 * configuration, never the database.
 * Files are streamed through: never held whole in memory.
 */
@Component
class SubmissionStore {

    private static final Logger log = LoggerFactory.getLogger(SubmissionStore.class);

    private final Path root;
    private final SubmissionCipher cipher;

    SubmissionStore(HmbdProperties hmbd, ConformanceProperties props) throws IOException {
        this.root = props.storageDir() != null ? props.storageDir().toAbsolutePath().normalize()
                : hmbd.dataDir().toAbsolutePath().resolve("submissions");
        Files.createDirectories(root);
        ConformanceProperties.Encryption enc = props.encryption();
        Map<String, SecretKey> keys = new HashMap<>();
        enc.previousKeys().forEach((id, b64) -> keys.put(id, key(b64, "previous-keys." + id)));
        String current = enc.key();
        if (current == null || current.isBlank()) {
            current = generatedKey(hmbd.dataDir().toAbsolutePath().resolve("keys").resolve("submissions.key"));
        }
        keys.put(enc.keyId(), key(current, "key"));
        this.cipher = new SubmissionCipher(enc.keyId(), keys);
    }

    private static SecretKey key(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hmbd.conformance.encryption." + name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("hmbd.conformance.encryption." + name + " must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String generatedKey(Path file) throws IOException {
        if (Files.isRegularFile(file)) {
            return Files.readString(file);
        }
        Files.createDirectories(file.getParent());
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        String b64 = Base64.getEncoder().encodeToString(k);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b64);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.warn("No hmbd.conformance.encryption.key configured: generated one in {}. Configure a key from your "
                + "key management for production, and keep this file to read data stored with it.", file);
        return b64;
    }

    String keyId() {
        return cipher.keyId();
    }

    /**
     * @param storageKey where it is kept (relative to the store)
     * @param lines non-blank lines, an estimate of the resources in NDJSON
     */
    record Stored(String storageKey, long sizeBytes, String sha256, long lines) {
    }

    /** Encrypts a stream to a new file, refusing with 413 beyond {@code maxBytes} (nothing is kept then). */
    Stored store(long runId, InputStream body, long maxBytes) throws IOException {
        Path dir = root.resolve(Long.toString(runId));
        Files.createDirectories(dir);
        String key = runId + "/" + UUID.randomUUID() + ".enc";
        Path file = root.resolve(key);
        MessageDigest sha = Digests.sha256();
        long size = 0;
        long lines = 0;
        boolean inLine = false;
        boolean ok = false;
        try (OutputStream out = cipher.encrypting(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16))) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = body.read(buf)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, Map.of("maxBytes", maxBytes),
                            Msg.of("problem.payload-too-large.limit", maxBytes));
                }
                sha.update(buf, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (inLine) {
                            lines++;
                        }
                        inLine = false;
                    } else if (b != '\r' && b != ' ' && b != '\t') {
                        inLine = true;
                    }
                }
                out.write(buf, 0, n);
            }
            ok = true;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
        if (inLine) {
            lines++;
        }
        return new Stored(key, size, HexFormat.of().formatHex(sha.digest()), lines);
    }

    /** The plaintext of a stored file, decrypted while read. */
    InputStream open(String storageKey) throws IOException {
        return cipher.decrypting(Files.newInputStream(resolve(storageKey)));
    }

    /** Removes a stored file; true when something was there. */
    boolean destroy(String storageKey) throws IOException {
        return Files.deleteIfExists(resolve(storageKey));
    }

    /** Removes a run's folder once its files are gone. */
    void removeRunFolder(long runId) throws IOException {
        Path dir = root.resolve(Long.toString(runId));
        if (Files.isDirectory(dir)) {
            try (Stream<Path> left = Files.list(dir)) {
                if (left.findAny().isPresent()) {
                    return;
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private Path resolve(String storageKey) {
        Path p = root.resolve(storageKey).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("storage key outside the store");
        }
        return p;
    }
}
