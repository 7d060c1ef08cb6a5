package dev.lvsunit.engine.sysctl;

import java.util.Locale;
import java.util.Optional;

/**
 * The files of {@code /proc/sys/net/ipv4/neigh/IFACE/} and the unit each shows
 * its {@link NeighParm} in ({@code neigh_sysctl_template} in
 * {@code net/core/neighbour.c}): seconds, USER_HZ ticks or milliseconds.
 */
enum NeighFile {
    ANYCAST_DELAY(NeighParm.ANYCAST_DELAY, Unit.TICKS, 0),
    APP_SOLICIT(NeighParm.APP_PROBES, Unit.COUNT, 0),
    BASE_REACHABLE_TIME(NeighParm.BASE_REACHABLE_TIME, Unit.SECONDS, Integer.MIN_VALUE),
    BASE_REACHABLE_TIME_MS(NeighParm.BASE_REACHABLE_TIME, Unit.MILLIS, Integer.MIN_VALUE),
    DELAY_FIRST_PROBE_TIME(NeighParm.DELAY_PROBE_TIME, Unit.SECONDS, Integer.MIN_VALUE),
    GC_STALE_TIME(NeighParm.GC_STALETIME, Unit.SECONDS, Integer.MIN_VALUE),
    INTERVAL_PROBE_TIME_MS(NeighParm.INTERVAL_PROBE_TIME_MS, Unit.MILLIS, 1),
    LOCKTIME(NeighParm.LOCKTIME, Unit.TICKS, Integer.MIN_VALUE),
    MCAST_RESOLICIT(NeighParm.MCAST_REPROBES, Unit.COUNT, 0),
    MCAST_SOLICIT(NeighParm.MCAST_PROBES, Unit.COUNT, 0),
    PROXY_DELAY(NeighParm.PROXY_DELAY, Unit.TICKS, Integer.MIN_VALUE),
    PROXY_QLEN(NeighParm.PROXY_QLEN, Unit.COUNT, 0),
    RETRANS_TIME(NeighParm.RETRANS_TIME, Unit.TICKS, Integer.MIN_VALUE),
    RETRANS_TIME_MS(NeighParm.RETRANS_TIME, Unit.MILLIS, Integer.MIN_VALUE),
    UCAST_SOLICIT(NeighParm.UCAST_PROBES, Unit.COUNT, 0),
    UNRES_QLEN(NeighParm.QUEUE_LEN_BYTES, Unit.PACKETS, 0),
    UNRES_QLEN_BYTES(NeighParm.QUEUE_LEN_BYTES, Unit.COUNT, 0),
    GC_INTERVAL(null, Unit.SECONDS, Integer.MIN_VALUE),
    GC_THRESH1(null, Unit.COUNT, Integer.MIN_VALUE),
    GC_THRESH2(null, Unit.COUNT, Integer.MIN_VALUE),
    GC_THRESH3(null, Unit.COUNT, Integer.MIN_VALUE);

    private enum Unit { COUNT, SECONDS, TICKS, MILLIS, PACKETS }

    private final NeighParm parm;
    private final Unit unit;
    private final int minimum;

    NeighFile(NeighParm parm, Unit unit, int minimum) {
        this.parm = parm;
        this.unit = unit;
        this.minimum = minimum;
    }

    String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    NeighParm parm() {
        return parm;
    }

    /** gc_interval and gc_thresh* exist only in {@code neigh/default}. */
    boolean tableWide() {
        return parm == null;
    }

    int gcIndex() {
        return ordinal() - GC_INTERVAL.ordinal();
    }

    /** The smallest value {@code proc_dointvec_minmax} accepts ({@code SYSCTL_ZERO} for counts). */
    int minimum() {
        return minimum;
    }

    int fromStored(int stored) {
        switch (unit) {
            case SECONDS:
                return stored / 1000;
            case TICKS:
                return stored / 10;
            case PACKETS:
                return stored / Sysctl.ETH_FRAME_TRUESIZE;
            default:
                return stored;
        }
    }

    int toStored(int value) {
        switch (unit) {
            case SECONDS:
                return value * 1000;
            case TICKS:
                return value * 10;
            case PACKETS:
                return value * Sysctl.ETH_FRAME_TRUESIZE;
            default:
                return value;
        }
    }

    static Optional<NeighFile> byFileName(String name) {
        for (NeighFile f : values()) {
            if (f.fileName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
