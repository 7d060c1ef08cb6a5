package dev.lvsunit.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IPv4 settings a freshly booted kernel has, written explicitly into every
 * namespace this backend makes.
 *
 * <p>Why: a new network namespace does not start from the kernel's compiled
 * defaults. With {@code net.core.devconf_inherit_init_net=0} (the default)
 * {@code devinet_init_net()} copies {@code conf/all} and {@code conf/default}
 * from the initial namespace, so a machine that boots with
 * {@code rp_filter=2} (systemd) or {@code ip_forward=1} (docker) would leak
 * those values into every spec. The per-device neighbour parameters are copied
 * by {@code neigh_parms_alloc()} from the one global {@code arp_tbl.parms},
 * which is {@code net.ipv4.neigh.default} of the initial namespace and cannot
 * be written from inside another namespace; so they are written per device,
 * for {@code lo} and for every interface the backend creates.
 *
 * <p>The values are those of Linux 6.18: the static {@code ipv4_devconf}
 * ({@code all}) and {@code ipv4_devconf_dflt} ({@code default}) initialisers in
 * {@code net/ipv4/devinet.c} (unlisted entries 0), {@code lo} as
 * {@code inetdev_init()} leaves it (a copy of {@code default} plus
 * {@code disable_policy=1}, {@code disable_xfrm=1}), and {@code arp_tbl.parms}
 * in {@code net/ipv4/arp.c}. They match what {@code sysctl -a} prints in a
 * fresh namespace of a host that keeps the defaults. Keys the running kernel
 * does not have are skipped; the read-only {@code mc_forwarding} is left out.
 */
final class KernelDefaults {

    /** {@code net.ipv4.conf.all.*}: {@code ipv4_devconf} in devinet.c. */
    static final Map<String, String> CONF_ALL = conf(false, false);

    /** {@code net.ipv4.conf.default.*}: {@code ipv4_devconf_dflt} in devinet.c. */
    static final Map<String, String> CONF_DEFAULT = conf(true, false);

    /** {@code net.ipv4.conf.lo.*}: the default template plus what inetdev_init sets for loopback. */
    static final Map<String, String> CONF_LO = conf(true, true);

    /**
     * {@code net.ipv4.neigh.DEV.*}: {@code arp_tbl.parms} in arp.c, in the units
     * the files use ({@code anycast_delay}, {@code proxy_delay} and
     * {@code locktime} in USER_HZ ticks of 10 ms). {@code unres_qlen} is a view
     * of {@code unres_qlen_bytes} and {@code retrans_time},
     * {@code base_reachable_time} views of their {@code _ms} twins, so only one
     * of each pair is written.
     */
    static final Map<String, String> NEIGH = neigh();

    private KernelDefaults() {
    }

