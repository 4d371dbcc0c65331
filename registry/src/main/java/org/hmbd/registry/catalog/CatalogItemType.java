package org.hmbd.registry.catalog;

import java.util.Locale;

/** The kinds of things in the resource catalog (Measures Art. 37). */
enum CatalogItemType {
    STANDARD,
    EDITION,
    DATA_ELEMENT,
    DATA_SET,
    VALUE_SET,
    CODE_SYSTEM,
    PROFILE,
    EXTENSION;

    /** The prefix of the item keys of this type, e.g. {@code value-set}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
