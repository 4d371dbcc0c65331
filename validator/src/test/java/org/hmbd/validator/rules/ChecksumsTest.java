package org.hmbd.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumsTest {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "440524188001010014"})
    void acceptsTheResidentIdentityNumbersPublishedInGb11643(String id) {
        assertThat(Checksums.residentId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "44052418800101001X", "11010519491231002", "1101051949123100XX",
            "A1010519491231002X", ""})
    void refusesWrongCheckCharactersAndShapes(String id) {
        assertThat(Checksums.residentId(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B"})
    void acceptsValidUnifiedSocialCreditCodes(String code) {
        assertThat(Checksums.unifiedSocialCreditCode(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y44", "91350100M000100I43", "91350100M000100Y4", "91350100m000100Y43"})
    void refusesWrongUnifiedSocialCreditCodes(String code) {
        assertThat(Checksums.unifiedSocialCreditCode(code)).isFalse();
    }

    @Test
    void computesTheCheckCharacterThatCompletesAnIdentifier() {
        assertThat(Checksums.residentIdCheck("11010519491231002")).isEqualTo('X');
        assertThat(Checksums.usccCheck("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void masksIdentifiersInMessages() {
        assertThat(Masking.identifier("11010519491231002X")).isEqualTo("110*************2X");
        assertThat(Masking.identifier("12345")).isEqualTo("*****");
    }
}
