package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/**
 * Completeness as fill rates of the must-support elements of each profiled resource type over the
 * whole submission: every (resource, element) pair is one check; the run's findings name each
 * element below 100% with its rate.
 */
public final class CompletenessRule extends BaseRule {

    private final Map<String, List<String>> elementsByType;
    private final Map<String, AtomicLong[]> counts = new ConcurrentHashMap<>();

    CompletenessRule(String id, Dimension dimension, Map<String, List<String>> elementsByType) {
        super(id, dimension);
        this.elementsByType = elementsByType;
    }


    @Override
    public void check(ResourceView r, RuleContext ctx) {
        List<String> elements = elementsByType.get(r.resourceType());
        if (elements == null) {
            return;
        }
        for (String element : elements) {
            boolean present = present(r.json(), element.substring(element.indexOf('.') + 1).split("\\."), 0);
            AtomicLong[] c = counts.computeIfAbsent(r.resourceType() + "|" + element,
                    k -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
            c[1].incrementAndGet();
            if (present) {
                c[0].incrementAndGet();
            }
            ctx.outcome(dimension, id, present);
        }
    }

    static boolean present(JsonNode node, String[] path, int i) {
        if (i == path.length) {
            return !node.isMissingNode() && !node.isNull() && !(node.isContainerNode() && node.isEmpty());
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (present(item, path, i)) {
                    return true;
                }
            }
            return false;
        }
        String name = path[i];
        if (name.endsWith("[x]")) {
            String prefix = name.substring(0, name.length() - 3);
            var fields = node.properties();
            for (Map.Entry<String, JsonNode> f : fields) {
                if (f.getKey().startsWith(prefix) && f.getKey().length() > prefix.length()
                        && Character.isUpperCase(f.getKey().charAt(prefix.length()))
                        && present(f.getValue(), path, i + 1)) {
                    return true;
                }
            }
            return false;
        }
        return present(node.path(name), path, i + 1);
    }

    @Override
    public void finish(RuleContext ctx) {
        for (FillRate f : fillRates()) {
            if (f.present() < f.total()) {
                String pct = String.format("%.1f%%", 100 * f.rate());
                ctx.finding(new org.hmbd.validator.Finding(id, Severity.INFORMATION, dimension, null, 0, 0, -1,
                        f.element(), f.resourceType(), null,
                        Text.of(f.element() + " 的填充率为 " + pct + "（" + f.present() + "/" + f.total() + "）",
                                f.element() + " is filled in " + pct + " (" + f.present() + "/" + f.total() + ")"),
                        id));
            }
        }
    }

    public List<FillRate> fillRates() {
        List<FillRate> result = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("\\|", 2);
            result.add(new FillRate(key[0], key[1], e.getValue()[0].get(), e.getValue()[1].get()));
        });
        return result;
    }
}
