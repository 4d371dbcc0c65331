package org.hmbd.registry.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CertificateNumbersTest {

    @Test
    void aNumberCarriesSixtyRandomBitsInUnambiguousLetters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = Certificates.newNumber(2026);
            assertThat(n).matches("HMBD-2026(-[0-9A-HJKMNP-TV-Z]{4}){3}").hasSizeLessThanOrEqualTo(40);
            seen.add(n);
        }
        assertThat(seen).as("no two alike").hasSize(10_000);
        // every one of the 32 letters turns up: not a narrower alphabet
        Set<Character> letters = new HashSet<>();
        seen.forEach(n -> n.substring(10).replace("-", "").chars().forEach(c -> letters.add((char) c)));
        assertThat(letters).hasSize(32);
    }
}
