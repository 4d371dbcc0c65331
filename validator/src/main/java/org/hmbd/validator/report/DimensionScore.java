package org.hmbd.validator.report;

/** A dimension's score: the share of its checks that passed, 0-100 (null when nothing was checked). */
public record DimensionScore(long passed, long total, Double score, int weight) {
}
