package org.hmbd.validator.rules;

import java.util.Set;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/** Administrative division codes (GB/T 2260) in addresses: six digits under a known province. */
final class DivisionCodeRule extends BaseRule {

    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private final String extensionUrl;

    DivisionCodeRule(String id, String extensionUrl, Dimension dimension) {
        super(id, dimension);
        this.extensionUrl = extensionUrl;
    }


    static boolean valid(String code) {
        return code != null && code.matches("\\d{6}") && PROVINCES.contains(code.substring(0, 2));
    }

    @Override
    public void check(ResourceView r, RuleContext ctx) {
        // a list (Patient, Organization, ...), or at most one (Location)
        forEachItem(r.json().path("address"), r.resourceType() + ".address", (address, at) ->
                forEachItem(address.path("extension"), at + ".extension", (ext, path) -> {
                    if (!extensionUrl.equals(ext.path("url").asText(null))) {
                        return;
                    }
                    String code = ext.path("valueCode").asText(null);
                    boolean ok = valid(code);
                    ctx.outcome(dimension, id, ok);
                    if (!ok) {
                        ctx.finding(r.finding(id, Severity.ERROR, dimension, path + ".valueCode",
                                Text.of("行政区划代码 " + code + " 不是有效的 GB/T 2260 代码",
                                        "Division code " + code + " is not a valid GB/T 2260 code"), id));
                    }
                }));
    }
}
