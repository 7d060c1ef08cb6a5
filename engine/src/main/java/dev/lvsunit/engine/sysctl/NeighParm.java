package dev.lvsunit.engine.sysctl;

/**
 * The per-interface neighbour parameters, {@code NEIGH_VAR_*} of
 * {@code include/net/neighbour.h}, with the defaults of {@code arp_tbl} in
 * {@code net/ipv4/arp.c}. As in the kernel, times are kept in jiffies
 * ({@link ProcConv#HZ}); {@link NeighParms#get} shows them in milliseconds.
 */
public enum NeighParm {
    MCAST_PROBES(3, false),
    UCAST_PROBES(3, false),
    APP_PROBES(0, false),
    MCAST_REPROBES(0, false),
    RETRANS_TIME(1000, true),
    BASE_REACHABLE_TIME(30_000, true),
    DELAY_PROBE_TIME(5000, true),
    INTERVAL_PROBE_TIME_MS(5000, true),
    GC_STALETIME(60_000, true),
    QUEUE_LEN_BYTES(212_992, false),
    PROXY_QLEN(64, false),
    ANYCAST_DELAY(1000, true),
    PROXY_DELAY(800, true),
    LOCKTIME(1000, true);

    private final int compiledDefault;
    private final boolean time;

    NeighParm(int compiledDefault, boolean time) {
        this.compiledDefault = compiledDefault;
        this.time = time;
    }

    /** The default of {@code arp_tbl}; times in milliseconds. */
    public int compiledDefault() {
        return compiledDefault;
    }

    /** Whether the parameter is a time (kept in jiffies). */
    public boolean isTime() {
        return time;
    }

    /** The default as the kernel stores it: jiffies for times. */
    int compiledStored() {
        return time ? compiledDefault / ProcConv.MSEC_PER_JIFFY : compiledDefault;
    }
}
