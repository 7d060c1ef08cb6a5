package dev.lvsunit.engine.neigh;

/**
 * The {@code NEIGH_UPDATE_F_*} flags of {@code include/net/neighbour.h} that
 * the IPv4 paths use, passed to {@link NeighTable#update}.
 */
public enum NeighUpdateFlag {
    /** {@code NEIGH_UPDATE_F_OVERRIDE}: a different MAC may replace the cached one. */
    OVERRIDE,
    /**
     * {@code NEIGH_UPDATE_F_WEAK_OVERRIDE}: a different MAC makes a connected
     * entry STALE instead of replacing it (IPv6 uses it; ARP never does).
     */
    WEAK_OVERRIDE,
    /** {@code NEIGH_UPDATE_F_ADMIN}: an administrative change, allowed on PERMANENT and NOARP entries. */
    ADMIN
}
