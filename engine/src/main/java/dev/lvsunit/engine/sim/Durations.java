package dev.lvsunit.engine.sim;

/** Conversions between the units the kernel uses and virtual nanoseconds. */
public final class Durations {

    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** One USER_HZ tick (1/100 s), the unit of {@code retrans_time} and {@code locktime}. */
    public static final long NANOS_PER_TICK = 10_000_000L;

    private Durations() {
    }

    public static long millis(long ms) {
        return ms * NANOS_PER_MILLI;
    }

    public static long seconds(long s) {
        return s * NANOS_PER_SECOND;
    }
}
