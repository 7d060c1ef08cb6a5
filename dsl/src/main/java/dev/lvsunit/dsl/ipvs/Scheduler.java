package dev.lvsunit.dsl.ipvs;

import java.util.Locale;

/** The IPVS schedulers of the kernel, by the names {@code ipvsadm -s} takes. */
public enum Scheduler {
    /** Round robin. */
    RR,
    /** Weighted round robin. */
    WRR,
    /** Least connection. */
    LC,
    /** Weighted least connection (ipvsadm's default). */
    WLC,
    /** Locality-based least connection. */
    LBLC,
    /** Locality-based least connection with replication. */
    LBLCR,
    /** Destination hashing. */
    DH,
    /** Source hashing. */
    SH,
    /** Shortest expected delay. */
    SED,
    /** Never queue. */
    NQ,
    /** Weighted failover. */
    FO,
    /** Weighted overflow. */
    OVF,
    /** Maglev hashing. */
    MH,
    /** Weighted random twos choice. */
    TWOS;

    /** The name ipvsadm takes and prints: {@code rr}, {@code wlc}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
