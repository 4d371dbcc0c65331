package org.hmbd.validator.rules;

import org.hmbd.validator.Dimension;

/** A manifest rule: its stable id (the check id of its findings) and the dimension it scores. */
abstract class BaseRule implements Rule {

    protected final String id;
    protected final Dimension dimension;

    BaseRule(String id, Dimension dimension) {
        this.id = id;
        this.dimension = dimension;
    }

    @Override
    public String id() {
        return id;
    }
}
