package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/** Identifiers of a system must carry a valid check character (GB 11643 or GB 32100). */
final class IdentifierCheckRule extends BaseRule {

    private final String system;
    private final Predicate<String> valid;
    private final String algorithm;

    IdentifierCheckRule(String id, String system, String algorithm, Dimension dimension) {
        super(id, dimension);
        this.system = system;
        this.algorithm = algorithm;
        this.valid = switch (algorithm) {
            case "GB11643" -> Checksums::residentId;
            case "GB32100" -> Checksums::unifiedSocialCreditCode;
            default -> throw new IllegalArgumentException("unknown check-character algorithm " + algorithm);
        };
    }


    @Override
    public void check(ResourceView r, RuleContext ctx) {
        // a list, or at most one (AdverseEvent, Bundle, Composition, QuestionnaireResponse, ...)
        forEachItem(r.json().path("identifier"), r.resourceType() + ".identifier",
                (ident, path) -> check(r, ctx, ident, path + ".value"));
    }

    private void check(ResourceView r, RuleContext ctx, JsonNode ident, String location) {
        if (!system.equals(ident.path("system").asText(null))) {
            return;
        }
        String value = ident.path("value").asText("");
        boolean ok = valid.test(value);
        ctx.outcome(dimension, id, ok);
        if (!ok) {
            String masked = Masking.identifier(value);
            ctx.finding(r.finding(id, Severity.ERROR, dimension, location,
                    Text.of("标识符 " + masked + " 的校验码不正确（" + algorithm + "）",
                            "Identifier " + masked + " has a wrong check character (" + algorithm + ")"),
                    id));
        }
    }
}
