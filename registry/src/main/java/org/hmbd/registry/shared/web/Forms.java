package org.hmbd.registry.shared.web;

/** What the page controllers do with form fields alike. */
public final class Forms {

    private Forms() {
    }

    /** A field left empty in a form (browsers send empty strings) as absent. */
    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
