package dev.lvsunit.engine.sysctl;

/**
 * The per-interface neighbour parameters, {@code NEIGH_VAR_*} of
 * {@code include/net/neighbour.h}, with the defaults of {@code arp_tbl} in
 * {@code net/ipv4/arp.c}. Durations are held in milliseconds.
 */
public enum NeighParm {
    MCAST_PROBES(3),
    UCAST_PROBES(3),
    APP_PROBES(0),
    MCAST_REPROBES(0),
    RETRANS_TIME(1000),
    BASE_REACHABLE_TIME(30_000),
    DELAY_PROBE_TIME(5000),
    INTERVAL_PROBE_TIME_MS(5000),
    GC_STALETIME(60_000),
    QUEUE_LEN_BYTES(212_992),
    PROXY_QLEN(64),
    ANYCAST_DELAY(1000),
    PROXY_DELAY(800),
    LOCKTIME(1000);

    private final int compiledDefault;

    NeighParm(int compiledDefault) {
        this.compiledDefault = compiledDefault;
    }

    public int compiledDefault() {
        return compiledDefault;
    }
}
