package dev.lvsunit.dsl;

import dev.lvsunit.engine.sysctl.DevConf;

/**
 * Typed sysctl keys for what LVS setups touch. Each {@link ConfKey} is set on
 * {@code all}, {@code default} or an interface:
 *
 * <pre>{@code
 * rs1.sysctl(ARP_IGNORE.all(), 1);             // sysctl -w net.ipv4.conf.all.arp_ignore=1
 * rs1.sysctl(ARP_ANNOUNCE.on("eth0"), 2);      // sysctl -w net.ipv4.conf.eth0.arp_announce=2
 * director.sysctl(IP_FORWARD, 1);              // sysctl -w net.ipv4.ip_forward=1
 * }</pre>
 *
 * Values are the kernel's integers; the kernel accepts every integer for these
 * entries (arp_ignore 4 to 7 behave as 0), and so does the DSL.
 */
public final class Sysctls {

    /**
     * {@code arp_ignore}: which requests for a local address get a reply.
     * 0 any; 1 only when the target address is configured on the interface the
     * request came in on; 2 as 1 and the sender in that address's subnet; 3 not
     * for scope-host addresses; 8 none. The larger of {@code all} and the
     * interface counts.
     */
    public static final ConfKey ARP_IGNORE = new ConfKey(DevConf.ARP_IGNORE);
    /**
     * {@code arp_announce}: which source address ARP requests carry. 0 any
     * local address (the one of the packet that triggered the request);
     * 1 avoid addresses outside the target's subnet; 2 always the best address
     * of the outgoing interface. The larger of {@code all} and the interface counts.
     */
    public static final ConfKey ARP_ANNOUNCE = new ConfKey(DevConf.ARP_ANNOUNCE);
    /**
     * {@code arp_filter}: answer a request only when the route back to the
     * sender leaves through the interface it came in on. On when either
     * {@code all} or the interface is.
     */
    public static final ConfKey ARP_FILTER = new ConfKey(DevConf.ARP_FILTER);
    /** {@code arp_accept}: whether gratuitous ARP creates neighbour entries (2: only from the subnet). */
    public static final ConfKey ARP_ACCEPT = new ConfKey(DevConf.ARP_ACCEPT);
    /** {@code arp_notify}: send gratuitous ARP when an interface comes up or changes MAC. */
    public static final ConfKey ARP_NOTIFY = new ConfKey(DevConf.ARP_NOTIFY);
    /** {@code drop_gratuitous_arp}. */
    public static final ConfKey DROP_GRATUITOUS_ARP = new ConfKey(DevConf.DROP_GRATUITOUS_ARP);
    /** {@code proxy_arp}. */
    public static final ConfKey PROXY_ARP = new ConfKey(DevConf.PROXY_ARP);
    /** {@code rp_filter}: reverse-path filtering, 0 off, 1 strict, 2 loose; the larger counts. */
    public static final ConfKey RP_FILTER = new ConfKey(DevConf.RP_FILTER);
    /** {@code promote_secondaries}: deleting a primary address promotes a secondary instead of deleting them. */
    public static final ConfKey PROMOTE_SECONDARIES = new ConfKey(DevConf.PROMOTE_SECONDARIES);
    /** {@code forwarding}: per-interface IP forwarding ({@code conf/all/forwarding} is {@link #IP_FORWARD}). */
    public static final ConfKey FORWARDING = new ConfKey(DevConf.FORWARDING);
    /** {@code accept_local}: accept packets whose source is a local address. */
    public static final ConfKey ACCEPT_LOCAL = new ConfKey(DevConf.ACCEPT_LOCAL);
    /** {@code route_localnet}: treat 127/8 as routable. */
    public static final ConfKey ROUTE_LOCALNET = new ConfKey(DevConf.ROUTE_LOCALNET);
    /** {@code send_redirects}. */
    public static final ConfKey SEND_REDIRECTS = new ConfKey(DevConf.SEND_REDIRECTS);
    /** {@code accept_redirects}. */
    public static final ConfKey ACCEPT_REDIRECTS = new ConfKey(DevConf.ACCEPT_REDIRECTS);
    /** {@code log_martians}. */
    public static final ConfKey LOG_MARTIANS = new ConfKey(DevConf.LOG_MARTIANS);

    /** {@code net.ipv4.ip_forward}: forwarding on every interface. */
    public static final SysctlKey IP_FORWARD = SysctlKey.of("net.ipv4.ip_forward");

    /** {@code base_reachable_time_ms}: how long a confirmed neighbour stays REACHABLE (randomised 0.5x to 1.5x). */
    public static final NeighKey BASE_REACHABLE_TIME_MS = new NeighKey("base_reachable_time_ms");
    /** {@code delay_first_probe_time}: seconds in DELAY before the first unicast probe. */
    public static final NeighKey DELAY_FIRST_PROBE_TIME = new NeighKey("delay_first_probe_time");
    /** {@code gc_stale_time}: seconds before an unused STALE entry may be collected. */
    public static final NeighKey GC_STALE_TIME = new NeighKey("gc_stale_time");
    /** {@code retrans_time_ms}: milliseconds between ARP probes. */
    public static final NeighKey RETRANS_TIME_MS = new NeighKey("retrans_time_ms");
    /** {@code locktime}: ticks (1/100 s) during which a new entry is not replaced by another reply. */
    public static final NeighKey LOCKTIME = new NeighKey("locktime");
    /** {@code ucast_solicit}: unicast probes before broadcasting. */
    public static final NeighKey UCAST_SOLICIT = new NeighKey("ucast_solicit");
    /** {@code mcast_solicit}: broadcast probes before giving up. */
    public static final NeighKey MCAST_SOLICIT = new NeighKey("mcast_solicit");

    private Sysctls() {
    }
}
