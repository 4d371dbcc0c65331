package org.hmbd.validator.report;

import java.util.List;
import java.util.Map;
import org.hmbd.validator.Dimension;
import org.hmbd.validator.Text;

/**
 * Scores of a run.
 *
 * @param overall weighted mean of the dimensions that had checks, 0-100 (null if none had)
 * @param level the highest level reached, or null
 * @param mandatoryFailures ids of mandatory rules that failed (they cap the level)
 * @param passed no finding of severity error
 */
public record Scores(Double overall, Map<Dimension, DimensionScore> dimensions, LevelResult level,
                     List<String> mandatoryFailures, boolean passed) {

    public record LevelResult(String code, Text title, double minScore) {
    }
}