    private static Map<String, String> conf(boolean template, boolean loopback) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("forwarding", "0");
        m.put("accept_local", "0");
        m.put("accept_redirects", "1");
        // IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE is set in ipv4_devconf_dflt only
        m.put("accept_source_route", template ? "1" : "0");
        m.put("arp_accept", "0");
        m.put("arp_announce", "0");
        m.put("arp_evict_nocarrier", "1");
        m.put("arp_filter", "0");
        m.put("arp_ignore", "0");
        m.put("arp_notify", "0");
        m.put("bc_forwarding", "0");
        m.put("bootp_relay", "0");
        // inetdev_init(): IN_DEV_CONF_SET(in_dev, NOXFRM, 1) and NOPOLICY for IFF_LOOPBACK
        m.put("disable_policy", loopback ? "1" : "0");
        m.put("disable_xfrm", loopback ? "1" : "0");
        m.put("drop_gratuitous_arp", "0");
        m.put("drop_unicast_in_l2_multicast", "0");
        m.put("force_igmp_version", "0");
        m.put("igmpv2_unsolicited_report_interval", "10000");
        m.put("igmpv3_unsolicited_report_interval", "1000");
        m.put("ignore_routes_with_linkdown", "0");
        m.put("log_martians", "0");
        m.put("medium_id", "0");
        m.put("promote_secondaries", "0");
        m.put("proxy_arp", "0");
        m.put("proxy_arp_pvlan", "0");
        m.put("route_localnet", "0");
        m.put("rp_filter", "0");
        m.put("secure_redirects", "1");
        m.put("send_redirects", "1");
        m.put("shared_media", "1");
        m.put("src_valid_mark", "0");
        m.put("tag", "0");
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> neigh() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("anycast_delay", "100");
        m.put("app_solicit", "0");
        m.put("base_reachable_time_ms", "30000");
        m.put("delay_first_probe_time", "5");
        m.put("gc_stale_time", "60");
        m.put("interval_probe_time_ms", "5000");
        m.put("locktime", "100");
        m.put("mcast_resolicit", "0");
        m.put("mcast_solicit", "3");
        m.put("proxy_delay", "80");
        m.put("proxy_qlen", "64");
        m.put("retrans_time_ms", "1000");
        m.put("ucast_solicit", "3");
        m.put("unres_qlen_bytes", "212992");
        return Collections.unmodifiableMap(m);
    }

    /**
     * A POSIX shell script that, run inside a new namespace, writes every
     * default above (ip_forward first: writing it resets {@code forwarding} on
     * every device and {@code all.accept_redirects}, see
     * {@code inet_forward_change()}), disables IPv6 on {@code all},
     * {@code default} and {@code lo}, and brings {@code lo} up. It must run
     * before any interface is created, so that new interfaces copy the
     * {@code default} values.
     */
    static String namespaceScript() {
        StringBuilder s = new StringBuilder();
        s.append("# lvsunit kernel backend: kernel-default settings for a new namespace\n");
        s.append("set -e\n");
        // Write only what differs: a write of conf/default/X marks X as set, and
        // interfaces created later copy that mark, after which a spec's own write of
        // conf/default no longer reaches them as on a freshly booted host
        // (devinet_copy_dflt_conf). A value already at its default needs no write.
        s.append("w() { [ ! -e \"$1\" ] || [ \"$(cat \"$1\")\" = \"$2\" ] || echo \"$2\" > \"$1\"; }\n");
        s.append("w /proc/sys/net/ipv4/ip_forward 0\n");
        writeAll(s, "/proc/sys/net/ipv4/conf/all/", CONF_ALL);
        writeAll(s, "/proc/sys/net/ipv4/conf/default/", CONF_DEFAULT);
        writeAll(s, "/proc/sys/net/ipv4/conf/lo/", CONF_LO);
        writeAll(s, "/proc/sys/net/ipv4/neigh/lo/", NEIGH);
        // hosts speak IPv4 only: no link-local addresses, no MLD, no router solicitations
        s.append("w /proc/sys/net/ipv6/conf/all/disable_ipv6 1\n");
        s.append("w /proc/sys/net/ipv6/conf/default/disable_ipv6 1\n");
        s.append("w /proc/sys/net/ipv6/conf/lo/disable_ipv6 1\n");
        s.append("ip link set dev lo up\n");
        return s.toString();
    }

    /**
     * A POSIX shell script that, run inside a host namespace with interface
     * names as arguments, writes the neighbour defaults of each interface and
     * brings it up.
     */
    static String deviceScript() {
        StringBuilder s = new StringBuilder();
        s.append("# lvsunit kernel backend: kernel-default neighbour settings, then link up\n");
        s.append("set -e\n");
        s.append("w() { [ ! -e \"$1\" ] || echo \"$2\" > \"$1\"; }\n");
        s.append("for dev in \"$@\"; do\n");
        for (Map.Entry<String, String> e : NEIGH.entrySet()) {
            s.append("  w \"/proc/sys/net/ipv4/neigh/$dev/").append(e.getKey()).append("\" ")
                    .append(e.getValue()).append('\n');
        }
        s.append("  ip link set dev \"$dev\" up\n");
        s.append("done\n");
        return s.toString();
    }

    private static void writeAll(StringBuilder s, String dir, Map<String, String> values) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.append("w ").append(dir).append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
    }
}
