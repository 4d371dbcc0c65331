package org.hmbd.validator.rules;

/** How often a must-support element is filled over a whole submission. */
public record FillRate(String resourceType, String element, long present, long total) {

    public double rate() {
        return total == 0 ? 0 : (double) present / total;
    }
}
