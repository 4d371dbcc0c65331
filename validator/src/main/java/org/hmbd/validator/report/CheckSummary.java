package org.hmbd.validator.report;

import java.util.List;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Severity;
import org.hmbd.validator.Text;

/** All findings of one check in a run: how many, how severe, and a few examples. */
public record CheckSummary(String checkId, Severity severity, Dimension dimension, long count, String rule,
                           Text message, List<String> examples) {
}
