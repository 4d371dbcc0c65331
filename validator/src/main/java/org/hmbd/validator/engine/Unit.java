package org.hmbd.validator.engine;

/**
 * One resource to validate, as text, with where it came from.
 *
 * @param source input name (file, zip entry, "-" for standard input)
 * @param line first line of the resource in that input (1-based), 0 if not meaningful
 * @param text the resource as sent (JSON or XML)
 */
public record Unit(String source, long line, String text) {
}
