package org.hmbd.registry.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret keys: from configuration (base64), or generated once into a file of the key folder
 * ({@code hmbd.key-dir}, beside the data folder by default, so that a copy of the data folder does
 * not carry the keys that protect it). A generated file is created with mode 600 from its first
 * byte and moved into place atomically; a key is never logged.
 */
public final class Keys {

    private static final Logger log = LoggerFactory.getLogger(Keys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /**
     * The key of {@code property}: its configured value, else the key in {@code file} (created with
     * {@code length} random bytes on first use).
     */
    public static byte[] configuredOrGenerated(String configured, String property, Path file, int length)
            throws IOException {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, property, length);
        }
        if (Files.isRegularFile(file)) {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString(), length);
        }
        Files.createDirectories(file.getParent());
        byte[] k = new byte[length];
        RANDOM.nextBytes(k);
        Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try (OutputStream out = Files.newOutputStream(create(tmp), StandardOpenOption.WRITE)) {
            out.write(Base64.getEncoder().encode(k));
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp); // another server of the same folder was first: use its key
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString(), length);
        }
        log.warn("Not configured: {}. Generated a key into {} (mode 600). Configure the key from your key management "
                + "for production, and keep this file: what was protected with it cannot be read without it.",
                property, file);
        return k;
    }

    /** Creates an empty file readable and writable by its owner only, from the start. */
    private static Path create(Path file) throws IOException {
        try {
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(owner);
            return Files.createFile(file, attr);
        } catch (UnsupportedOperationException e) {
            return Files.createFile(file); // not a POSIX file system: the folder's own protection applies
        }
    }

    private static byte[] decode(String base64, String where, int length) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64");
        }
        if (bytes.length != length) {
            throw new IllegalStateException(where + " must hold " + length + " bytes");
        }
        return bytes;
    }
}
