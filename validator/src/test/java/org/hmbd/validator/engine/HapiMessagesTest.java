package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hmbd.validator.Text;
import org.junit.jupiter.api.Test;

class HapiMessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyFullTranslationUsesOnlyArgumentsOfHapisEnglishPattern() {
        assertThat(HapiMessages.fullyTranslated()).hasSizeGreaterThanOrEqualTo(60);
        for (String id : HapiMessages.fullyTranslated()) {
            String en = HapiMessages.englishPattern(id);
            assertThat(en).as("HAPI has an English pattern for " + id).isNotNull();
            String zh = HapiMessages.full(id, new MessageFormat(en.strip(), Locale.ROOT).format(
                    new Object[] {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"}));
            assertThat(zh).as(id).isNotNull();
            assertThat(placeholders(zh)).as(id + ": no placeholder left").isEmpty();
        }
    }

    @Test
    void theArgumentsOfTheEnglishMessageGoIntoTheChineseText() {
        Text t = HapiMessages.translate("Validation_VAL_Profile_Minimum",
                "Encounter.period.start: minimum required = 1, but only found 0 (from "
                        + "http://fhir.hmbd-registry.org/sample/core/StructureDefinition/hmbd-encounter|0.1.0)");
        assertThat(t.zh()).isEqualTo("Encounter.period.start：至少需要 1 个，实际只有 0 个（依据 "
                + "http://fhir.hmbd-registry.org/sample/core/StructureDefinition/hmbd-encounter|0.1.0）");
        assertThat(t.en()).startsWith("Encounter.period.start: minimum required = 1");

        assertThat(HapiMessages.translate("Terminology_TX_NoValid_16", "The value provided ('m') was not found in "
                + "the value set 'Administrative Gender' (http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1), "
                + "and a code is required from this value set  (error message = x)").zh())
                .startsWith("所给值“m”不在值集 'Administrative Gender'");
    }

    @Test
    void invariantsKeepTheirOwnBilingualTextInsideTheChineseFrame() {
        Text t = HapiMessages.translate("INV_FAILED_SOURCE", "Constraint failed: hmbd-pat-2: 'GB/T 2261.1 性别与 "
                + "FHIR gender 一致 / GB/T 2261.1 sex agrees with gender' (defined in http://example.org/sd)");
        assertThat(t.zh()).isEqualTo("约束不满足：hmbd-pat-2：“GB/T 2261.1 性别与 FHIR gender 一致 / GB/T 2261.1 sex "
                + "agrees with gender”（定义于 http://example.org/sd）");
    }

    @Test
    void anEnglishTextThatDoesNotFitThePatternKeepsTheShortTextAndTheEnglish() {
        Text t = HapiMessages.translate("Validation_VAL_Profile_Minimum", "something HAPI phrased differently");
        assertThat(t.zh()).isEqualTo("元素出现次数少于配置文件要求的最小基数（something HAPI phrased differently）");
        assertThat(HapiMessages.translate("No_Such_Id", "text").zh()).isEqualTo("（暂无中文译文）text");
        assertThat(HapiMessages.translate(null, "text").zh()).isEqualTo("（暂无中文译文）text");
    }
}
