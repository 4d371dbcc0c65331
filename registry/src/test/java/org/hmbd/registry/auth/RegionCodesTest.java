package org.hmbd.registry.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hmbd.registry.shared.DomainException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionCodesTest {

    @ParameterizedTest
    @CsvSource({"100000,NATIONAL", "350000,PROVINCE", "350100,PREFECTURE", "350102,COUNTY",
            "350102,INSTITUTION", "110000,INSTITUTION", "820000,PROVINCE"})
    void acceptsCodesThatFitTheLevel(String code, OrganizationLevel level) {
        assertThat(RegionCodes.check("regionCode", code, level)).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"350000,NATIONAL", "100000,PROVINCE", "350100,PROVINCE", "350000,PREFECTURE",
            "350100,COUNTY", "990000,PROVINCE", "35000,PROVINCE", "35000A,COUNTY", "'',COUNTY"})
    void refusesCodesThatDoNotFitTheLevel(String code, OrganizationLevel level) {
        assertThatThrownBy(() -> RegionCodes.check("regionCode", code, level))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.properties()).containsEntry("field", "regionCode"));
    }

    @ParameterizedTest
    @CsvSource({"350102,350000", "110101,110000", "100000,100000"})
    void findsTheProvinceOfARegion(String code, String province) {
        assertThat(RegionCodes.province(code)).isEqualTo(province);
    }
}
