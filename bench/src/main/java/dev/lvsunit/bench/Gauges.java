package dev.lvsunit.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures a benchmark measures besides its time (bytes per connection, heap
 * per host), handed to {@link BenchProfiler}, which reports them as secondary
 * results of the iteration that set them.
 */
public final class Gauges {

    private static final Map<String, Double> VALUES = new LinkedHashMap<>();

    private Gauges() {
    }

    /** Records {@code value} under {@code name} for the current iteration. */
    public static synchronized void set(String name, double value) {
        VALUES.put(name, value);
    }

    /** The gauges set since the last call, which clears them. */
    static synchronized Map<String, Double> drain() {
        Map<String, Double> out = new LinkedHashMap<>(VALUES);
        VALUES.clear();
        return out;
    }
}
