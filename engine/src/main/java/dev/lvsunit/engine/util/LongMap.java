package dev.lvsunit.engine.util;

import java.util.ArrayList;
import java.util.List;

/**
 * A hash map from {@code long} keys (addresses, MACs, virtual instants) to
 * objects, with the keys in a plain array: a lookup reads one slot of
 * {@code long}s instead of following a {@code HashMap} node to a boxed or
 * record key, which in a world of a hundred hosts is a cache miss per step;
 * and the keys are mixed, so that instants a round number of nanoseconds
 * apart do not pile into a few buckets as {@code Long.hashCode} lets them.
 * Open addressing with linear probing; removal shifts the probe run back, so
 * there are no tombstones. Iteration order is not defined: callers that list
 * entries keep their own order.
 *
 * @param <V> the value type; values are never {@code null}
 */
public final class LongMap<V> {

    private long[] keys = new long[8];
    private Object[] values = new Object[8];
    private int size;

    /** The value for {@code key}, or {@code null}. */
    @SuppressWarnings("unchecked")
    public V get(long key) {
        return (V) values[find(key)];
    }

    /** Maps {@code key} to {@code value}, replacing any value it had. */
    public void put(long key, V value) {
        if (value == null) {
            throw new NullPointerException("value");
        }
        if (2 * (size + 1) > keys.length) {
            resize(keys.length * 2);
        }
        int slot = find(key);
        if (values[slot] == null) {
            size++;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** Removes {@code key}'s mapping, if any. */
    public void remove(long key) {
        int mask = keys.length - 1;
        int slot = find(key);
        if (values[slot] == null) {
            return;
        }
        size--;
        // backward-shift deletion: move later members of the probe run into the hole
        int hole = slot;
        for (int next = (hole + 1) & mask; values[next] != null; next = (next + 1) & mask) {
            int home = hash(keys[next]) & mask;
            // the entry at next may move to hole unless its home lies in (hole, next]
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        values[hole] = null;
    }

    /** How many keys are mapped. */
    public int size() {
        return size;
    }

    /** A copy of the values, in no defined order. */
    @SuppressWarnings("unchecked")
    public List<V> values() {
        List<V> out = new ArrayList<>(size);
        for (Object v : values) {
            if (v != null) {
                out.add((V) v);
            }
        }
        return out;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (values[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static int hash(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
