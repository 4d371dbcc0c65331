package org.hmbd.validator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.BiConsumer;
import org.hmbd.validator.Dimension;

/** A manifest rule: its stable id (the check id of its findings) and the dimension it scores. */
abstract class BaseRule implements Rule {

    protected final String id;
    protected final Dimension dimension;

    BaseRule(String id, Dimension dimension) {
        this.id = id;
        this.dimension = dimension;
    }

    /**
     * Each item of an element that is a list in some resources and at most one in others
     * ({@code Patient.address} against {@code Location.address}, {@code Patient.identifier} against
     * {@code AdverseEvent.identifier}), with its path: {@code path[i]} in a list, {@code path} alone.
     * Anything else (missing, or a malformed primitive) has no items: HAPI reports the structure.
     */
    static void forEachItem(JsonNode node, String path, BiConsumer<JsonNode, String> action) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                action.accept(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            action.accept(node, path);
        }
    }

    @Override
    public String id() {
        return id;
    }
}
