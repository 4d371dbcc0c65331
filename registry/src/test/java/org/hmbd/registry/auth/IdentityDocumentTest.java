package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hmbd.registry.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityDocumentTest {

    @ParameterizedTest
    // the example numbers of GB 11643-1999's annex and of public explanations of the check character
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "110101199003074477"})
    void acceptsResidentIdentityNumbersWithTheRightCheckCharacter(String number) {
        assertThat(IdentityDocument.RESIDENT_ID_CARD.normalize("idNumber", number.toLowerCase())).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "11010519491231002", "1101051949123100212", "010105194912310023",
            "110105194913310029", "110105209912310027", "11010519491231002Y", "11010519490229002X"})
    void refusesAWrongCheckCharacterLengthOrBirthDate(String number) {
        assertThatThrownBy(() -> IdentityDocument.RESIDENT_ID_CARD.normalize("idNumber", number))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("id-number-check"));
    }

    @Test
    void otherDocumentsHaveTheirOwnFormats() {
        assertThat(IdentityDocument.PASSPORT.normalize("idNumber", "e 1234 5678")).isEqualTo("E12345678");
        assertThat(IdentityDocument.HK_MACAO_PERMIT.normalize("idNumber", "H12345678")).isEqualTo("H12345678");
        assertThat(IdentityDocument.TAIWAN_PERMIT.normalize("idNumber", "12345678")).isEqualTo("12345678");
        assertThatThrownBy(() -> IdentityDocument.HK_MACAO_PERMIT.normalize("idNumber", "X12345678"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("id-number"));
    }

    @Test
    void masksShowNoMoreThanTheEnds() {
        assertThat(IdentityDocument.RESIDENT_ID_CARD.mask("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(IdentityDocument.PASSPORT.mask("E12345678")).isEqualTo("E******78");
        assertThat(IdentityDocument.maskName("张三")).isEqualTo("张*");
        assertThat(IdentityDocument.maskName("王小明")).isEqualTo("王**");
        assertThat(IdentityDocument.maskName("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(IdentityDocument.maskName("Li Wei")).isEqualTo("L. W.");
    }
}
