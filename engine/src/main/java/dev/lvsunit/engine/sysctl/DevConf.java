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
    DISABLE_POLICY(Combine.DEV, 0, 0),
    DISABLE_XFRM(Combine.DEV, 0, 0),
    DROP_GRATUITOUS_ARP(Combine.OR, 0, 0),
    DROP_UNICAST_IN_L2_MULTICAST(Combine.OR, 0, 0),
    FORCE_IGMP_VERSION(Combine.DEV, 0, 0),
    FORWARDING(Combine.DEV, 0, 0),
    IGMPV2_UNSOLICITED_REPORT_INTERVAL(Combine.DEV, 10000, 10000),
    IGMPV3_UNSOLICITED_REPORT_INTERVAL(Combine.DEV, 1000, 1000),
    IGNORE_ROUTES_WITH_LINKDOWN(Combine.OR, 0, 0),
    LOG_MARTIANS(Combine.OR, 0, 0),
    MC_FORWARDING(Combine.DEV, 0, 0, false),
    MEDIUM_ID(Combine.DEV, 0, 0),
    PROMOTE_SECONDARIES(Combine.OR, 0, 0),
    PROXY_ARP(Combine.OR, 0, 0),
    PROXY_ARP_PVLAN(Combine.OR, 0, 0),
    ROUTE_LOCALNET(Combine.OR, 0, 0),
    RP_FILTER(Combine.MAX, 0, 0),
    SECURE_REDIRECTS(Combine.OR, 1, 1),
    SEND_REDIRECTS(Combine.OR, 1, 1),
    SHARED_MEDIA(Combine.OR, 1, 1),
    SRC_VALID_MARK(Combine.OR, 0, 0),
    TAG(Combine.DEV, 0, 0);

    private final Combine combine;
    private final int allDefault;
    private final int defaultDefault;
    private final boolean writable;

    DevConf(Combine combine, int allDefault, int defaultDefault) {
        this(combine, allDefault, defaultDefault, true);
    }

    DevConf(Combine combine, int allDefault, int defaultDefault, boolean writable) {
        this.combine = combine;
        this.allDefault = allDefault;
        this.defaultDefault = defaultDefault;
        this.writable = writable;
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
        return writable;
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
