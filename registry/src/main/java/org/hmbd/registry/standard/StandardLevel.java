package org.hmbd.registry.standard;

import java.util.regex.Pattern;

/**
 * The level of a standard and the shape of its number: national {@code GB}, health industry
 * {@code WS}, local {@code DBnn}, group {@code T/ABBR}; {@code /T} marks a recommended standard.
 */
public enum StandardLevel {
    GB("GB(/T)? \\d+(\\.\\d+)*"),
    WS("WS(/T)? \\d+(\\.\\d+)*"),
    DB("DB\\d{2}(/T)? \\d+(\\.\\d+)*"),
    T("T/[A-Z]{2,12} \\d+(\\.\\d+)*");

    private final Pattern number;

    StandardLevel(String number) {
        this.number = Pattern.compile(number);
    }

    /** Whether a standard number (the code without its year) has this level's shape. */
    public boolean isNumber(String candidate) {
        return number.matcher(candidate).matches();
    }
}
