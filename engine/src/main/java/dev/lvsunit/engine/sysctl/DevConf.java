package dev.lvsunit.engine.sysctl;

import java.util.Locale;
import java.util.Optional;

/**
 * The entries of {@code net.ipv4.conf.{all,default,IFACE}}: the
 * {@code IPV4_DEVCONF_*} indices of {@code include/uapi/linux/ip.h}, each with
 * the combinator its accessor macro uses and the compiled defaults of
 * {@code ipv4_devconf} (all) and {@code ipv4_devconf_dflt} (default) in
 * {@code net/ipv4/devinet.c}.
 */
public enum DevConf {
    ACCEPT_LOCAL(Combine.OR, 0, 0),
    ACCEPT_REDIRECTS(Combine.OR, 1, 1),
    ACCEPT_SOURCE_ROUTE(Combine.AND, 0, 1),
    ARP_ACCEPT(Combine.MAX, 0, 0),
    ARP_ANNOUNCE(Combine.MAX, 0, 0),
    ARP_EVICT_NOCARRIER(Combine.AND, 1, 1),
    ARP_FILTER(Combine.OR, 0, 0),
    ARP_IGNORE(Combine.MAX, 0, 0),
    ARP_NOTIFY(Combine.MAX, 0, 0),
    BC_FORWARDING(Combine.OR, 0, 0),
    BOOTP_RELAY(Combine.OR, 0, 0),
    DISABLE_POLICY(Combine.DEV, 0, 0, Handler.FLUSHING),
    DISABLE_XFRM(Combine.DEV, 0, 0, Handler.FLUSHING),
    DROP_GRATUITOUS_ARP(Combine.OR, 0, 0),
    DROP_UNICAST_IN_L2_MULTICAST(Combine.OR, 0, 0, Handler.FLUSHING),
    FORCE_IGMP_VERSION(Combine.DEV, 0, 0),
    FORWARDING(Combine.DEV, 0, 0, Handler.FORWARD),
    IGMPV2_UNSOLICITED_REPORT_INTERVAL(Combine.DEV, 10000, 10000),
    IGMPV3_UNSOLICITED_REPORT_INTERVAL(Combine.DEV, 1000, 1000),
    IGNORE_ROUTES_WITH_LINKDOWN(Combine.OR, 0, 0),
    LOG_MARTIANS(Combine.OR, 0, 0),
    MC_FORWARDING(Combine.DEV, 0, 0, Handler.READ_ONLY),
    MEDIUM_ID(Combine.DEV, 0, 0),
    PROMOTE_SECONDARIES(Combine.OR, 0, 0, Handler.FLUSHING),
    PROXY_ARP(Combine.OR, 0, 0),
    PROXY_ARP_PVLAN(Combine.OR, 0, 0),
    ROUTE_LOCALNET(Combine.OR, 0, 0, Handler.FLUSHING),
    RP_FILTER(Combine.MAX, 0, 0),
    SECURE_REDIRECTS(Combine.OR, 1, 1),
    SEND_REDIRECTS(Combine.OR, 1, 1),
    SHARED_MEDIA(Combine.OR, 1, 1),
    SRC_VALID_MARK(Combine.OR, 0, 0),
    TAG(Combine.DEV, 0, 0);

    private final Combine combine;
    private final int allDefault;
    private final int defaultDefault;
    private final Handler handler;

    /**
     * The proc handler of an entry in the {@code devinet_sysctl} table
     * ({@code net/ipv4/devinet.c}). All parse with {@code proc_dointvec};
     * they differ in what a write does besides storing the value.
     */
    enum Handler {
        /**
         * {@code DEVINET_SYSCTL_RW_ENTRY} → {@code devinet_conf_proc}: sets
         * the entry's state bit (even when the value is refused) and, written
         * in {@code conf/default}, copies the value to every interface whose
         * bit is clear ({@code devinet_copy_dflt_conf}).
         */
        DEVINET_CONF,
        /**
         * {@code DEVINET_SYSCTL_FLUSHING_ENTRY} → {@code ipv4_doint_and_flush}:
         * stores the value and flushes the route cache; no state bit, so
         * {@code conf/default} never reaches existing interfaces [verified on
         * 6.18: disable_policy, disable_xfrm, promote_secondaries,
         * route_localnet, drop_unicast_in_l2_multicast].
         */
        FLUSHING,
        /** {@code devinet_sysctl_forward}: see {@link Sysctl} ({@code inet_forward_change}). */
        FORWARD,
        /** {@code DEVINET_SYSCTL_RO_ENTRY}: mode 0444. */
        READ_ONLY
    }

    DevConf(Combine combine, int allDefault, int defaultDefault) {
        this(combine, allDefault, defaultDefault, Handler.DEVINET_CONF);
    }

    DevConf(Combine combine, int allDefault, int defaultDefault, Handler handler) {
        this.combine = combine;
        this.allDefault = allDefault;
        this.defaultDefault = defaultDefault;
        this.handler = handler;
    }

    /** The file name under {@code /proc/sys/net/ipv4/conf/IFACE/}, such as {@code arp_ignore}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Combine combine() {
        return combine;
    }

    /** The compiled default of {@code conf/all}. */
    public int allDefault() {
        return allDefault;
    }

    /** The compiled default of {@code conf/default}, and so of every new interface. */
    public int defaultDefault() {
        return defaultDefault;
    }

    /** False for read-only entries ({@code mc_forwarding}, mode 0444). */
    public boolean writable() {
        return handler != Handler.READ_ONLY;
    }

    Handler handler() {
        return handler;
    }

    /** The entry whose file is called {@code name}, if there is one. */
    public static Optional<DevConf> byFileName(String name) {
        for (DevConf c : values()) {
            if (c.fileName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
