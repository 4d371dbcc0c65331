package org.hmbd.validator.rules;

import java.util.function.BiConsumer;

/**
 * Per-patient state for millions of patients: an open-addressing map from {@code long} keys to
 * an {@code int} and an optional object, without boxing or entry objects (~20 bytes a key instead
 * of ~100 for a {@code ConcurrentHashMap<String, …>}). Thread-safe by one lock: the work done
 * under it is tiny next to validating a resource.
 */
final class LongKeyMap<V> {

    /** Returned by {@link #getInt} for a key not in the map. */
    static final int NONE = Integer.MIN_VALUE;
    private static final long EMPTY = 0L;

    private long[] keys = new long[1024];
    private int[] ints = new int[1024];
    private Object[] objects;
    private int size;
    /** The key 0 marks empty slots, so its entry is kept apart. */
    private boolean hasZero;
    private int zeroInt;
    private Object zeroObject;

    LongKeyMap(boolean withObjects) {
        objects = withObjects ? new Object[1024] : null;
    }

    /** A 64-bit hash of a text (FNV-1a, then a final mix). */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    synchronized void putInt(long key, int value) {
        if (key == EMPTY) {
            size += hasZero ? 0 : 1;
            hasZero = true;
            zeroInt = value;
            return;
        }
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
        }
        ints[i] = value;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    synchronized int getInt(long key) {
        if (key == EMPTY) {
            return hasZero ? zeroInt : NONE;
        }
        int i = slot(key);
        return keys[i] == EMPTY ? NONE : ints[i];
    }

    /** Stores an object under a key; {@code merge} combines it with one already there. */
    @SuppressWarnings("unchecked")
    synchronized void merge(long key, V value, java.util.function.BinaryOperator<V> merge) {
        if (key == EMPTY) {
            zeroObject = hasZero ? merge.apply((V) zeroObject, value) : value;
            size += hasZero ? 0 : 1;
            hasZero = true;
            return;
        }
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            objects[i] = value;
            size++;
            if (size * 2 > keys.length) {
                grow();
            }
        } else {
            objects[i] = merge.apply((V) objects[i], value);
        }
    }

    /** Every key with its object. */
    @SuppressWarnings("unchecked")
    synchronized void forEach(BiConsumer<Long, V> action) {
        if (hasZero) {
            action.accept(EMPTY, (V) zeroObject);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], objects == null ? null : (V) objects[i]);
            }
        }
    }

    synchronized int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldInts = ints;
        Object[] oldObjects = objects;
        keys = new long[oldKeys.length * 2];
        ints = new int[oldKeys.length * 2];
        objects = oldObjects == null ? null : new Object[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                int i = slot(oldKeys[j]);
                keys[i] = oldKeys[j];
                ints[i] = oldInts[j];
                if (objects != null) {
                    objects[i] = oldObjects[j];
                }
            }
        }
    }
}
