package org.hmbd.registry.standard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardLevelTest {

    @ParameterizedTest
    @CsvSource({"WS,WS/T 1001,true", "WS,WS 363.1,true", "GB,GB/T 2261.1,true", "GB,WS/T 1,false",
            "DB,DB35/T 1001,true", "DB,DB/T 1,false", "T,T/CHIA 1001,true", "T,T 1001,false",
            "WS,WS/T 1001-2026,false", "WS,WS/T1001,false"})
    void recognisesTheNumberShapeOfEachLevel(StandardLevel level, String number, boolean expected) {
        assertThat(level.isNumber(number)).isEqualTo(expected);
    }
}
