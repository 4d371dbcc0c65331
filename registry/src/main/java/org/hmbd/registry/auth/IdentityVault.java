package org.hmbd.registry.auth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hmbd.registry.platform.HmbdProperties;
import org.hmbd.registry.platform.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Personal identity fields at rest: encrypted with AES-256-GCM (a random 96-bit nonce per value,
 * the column as associated data), and the identity number's keyed hash (HMAC-SHA256) for
 * uniqueness and lookup without decrypting. Both keys are derived from {@code hmbd.auth.identity-key}
 * (or a generated key in the key folder), never stored in the database.
 */
@Component
class IdentityVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec encryption;
    private final SecretKeySpec lookup;

    @Autowired
    IdentityVault(AuthProperties props, HmbdProperties hmbd) throws IOException {
        this(Keys.configuredOrGenerated(props.identityKey(), "hmbd.auth.identity-key",
                hmbd.keyDir().resolve("identity.key"), 32));
    }

    IdentityVault(byte[] key) {
        this.encryption = new SecretKeySpec(derive(key, "hmbd-identity-encryption"), "AES");
        this.lookup = new SecretKeySpec(derive(key, "hmbd-identity-lookup"), "HmacSHA256");
    }

    byte[] encrypt(String value, String column) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + column, e);
        }
    }

    String decrypt(byte[] stored, String column) {
        try {
            if (stored.length < 1 + 12 + 16 || stored[0] != 1) {
                throw new IllegalStateException("not an encrypted " + column);
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, stored, 1, 12));
            c.updateAAD(column.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(stored, 13, stored.length - 13), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column + " fails its integrity check", e);
        }
    }

    /** The keyed hash of a document and its normalized number: equal for the same identity only. */
    String lookupHash(IdentityDocument kind, String normalized) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(lookup);
            return HexFormat.of().formatHex(m.doFinal((kind.name() + "\u001f" + normalized)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
