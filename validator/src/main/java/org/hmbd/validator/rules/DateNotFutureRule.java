package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/** Clinical and demographic dates must not lie in the future (one day of tolerance for time zones). */
final class DateNotFutureRule extends BaseRule {

    private static final Set<String> DATE_FIELDS = Set.of("birthDate", "recordedDate", "onsetDateTime",
            "abatementDateTime", "effectiveDateTime", "issued", "authoredOn", "deceasedDateTime", "occurrenceDateTime",
            "performedDateTime", "start", "end");


    DateNotFutureRule(String id, Dimension dimension) {
        super(id, dimension);
    }


    @Override
    public void check(ResourceView r, RuleContext ctx) {
        Instant limit = ctx.now().plus(Duration.ofDays(1));
        walk(r, r.json(), r.resourceType(), limit, ctx, 0);
    }

    private void walk(ResourceView r, JsonNode node, String path, Instant limit, RuleContext ctx, int depth) {
        if (depth > 12) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path + "." + e.getKey();
                if (e.getValue().isTextual() && DATE_FIELDS.contains(e.getKey())) {
                    Instant when = Dates.earliest(e.getValue().asText());
                    if (when != null) {
                        boolean ok = !when.isAfter(limit);
                        ctx.outcome(dimension, id, ok);
                        if (!ok) {
                            ctx.finding(r.finding(id, Severity.ERROR, dimension, child,
                                    Text.of("日期 " + e.getValue().asText() + " 晚于当前时间",
                                            "Date " + e.getValue().asText() + " is in the future"), id));
                        }
                    }
                } else if (!"contained".equals(e.getKey())) {
                    walk(r, e.getValue(), child, limit, ctx, depth + 1);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(r, node.get(i), path + "[" + i + "]", limit, ctx, depth + 1);
            }
        }
    }
}
