package org.hmbd.validator.rules;

/**
 * A check beyond what profiles express. {@link #check} sees each resource once (from any thread);
 * {@link #finish} runs once after all resources, for checks across the whole submission.
 */
public interface Rule {

    String id();

    void check(ResourceView resource, RuleContext ctx);

    default void finish(RuleContext ctx) {
    }
}
