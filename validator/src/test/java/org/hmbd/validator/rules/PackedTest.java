package org.hmbd.validator.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PackedTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "male, 1985-03-12, male, 1985-03-12",
            "female, 2001-12-31, female, 2001-12-31",
            "unknown, null, unknown, null",
            "null, 1990-01-01, null, 1990-01-01",
            "other, 1990, other, null",
            "m, 1990-01-01T10:00:00+08:00, invalid, 1990-01-01"})
    void keepsWhatTheRulesCompare(String gender, String birthDate, String expectedGender, String expectedBirth) {
        int packed = Packed.pack(gender, birthDate);
        assertThat(Packed.gender(packed)).isEqualTo(expectedGender);
        assertThat(Packed.birthDate(packed)).isEqualTo(expectedBirth);
    }

    @ParameterizedTest
    @CsvSource({"male, 1985-03-12, female, 1985-03-12", "male, 1985-03-12, male, 1985-03-13",
            "male, 1985-03-12, m, 1985-03-12"})
    void differentFactsPackDifferently(String g1, String b1, String g2, String b2) {
        assertThat(Packed.pack(g1, b1)).isNotEqualTo(Packed.pack(g2, b2));
    }
}
