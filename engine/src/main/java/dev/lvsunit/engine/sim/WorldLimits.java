package dev.lvsunit.engine.sim;

/**
 * The bounds that keep every simulated world finite, where a real network would
 * run on for ever or a person would press Ctrl-C.
 *
 * <p>Real kernels bound what a single packet can do (the TTL, the neighbour
 * queue's {@code unres_qlen_bytes}, a device's transmit queue); nothing bounds
 * a command that runs for a year of virtual time with a timer every 10 ms, or a
 * storm that two misconfigured hosts keep alive. These limits do: when one is
 * reached the world stops (see {@link EventQueue#cutShort()}).
 *
 * @param maxEventsPerCommand how much work one command may make the world do:
 *     events run plus wake-ups (calls to {@link EventQueue#runUntil}), counted
 *     from {@link EventQueue#beginCommand()}
 * @param maxEvents how many events a world may run in its whole life
 * @param maxPendingEvents how many events (frames in flight, timers) may wait
 *     at once
 * @param maxTime how far the virtual clock may go, in nanoseconds
 */
public record WorldLimits(long maxEventsPerCommand, long maxEvents, int maxPendingEvents, long maxTime) {

    /** A hundred years of 365 days, in nanoseconds. */
    public static final long HUNDRED_YEARS = 100L * 365 * 86_400 * Durations.NANOS_PER_SECOND;

    /**
     * The defaults: one million events per command (a few seconds of real
     * time), twenty million per world, a million pending at once (a storm that
     * doubles at every hop gets there in twenty hops), a hundred years of
     * virtual time. A {@code ping -c 100000} fits in one
     * command; a ping through a forwarding loop (64 hops, then dropped) costs a
     * few hundred events; {@code sleep 31536000} (a year) costs only the timers
     * that fall due in it.
     */
    public static final WorldLimits DEFAULT = new WorldLimits(1_000_000, 20_000_000, 1_000_000, HUNDRED_YEARS);

    public WorldLimits {
        if (maxEventsPerCommand <= 0 || maxEvents <= 0 || maxPendingEvents <= 0 || maxTime <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxEventsPerCommand + ", "
                    + maxEvents + ", " + maxPendingEvents + ", " + maxTime);
        }
    }
}
