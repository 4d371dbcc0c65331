package org.hmbd.validator.rules;

import java.time.Instant;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Finding;

/** What a rule reports to: findings, and pass/fail outcomes that the scores count. */
public interface RuleContext {

    void finding(Finding finding);

    /** One execution of a check, passed or failed, counted in its dimension's score. */
    void outcome(Dimension dimension, String checkId, boolean passed);

    /** The moment the run started: "the future" is measured from it. */
    Instant now();
}
