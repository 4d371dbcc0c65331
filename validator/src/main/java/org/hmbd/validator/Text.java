package org.hmbd.validator;

/** A user-facing text in Simplified Chinese and English. */
public record Text(String zh, String en) {

    public static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    public String in(String lang) {
        return "en".equals(lang) ? en : zh;
    }
}
