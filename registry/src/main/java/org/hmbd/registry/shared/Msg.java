package org.hmbd.registry.shared;

import java.util.Arrays;

/**
 * A localizable message: a key in {@code messages*.properties} and its arguments. Arguments that
 * are themselves {@code Msg} are resolved in the same locale first.
 */
public record Msg(String key, Object... args) {

    public static Msg of(String key, Object... args) {
        return new Msg(key, args);
    }

    @Override
    public String toString() {
        return args.length == 0 ? key : key + Arrays.toString(args);
    }
}
