package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;

/**
 * A real server of a virtual service ({@code struct ip_vs_dest}): its
 * settings, its connection counters and its flags.
 */
public final class RealServer {

    private final ServiceKey service;
    private final Ipv4Address address;
    private final int port;
    ForwardMethod forward;
    int weight;
    /** The latest non-zero weight ({@code last_weight}), used by mh. */
    int lastWeight;
    int upperThreshold;
    int lowerThreshold;
    int activeConns;
    int inactConns;
    int persistConns;
    /** {@code IP_VS_DEST_F_OVERLOAD}. */
    boolean overloaded;
    /** {@code IP_VS_DEST_F_AVAILABLE}: in its service's list (not deleted). */
    boolean available;
    /** The service whose list holds it while {@link #available} (spares a lookup by key per packet). */
    VirtualService owner;
    long deletedAt;
    private final IpvsStats stats = new IpvsStats();

    RealServer(ServiceKey service, Ipv4Address address, int port) {
        this.service = service;
        this.address = address;
        this.port = port;
    }

    /** The service this real server belongs (or belonged) to. */
    public ServiceKey service() {
        return service;
    }

    public Ipv4Address address() {
        return address;
    }

    public int port() {
        return port;
    }

    public ForwardMethod forward() {
        return forward;
    }

    public int weight() {
        return weight;
    }

    public int upperThreshold() {
        return upperThreshold;
    }

    public int lowerThreshold() {
        return lowerThreshold;
    }

    /** ESTABLISHED TCP connections. */
    public int activeConns() {
        return activeConns;
    }

    /** Every other non-template connection (TCP not ESTABLISHED, all UDP). */
    public int inactConns() {
        return inactConns;
    }

    /** Persistence templates pointing here. */
    public int persistConns() {
        return persistConns;
    }

    public boolean overloaded() {
        return overloaded;
    }

    public boolean available() {
        return available;
    }

    public IpvsStats stats() {
        return stats;
    }

    /** {@code ip_vs_dest_conn_overhead}: {@code activeconns << 8 + inactconns}. */
    long overhead() {
        return ((long) activeConns << 8) + inactConns;
    }

    /** {@code ip_vs_dest_totalconns}. */
    int totalConns() {
        return activeConns + inactConns;
    }

    @Override
    public String toString() {
        return address + ":" + port;
    }
}
