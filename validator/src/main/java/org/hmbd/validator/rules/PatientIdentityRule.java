package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/**
 * One identifier for one person (Art. 29), across the whole submission: patients sharing a
 * resident identity number must agree on sex and birth date, and both must agree with what the
 * number itself encodes (birth date in digits 7-14, sex in the parity of digit 17).
 */
final class PatientIdentityRule extends BaseRule {

    private final String system;
    /** Resident identity numbers (17 digits and a check character) packed into a long. */
    private final LongKeyMap<Object> byNumber = new LongKeyMap<>(true);
    /** Any other identifier value of the system (rare: malformed numbers). */
    private final Map<String, List<Seen>> byOtherValue = new ConcurrentHashMap<>();

    /**
     * What is kept of each patient record until the end of the run: small, there may be millions.
     *
     * @param fullUrl the record's reference when it has no id (Bundle entries), else null
     */
    private record Seen(String fullUrl, int facts, String id, String source, long line, int entry, String prefix,
                        int index) {

        String reference() {
            return fullUrl != null ? fullUrl : "Patient/" + id;
        }

        Finding finding(String checkId, Severity severity, Dimension dimension, Text message, String rule) {
            return new Finding(checkId, severity, dimension, source, line, 0, entry,
                    prefix + "Patient.identifier[" + index + "]", "Patient", id, message, rule);
        }
    }

    PatientIdentityRule(String id, String system, Dimension dimension) {
        super(id, dimension);
        this.system = system;
    }


    @Override
    public void check(ResourceView r, RuleContext ctx) {
        if (!"Patient".equals(r.resourceType())) {
            return;
        }
        JsonNode identifiers = r.json().path("identifier");
        String gender = r.json().path("gender").asText(null);
        String birthDate = r.json().path("birthDate").asText(null);
        // Patient.identifier is a list; anything else is a structure error that HAPI reports
        for (int i = 0; identifiers.isArray() && i < identifiers.size(); i++) {
            JsonNode ident = identifiers.get(i);
            if (!system.equals(ident.path("system").asText(null))) {
                continue;
            }
            String value = ident.path("value").asText("").toUpperCase();
            if (value.isEmpty()) {
                continue;
            }
            checkEncodedFacts(r, ctx, value, gender, birthDate, i);
            // keep only what the cross-resource check needs, not the whole resource
            Seen seen = new Seen(r.id() == null ? r.fullUrl() : null, Packed.pack(gender, birthDate), r.id(),
                    r.source(), r.line(), r.entry(), r.prefix(), i);
            long number = packNumber(value);
            if (number >= 0) {
                byNumber.merge(number, seen, PatientIdentityRule::both);
            } else {
                byOtherValue.computeIfAbsent(value, k -> java.util.Collections.synchronizedList(new ArrayList<>(1)))
                        .add(seen);
            }
        }
    }

    private void checkEncodedFacts(ResourceView r, RuleContext ctx, String value, String gender, String birthDate,
                                   int index) {
        if (!value.matches("\\d{17}[\\dX]")) {
            return;
        }
        String encodedBirth = value.substring(6, 10) + "-" + value.substring(10, 12) + "-" + value.substring(12, 14);
        String encodedGender = (value.charAt(16) - '0') % 2 == 1 ? "male" : "female";
        boolean birthOk = birthDate == null || birthDate.equals(encodedBirth);
        boolean genderOk = gender == null || "unknown".equals(gender) || "other".equals(gender)
                || gender.equals(encodedGender);
        ctx.outcome(dimension, id + "-ENCODED", birthOk && genderOk);
        String masked = Masking.identifier(value);
        if (!birthOk) {
            ctx.finding(r.finding(id + "-ENCODED", Severity.ERROR, dimension, "Patient.birthDate",
                    Text.of("出生日期 " + birthDate + " 与身份证号 " + masked + " 中的出生日期不一致",
                            "Birth date " + birthDate + " differs from the one in identity number " + masked), id));
        }
        if (!genderOk) {
            ctx.finding(r.finding(id + "-ENCODED", Severity.ERROR, dimension, "Patient.gender",
                    Text.of("性别 " + gender + " 与身份证号 " + masked + " 中的性别不一致",
                            "Gender " + gender + " differs from the one in identity number " + masked), id));
        }
    }

    /** 18-character resident identity numbers as a long ≥ 1 (check character X as 10), else -1. */
    static long packNumber(String value) {
        if (value.length() != 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < 17; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        char check = value.charAt(17);
        int last = check == 'X' ? 10 : check >= '0' && check <= '9' ? check - '0' : -1;
        return last < 0 ? -1 : n * 11 + last + 1;
    }

    static String unpackNumber(long packed) {
        long last = (packed - 1) % 11;
        String digits = String.format("%017d", (packed - 1) / 11);
        return digits + (last == 10 ? "X" : String.valueOf(last));
    }

    /** One record, or the list of all records, of an identifier. */
    @SuppressWarnings("unchecked")
    private static Object both(Object existing, Object added) {
        List<Seen> list;
        if (existing instanceof List<?> l) {
            list = (List<Seen>) l;
        } else {
            list = new ArrayList<>(2);
            list.add((Seen) existing);
        }
        list.add((Seen) added);
        return list;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void finish(RuleContext ctx) {
        byNumber.forEach((number, value) -> judge(unpackNumber(number),
                value instanceof List<?> l ? (List<Seen>) l : List.of((Seen) value), ctx));
        byOtherValue.forEach((value, seen) -> judge(value, seen, ctx));
    }

    private void judge(String identifier, List<Seen> seen, RuleContext ctx) {
        long records = seen.stream().map(Seen::reference).distinct().count();
        boolean consistent = seen.stream().mapToInt(Seen::facts).distinct().count() == 1;
        ctx.outcome(dimension, id, consistent);
        String masked = Masking.identifier(identifier);
        if (!consistent) {
            for (Seen s : seen) {
                ctx.finding(s.finding(id, Severity.ERROR, dimension,
                        Text.of("身份证号 " + masked + " 对应的 " + seen.size() + " 条患者记录性别或出生日期不一致",
                                "The " + seen.size() + " patient records with identity number " + masked
                                        + " disagree on gender or birth date"), id));
            }
        } else if (records > 1) {
            for (Seen s : seen) {
                ctx.finding(s.finding(id + "-DUPLICATE", Severity.WARNING, dimension,
                        Text.of("身份证号 " + masked + " 出现在 " + records + " 条患者记录中（重复建档）",
                                "Identity number " + masked + " appears on " + records
                                        + " patient records (duplicate registration)"), id));
            }
        }
    }
}
