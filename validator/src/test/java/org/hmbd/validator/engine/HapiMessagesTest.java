package org.hmbd.validator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
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
    void everyInvariantOfTheBaseSpecificationHasItsChineseText() {
        Set<String> missing = new TreeSet<>();
        var base = new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(ValidationEngine.fhirContext());
        for (Object o : base.fetchAllStructureDefinitions()) {
            var sd = (org.hl7.fhir.r4.model.StructureDefinition) o;
            sd.getSnapshot().getElement().forEach(e -> e.getConstraint().forEach(c -> {
                if (!HapiMessages.invariantTexts().containsKey(c.getHuman())) {
                    missing.add(c.getKey() + ": " + c.getHuman());
                }
            }));
        }
        assertThat(missing).isEmpty();
        assertThat(HapiMessages.invariantTexts()).hasSizeGreaterThan(200)
                .allSatisfy((en, zh) -> assertThat(zh).isNotBlank().isNotEqualTo(en));
        // inside HL7's frame, with the best-practice note HL7 appends
        assertThat(HapiMessages.translate("INV_FAILED_SOURCE", "Constraint failed: dom-6: 'A resource should have "
                + "narrative for robust management' (defined in http://hl7.org/fhir/StructureDefinition/DomainResource) "
                + "(Best Practice Recommendation)").zh())
                .isEqualTo("约束不满足：dom-6：“资源应有叙述文本，以便稳健管理”（定义于 "
                        + "http://hl7.org/fhir/StructureDefinition/DomainResource）（最佳实践建议）");
    }

    @Test
    void textsHl7WritesWithoutTheirIdOrUnderAnotherIdGetTheirChineseAndTheirId() {
        assertThat(HapiMessages.keyFor(null, "Object must have some content")).isEqualTo("Object_must_have_some_content");
        assertThat(HapiMessages.translate(null, "Unrecognized property 'unknownElement'").zh())
                .doesNotContain("暂无").contains("unknownElement");
        String slice = "This element does not match any known slice defined in the profile http://x.org/p|1 (this may "
                + "not be a problem, but you should check that it's not intended to match a slice)";
        assertThat(HapiMessages.translate("Details_for__matching_against_Profile_", slice).zh())
                .isEqualTo("此元素不符合任何已知切片 （配置文件 http://x.org/p|1 中定义）（这不一定是问题，但请确认它是否本应符合某个切片）");
    }

    @Test
    void everyHapiMessageHasAFullChineseTranslation() {
        Set<String> ids = HapiMessages.hapiMessageIds();
        assertThat(ids).hasSizeGreaterThan(1400);
        assertThat(HapiMessages.fullyTranslated()).containsAll(ids);
    }

    /**
     * The arguments a pattern really shows, as HAPI formats it (MessageFormat): a lone apostrophe in
     * an English pattern ("doesn't") quotes the rest, so placeholders after it are never filled.
     */
    private static Set<String> arguments(String pattern) {
        Object[] marks = new Object[12];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = "\u27e6" + i + "\u27e7";
        }
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\u27e6(\\d+)\u27e7").matcher(new MessageFormat(pattern, Locale.ROOT).format(marks));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyChineseTextCarriesExactlyTheArgumentsOfItsEnglishForms() {
        Object[] args = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"};
        for (String id : HapiMessages.hapiMessageIds()) {
            Set<String> everyForm = null;
            for (String key : List.of(id, id + "_one", id + "_other")) {
                String en = HapiMessages.english(key);
                if (en == null || en.isEmpty()) {
                    continue;
                }
                String zh = HapiMessages.chinesePattern(key, id);
                assertThat(zh).as(key).isNotNull();
                assertThat(placeholders(zh)).as(key + ": every placeholder is filled").isEqualTo(arguments(zh));
                if (HapiMessages.hasOwnChinese(key)) {
                    assertThat(arguments(zh)).as(key).isEqualTo(arguments(en));
                } else {
                    // one text for all plural forms: it may use only arguments every form has
                    assertThat(arguments(zh)).as(key).isSubsetOf(arguments(en));
                    everyForm = everyForm == null ? arguments(en) : intersection(everyForm, arguments(en));
                }
                // what HAPI writes (MessageFormat with the arguments) comes out in Chinese, nothing left over
                String english = new MessageFormat(en, Locale.ROOT).format(args);
                String chinese = HapiMessages.full(id, english);
                assertThat(chinese).as(key + " gives a Chinese text").isNotNull();
                assertThat(placeholders(chinese)).as(key + ": no placeholder left").isEmpty();
                if (!english.contains("null")) {
                    assertThat(chinese).as(key + ": no missing argument").doesNotContain("null");
                }
            }
            if (everyForm != null) {
                assertThat(arguments(HapiMessages.chinesePattern(id, id)))
                        .as(id + " keeps every argument all its forms have").isEqualTo(everyForm);
            }
        }
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> r = new TreeSet<>(a);
        r.retainAll(b);
        return r;
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
    @Test
    void hapiFhirsOwnTerminologyMessagesComeOutInChinese() {
        assertThat(HapiMessages.translate("Terminology_PassThrough_TX_Message", "CodeSystem is unknown and can't be "
                + "validated: http://hl7.org/fhir/sid/icd-10 for 'http://hl7.org/fhir/sid/icd-10#J20.9'").zh())
                .isEqualTo("代码系统 http://hl7.org/fhir/sid/icd-10 未知（未加载），无法校验编码“http://hl7.org/fhir/sid/icd-10#J20.9”");
        assertThat(HapiMessages.translate("Terminology_PassThrough_TX_Message",
                "Unknown code 'http://terminology.hl7.org/CodeSystem/condition-clinical#sleeping'").zh())
                .isEqualTo("未知编码“http://terminology.hl7.org/CodeSystem/condition-clinical#sleeping”");
        // inside HL7's pass-through frame, the inner HAPI FHIR text is translated too
        assertThat(HapiMessages.translate("Terminology_PassThrough_TX_Message", "Unknown code 'http://x.org/cs#a' "
                + "for in-memory expansion of ValueSet 'http://x.org/vs' (for 'http://x.org/cs#a')").zh())
                .isEqualTo("术语服务提示：值集“http://x.org/vs”（内存展开）中没有编码“http://x.org/cs#a”（编码 http://x.org/cs#a）");
        // the UCUM library's texts, one inside the other, inside HL7's pass-through frame
        assertThat(HapiMessages.translate("Terminology_PassThrough_TX_Message", "Error processing unit 'beats': "
                + "The unit 'beats' is unknown' at position 0 (for 'http://unitsofmeasure.org#beats')").zh())
                .isEqualTo("术语服务提示：处理单位“beats”出错：单位“beats”未知（位置 0）（编码 http://unitsofmeasure.org#beats）");
        // a text that is none of them keeps the short Chinese frame and the English
        assertThat(HapiMessages.translate("Terminology_PassThrough_TX_Message", "something else entirely").zh())
                .startsWith("术语验证提示").contains("something else entirely");
    }

    @Test
    void everyUnkeyedHapiFhirMessageHasTheArgumentsOfItsEnglish() {
        Object[] args = {"a0", "a1", "a2", "a3", "a4", "a5"};
        assertThat(HapiMessages.unkeyedPatterns()).hasSizeGreaterThanOrEqualTo(10);
        for (HapiMessages.Unkeyed u : HapiMessages.unkeyedPatterns()) {
            assertThat(arguments(u.zh())).as(u.en()).isEqualTo(arguments(u.en())).isEqualTo(placeholders(u.zh()));
            String zh = HapiMessages.unkeyed(new MessageFormat(u.en(), Locale.ROOT).format(args));
            assertThat(zh).as(u.en()).isEqualTo(new MessageFormat(u.zh(), Locale.ROOT).format(args));
        }
    }
}
