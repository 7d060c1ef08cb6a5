package dev.lvsunit.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures a benchmark measures besides its time (bytes per connection, heap
 * per host), handed to {@link BenchProfiler}, which reports each one after
 * every iteration from the one that set it on (a benchmark runs in a JVM of
 * its own, so nothing leaks between benchmarks).
 */
public final class Gauges {

    private static final Map<String, Double> VALUES = new LinkedHashMap<>();

    private Gauges() {
    }

    /** Records {@code value} under {@code name}, replacing an earlier value. */
    public static synchronized void set(String name, double value) {
        VALUES.put(name, value);
    }

    /** Every gauge set so far. */
    static synchronized Map<String, Double> all() {
        return new LinkedHashMap<>(VALUES);
    }
}
