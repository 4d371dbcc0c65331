package org.hmbd.registry.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BINDING = "7/0b4a3c2e-run-file.enc";

    private static SecretKey key() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        return new SecretKeySpec(k, "AES");
    }

    private final SecretKey k1 = key();
    private final SubmissionCipher cipher = new SubmissionCipher("k1", Map.of("k1", k1));

    private byte[] encrypt(SubmissionCipher c, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = c.encrypting(out, BINDING)) {
            // odd chunk sizes cross segment boundaries
            for (int i = 0; i < plain.length; i += 7777) {
                enc.write(plain, i, Math.min(7777, plain.length - i));
            }
        }
        return out.toByteArray();
    }

    private byte[] decrypt(SubmissionCipher c, byte[] sealed) throws IOException {
        return decrypt(c, sealed, BINDING);
    }

    private byte[] decrypt(SubmissionCipher c, byte[] sealed, String binding) throws IOException {
        try (InputStream in = c.decrypting(new ByteArrayInputStream(sealed), binding)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aFileMovedToAnotherRunOrNameDoesNotDecrypt() throws IOException {
        byte[] sealed = encrypt(cipher, "{\"resourceType\":\"Patient\"}".getBytes());
        assertThat(decrypt(cipher, sealed, BINDING)).isNotEmpty();
        assertThatThrownBy(() -> decrypt(cipher, sealed, "8/" + BINDING.substring(2))).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
        assertThatThrownBy(() -> decrypt(cipher, sealed, "7/other.enc")).isInstanceOf(IOException.class);
    }

    @Test
    void everyFileHasItsOwnKeySoTheSameDataNeverEncryptsAlike() throws IOException {
        byte[] plain = new byte[3 * SubmissionCipher.SEGMENT];
        byte[] a = encrypt(cipher, plain);
        byte[] b = encrypt(cipher, plain);
        int header = 8 + 1 + 2 + 32;
        byte[] firstSegmentA = Arrays.copyOfRange(a, header, header + 64);
        byte[] firstSegmentB = Arrays.copyOfRange(b, header, header + 64);
        assertThat(firstSegmentA).isNotEqualTo(firstSegmentB);
        assertThat(new String(a, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HMBDENC2");
    }

    @Test
    void aFileOfTheFirstFormatIsStillRead() throws IOException {
        byte[] k = new byte[32];
        for (int i = 0; i < 32; i++) {
            k[i] = (byte) i;
        }
        SubmissionCipher withFixtureKey = new SubmissionCipher("k1", Map.of("k1", new SecretKeySpec(k, "AES")));
        byte[] v1;
        try (InputStream in = getClass().getResourceAsStream("/submissions/v1-key-0to31.enc")) {
            v1 = in.readAllBytes();
        }
        assertThat(new String(v1, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HMBDENC1");
        assertThat(new String(decrypt(withFixtureKey, v1, "any binding"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"resourceType\":\"Patient\",\"id\":\"v1\"}\n".repeat(3000));
        v1[v1.length / 2] ^= 1;
        assertThatThrownBy(() -> decrypt(withFixtureKey, v1, "any binding")).isInstanceOf(IOException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, SubmissionCipher.SEGMENT - 1, SubmissionCipher.SEGMENT, SubmissionCipher.SEGMENT + 1,
            5 * SubmissionCipher.SEGMENT + 123})
    void readsBackWhatWasWrittenWhateverItsLength(int length) throws IOException {
        byte[] plain = new byte[length];
        RANDOM.nextBytes(plain);
        byte[] sealed = encrypt(cipher, plain);
        assertThat(decrypt(cipher, sealed)).isEqualTo(plain);
        if (length > 32) {
            assertThat(indexOf(sealed, Arrays.copyOfRange(plain, 0, 32))).as("plaintext visible").isNegative();
        }
    }

    @Test
    void aFlippedBitFailsTheIntegrityCheck() throws IOException {
        byte[] plain = "{\"resourceType\":\"Patient\"}\n".repeat(5000).getBytes();
        byte[] sealed = encrypt(cipher, plain);
        sealed[sealed.length / 2] ^= 1;
        assertThatThrownBy(() -> decrypt(cipher, sealed)).isInstanceOf(IOException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void aTruncatedFileIsRefusedEvenAtASegmentBoundary() throws IOException {
        byte[] plain = new byte[3 * SubmissionCipher.SEGMENT];
        RANDOM.nextBytes(plain);
        byte[] sealed = encrypt(cipher, plain);
        int header = 8 + 1 + 2 + 32;
        int segment = 1 + 4 + SubmissionCipher.SEGMENT + 16;
        byte[] cut = Arrays.copyOf(sealed, header + 2 * segment);
        assertThatThrownBy(() -> decrypt(cipher, cut)).isInstanceOf(IOException.class);
        byte[] cutMidway = Arrays.copyOf(sealed, sealed.length - 10);
        assertThatThrownBy(() -> decrypt(cipher, cutMidway)).isInstanceOf(IOException.class);
    }

    @Test
    void dataStoredWithAnEarlierKeyIsReadWithItAndAnUnknownKeyIsNamed() throws IOException {
        byte[] plain = "secret".getBytes();
        byte[] old = encrypt(cipher, plain);
        SubmissionCipher rotated = new SubmissionCipher("k2", Map.of("k1", k1, "k2", key()));
        assertThat(decrypt(rotated, old)).isEqualTo(plain);
        assertThat(decrypt(rotated, encrypt(rotated, plain))).isEqualTo(plain);
        SubmissionCipher without = new SubmissionCipher("k2", Map.of("k2", key()));
        assertThatThrownBy(() -> decrypt(without, old)).isInstanceOf(IOException.class).hasMessageContaining("k1");
    }

    @Test
    void theSameKeyIdWithAnotherKeyCannotRead() throws IOException {
        byte[] sealed = encrypt(cipher, "secret".getBytes());
        SubmissionCipher impostor = new SubmissionCipher("k1", Map.of("k1", key()));
        assertThatThrownBy(() -> decrypt(impostor, sealed)).isInstanceOf(IOException.class);
    }

    @Test
    void rememberedResultsAreSealedPerOrganizationAndRefusedWhenAlteredMovedOrUnderAnotherKey() throws Exception {
        byte[] entry = new byte[32];
        RANDOM.nextBytes(entry);
        byte[] plain = "Patient.name[0]: 张三 is not valid".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var sealer = cipher.resultSealer(7);
        byte[] sealed = sealer.seal(plain, entry);
        assertThat(indexOf(sealed, plain)).isNegative();
        assertThat(sealer.open(sealed, entry)).isEqualTo(plain);
        assertThat(sealer.seal(plain, entry)).as("a fresh nonce each time").isNotEqualTo(sealed);

        byte[] altered = sealed.clone();
        altered[altered.length - 20] ^= 1;
        assertThatThrownBy(() -> sealer.open(altered, entry)).isInstanceOf(java.io.IOException.class);
        byte[] otherEntry = entry.clone();
        otherEntry[0] ^= 1;
        assertThatThrownBy(() -> sealer.open(sealed, otherEntry)).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> cipher.resultSealer(8).open(sealed, entry)).as("another organization")
                .isInstanceOf(java.io.IOException.class);
        // after a key rotation the old results still open while the old key is configured, then they are misses
        assertThat(new SubmissionCipher("k2", Map.of("k1", k1, "k2", key())).resultSealer(7).open(sealed, entry))
                .isEqualTo(plain);
        assertThatThrownBy(() -> new SubmissionCipher("k2", Map.of("k2", key())).resultSealer(7).open(sealed, entry))
                .isInstanceOf(java.io.IOException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
