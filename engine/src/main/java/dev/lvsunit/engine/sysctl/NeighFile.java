package dev.lvsunit.engine.sysctl;

import java.util.Locale;
import java.util.Optional;

/**
 * The files of {@code /proc/sys/net/ipv4/neigh/IFACE/} with the proc handler
 * of each ({@code neigh_sysctl_template} in {@code net/core/neighbour.c}):
 * the conversion of its unit and the range {@code proc_dointvec_minmax}
 * enforces, on the stored value.
 */
enum NeighFile {
    /** {@code NEIGH_SYSCTL_USERHZ_JIFFIES_ENTRY}. */
    ANYCAST_DELAY(NeighParm.ANYCAST_DELAY, ProcConv.USERHZ_JIFFIES, null, null),
    /** {@code NEIGH_SYSCTL_ZERO_INTMAX_ENTRY}. */
    APP_SOLICIT(NeighParm.APP_PROBES, ProcConv.INT, 0, Integer.MAX_VALUE),
    /** {@code neigh_proc_base_reachable_time} with {@code proc_dointvec_jiffies}. */
    BASE_REACHABLE_TIME(NeighParm.BASE_REACHABLE_TIME, ProcConv.JIFFIES, null, null),
    /** {@code neigh_proc_base_reachable_time} with {@code proc_dointvec_ms_jiffies}. */
    BASE_REACHABLE_TIME_MS(NeighParm.BASE_REACHABLE_TIME, ProcConv.MS_JIFFIES, null, null),
    DELAY_FIRST_PROBE_TIME(NeighParm.DELAY_PROBE_TIME, ProcConv.JIFFIES, null, null),
    GC_STALE_TIME(NeighParm.GC_STALETIME, ProcConv.JIFFIES, null, null),
    /** {@code neigh_proc_dointvec_ms_jiffies_positive}: at least {@code msecs_to_jiffies(1)}. */
    INTERVAL_PROBE_TIME_MS(NeighParm.INTERVAL_PROBE_TIME_MS, ProcConv.MS_JIFFIES, 1, null),
    LOCKTIME(NeighParm.LOCKTIME, ProcConv.USERHZ_JIFFIES, null, null),
    MCAST_RESOLICIT(NeighParm.MCAST_REPROBES, ProcConv.INT, 0, Integer.MAX_VALUE),
    MCAST_SOLICIT(NeighParm.MCAST_PROBES, ProcConv.INT, 0, Integer.MAX_VALUE),
    PROXY_DELAY(NeighParm.PROXY_DELAY, ProcConv.USERHZ_JIFFIES, null, null),
    PROXY_QLEN(NeighParm.PROXY_QLEN, ProcConv.INT, 0, Integer.MAX_VALUE),
    RETRANS_TIME(NeighParm.RETRANS_TIME, ProcConv.USERHZ_JIFFIES, null, null),
    RETRANS_TIME_MS(NeighParm.RETRANS_TIME, ProcConv.MS_JIFFIES, null, null),
    UCAST_SOLICIT(NeighParm.UCAST_PROBES, ProcConv.INT, 0, Integer.MAX_VALUE),
    /**
     * {@code proc_unres_qlen}: packets, stored as bytes of
     * {@code SKB_TRUESIZE(ETH_FRAME_LEN)}, up to {@code INT_MAX} bytes.
     */
    UNRES_QLEN(NeighParm.QUEUE_LEN_BYTES, ProcConv.INT, 0, Integer.MAX_VALUE / Sysctl.ETH_FRAME_TRUESIZE),
    UNRES_QLEN_BYTES(NeighParm.QUEUE_LEN_BYTES, ProcConv.INT, 0, Integer.MAX_VALUE),
    /** Only in {@code neigh/default}: {@code proc_dointvec_jiffies}. */
    GC_INTERVAL(null, ProcConv.JIFFIES, null, null),
    /** Only in {@code neigh/default}: {@code proc_dointvec_minmax} from 0. */
    GC_THRESH1(null, ProcConv.INT, 0, Integer.MAX_VALUE),
    GC_THRESH2(null, ProcConv.INT, 0, Integer.MAX_VALUE),
    GC_THRESH3(null, ProcConv.INT, 0, Integer.MAX_VALUE);

    private final NeighParm parm;
    private final ProcConv conv;
    private final Integer min;
    private final Integer max;

    NeighFile(NeighParm parm, ProcConv conv, Integer min, Integer max) {
        this.parm = parm;
        this.conv = conv;
        this.min = min;
        this.max = max;
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

    /** The deprecated files {@code sysctl} leaves out of directory listings. */
    boolean deprecated() {
        return this == BASE_REACHABLE_TIME || this == RETRANS_TIME;
    }

    /** The text a read shows for a stored value. */
    String format(int stored) {
        if (this == UNRES_QLEN) {
            return Integer.toString(stored / Sysctl.ETH_FRAME_TRUESIZE);
        }
        return conv.format(stored);
    }

    /** The value to store for a write, or {@code null} for EINVAL. */
    Integer toStored(ProcInput input) {
        Integer v = conv.toStored(input);
        if (v == null || (min != null && v < min) || (max != null && v > max)) {
            return null;
        }
        return this == UNRES_QLEN ? v * Sysctl.ETH_FRAME_TRUESIZE : v;
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
