package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibConfig;
import dev.lvsunit.engine.ipv4.FibFrontend;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ip route} ({@code ip/iproute.c}): show/list, add, del, change,
 * replace, append, get and flush of IPv4 routes.
 */
final class IpRoute {

    /** Route attributes of iproute_modify that lvsunit does not model. */
    private static final Set<String> UNMODELLED = Set.of(
            "as", "from", "tos", "expires", "mtu", "hoplimit", "advmss", "reordering", "rtt", "rttvar",
            "rto_min", "window", "cwnd", "initcwnd", "initrwnd", "features", "quickack", "congctl", "realms",
            "realm", "ssthresh", "pref", "lock", "ttl-propagate");

    private final CommandContext ctx;
    private final Host host;
    private final Ip.Options options;
    private final FibFrontend frontend;

    IpRoute(CommandContext ctx, Ip.Options options) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.options = options;
        this.frontend = new FibFrontend(host);
    }

    /** {@code do_iproute}. */
    int run(Args args) {
        if (options.family() == Inet.AF_PACKET) {
            throw new NotSupportedException("ip -0 route");
        }
        if (!args.hasNext()) {
            return list(args, false);
        }
        String cmd = args.current();
        args.advance();
        if (Args.matches(cmd, "add")) {
            return modify(args, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_EXCL, false);
        }
        if (Args.matches(cmd, "change") || cmd.equals("chg")) {
            return modify(args, FibConfig.NLM_F_REPLACE, false);
        }
        if (Args.matches(cmd, "replace")) {
            return modify(args, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_REPLACE, false);
        }
        if (Args.matches(cmd, "prepend") || Args.matches(cmd, "test")) {
            // prepend puts a route before the others of its key, a position the engine's FIB cannot take
            throw new NotSupportedException("ip route " + cmd);
        }
        if (Args.matches(cmd, "append")) {
            return modify(args, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_APPEND, false);
        }
        if (Args.matches(cmd, "delete")) {
            return modify(args, 0, true);
        }
        if (Args.matches(cmd, "list") || Args.matches(cmd, "show") || Args.matches(cmd, "lst")) {
            return list(args, false);
        }
        if (Args.matches(cmd, "get")) {
            return get(args);
        }
        if (Args.matches(cmd, "flush")) {
            return list(args, true);
        }
        if (Args.matches(cmd, "save") || Args.matches(cmd, "restore") || Args.matches(cmd, "showdump")) {
            throw new NotSupportedException("ip route " + cmd);
        }
        if (Args.matches(cmd, "help")) {
            throw new IpError(RouteUsage.TEXT, 255);
        }
        throw new IpError("Command \"" + cmd + "\" is unknown, try \"ip route help\".", 255);
    }

    // ---- add, change, replace, append, del

    /** {@code iproute_modify}: the request, then {@code inet_rtm_newroute}/{@code inet_rtm_delroute}. */
    private int modify(Args args, int nlFlags, boolean delete) {
        int family = options.family();
        RouteType type = null;
        Inet.Prefix dst = null;
        Ipv4Address gateway = null;
        Ipv4Address prefsrc = null;
        String dev = null;
        long metric = 0;
        Integer protocol = null;
        RtScope scope = null;
        Integer table = null;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("src")) {
                prefsrc = Inet.getAddr(args.nextArg(), family);
                family = Inet.AF_INET;
            } else if (w.equals("via")) {
                if (gateway != null) {
                    throw IpError.invarg("use nexthop syntax to specify multiple via\n", w);
                }
                String v = args.nextArg();
                int viaFamily = family;
                if (v.equals("inet")) {
                    viaFamily = Inet.AF_INET;
                    v = args.nextArg();
                } else if (v.equals("inet6") || v.equals("mpls") || v.equals("bridge") || v.equals("link")) {
                    throw new NotSupportedException("ip route via " + v);
                }
                gateway = Inet.getAddr(v, viaFamily);
                family = Inet.AF_INET;
            } else if (UNMODELLED.contains(w) || Args.matches(w, "dsfield")) {
                throw new NotSupportedException("ip route " + w);
            } else if (Args.matches(w, "metric") || Args.matches(w, "priority") || w.equals("preference")) {
                String v = args.nextArg();
                metric = Inet.unsigned(v);
                if (metric < 0) {
                    throw IpError.invarg("\"metric\" value is invalid\n", v);
                }
            } else if (w.equals("scope")) {
                String v = args.nextArg();
                scope = RtNames.scope(v).orElseThrow(() -> IpError.invarg("invalid \"scope\" value\n", v));
            } else if (Args.matches(w, "protocol")) {
                String v = args.nextArg();
                protocol = RtNames.protocol(v).orElseThrow(() -> IpError.invarg("\"protocol\" value is invalid\n", v));
            } else if (Args.matches(w, "table")) {
                String v = args.nextArg();
                table = RtNames.table(v).orElseThrow(() -> IpError.invarg("\"table\" value is invalid\n", v));
            } else if (Args.matches(w, "vrf") || Args.matches(w, "pervasive") || Args.matches(w, "onlink")
                    || Args.matches(w, "nexthop") || Args.matches(w, "nhid") || Args.matches(w, "encap")
                    || Args.matches(w, "fastopen_no_cookie")) {
                throw new NotSupportedException("ip route " + w);
            } else if (w.equals("dev") || w.equals("oif")) {
                dev = args.nextArg();
            } else {
                if (w.equals("to")) {
                    w = args.nextArg();
                }
                char first = w.isEmpty() ? '\0' : w.charAt(0);
                if ((first < '0' || first > '9')) {
                    var named = RtNames.type(w);
                    if (named.isPresent()) {
                        type = named.get();
                        w = args.nextArg();
                    }
                }
                if (Args.matches(w, "help")) {
                    throw new IpError(RouteUsage.TEXT, 255);
                }
                if (dst != null) {
                    throw IpError.duparg2("to", w);
                }
                dst = Inet.getPrefix(w, family);
                family = Inet.AF_INET;
            }
            args.advance();
        }
        if (dst == null) {
            throw new IpError(RouteUsage.TEXT, 255);
        }
        NetDevice oif = null;
        if (dev != null) {
            String name = dev;
            oif = host.device(name).orElseThrow(() -> IpError.nodev(name));
        }
        RouteType effective = type != null ? type : RouteType.UNICAST;
        if (table == null) {
            table = effective == RouteType.LOCAL || effective == RouteType.BROADCAST || effective == RouteType.NAT
                    || effective == RouteType.ANYCAST ? Fib.RT_TABLE_LOCAL : Fib.RT_TABLE_MAIN;
        }
        if (scope == null) {
            if (effective == RouteType.LOCAL || effective == RouteType.NAT) {
                scope = RtScope.HOST;
            } else if (effective == RouteType.BROADCAST || effective == RouteType.MULTICAST
                    || effective == RouteType.ANYCAST) {
                scope = RtScope.LINK;
            } else if (effective == RouteType.UNICAST && delete) {
                scope = RtScope.NOWHERE;
            } else if (effective == RouteType.UNICAST && gateway == null) {
                scope = RtScope.LINK;
            } else {
                scope = RtScope.UNIVERSE;
            }
        }
        int proto = protocol != null ? protocol : delete ? 0 : FibRoute.PROTO_BOOT;
        if (metric > Integer.MAX_VALUE) {
            throw new NotSupportedException("ip route metric " + metric);
        }
        FibConfig cfg = new FibConfig(table, delete ? type : effective, new Ipv4Prefix(dst.address(), dst.length()),
                0, (int) metric, proto, scope, prefsrc, gateway, oif);
        try {
            if (delete) {
                frontend.delRoute(cfg);
            } else {
                frontend.newRoute(cfg, nlFlags);
            }
        } catch (KernelException e) {
            throw Rtnl.error(e);
        }
        return 0;
    }

    // ---- show, flush

    /** The selectors of {@code ip route show|flush} ({@code struct rtfilter}). */
    private static final class Filter {
        int table = Fib.RT_TABLE_MAIN; // 0: all
        Integer protocol;
        RtScope scope;
        RouteType type;
        NetDevice oif;
        Long metric;
        Inet.Prefix rdst;
        Inet.Prefix mdst;
        Inet.Prefix via;
        Inet.Prefix prefsrc;
        boolean cloned;

        /** {@code filter_nlmsg}. */
        boolean matches(FibRoute r) {
            if (table != 0 && r.table() != table) {
                return false;
            }
            if (protocol != null && r.protocol() != protocol) {
                return false;
            }
            if (scope != null && r.scope() != scope) {
                return false;
            }
            if (type != null && r.type() != type) {
                return false;
            }
            int len = r.destination().length();
            Ipv4Address dst = r.destination().address();
            if (rdst != null && (rdst.length() > len || !prefixMatch(dst, rdst.address(), rdst.length()))) {
                return false;
            }
            if (mdst != null && (mdst.length() < len || !prefixMatch(dst, mdst.address(), len))) {
                return false;
            }
            if (via != null) {
                Ipv4Address gw = r.gateway() != null ? r.gateway() : Ipv4Address.ANY;
                if (!prefixMatch(gw, via.address(), via.length())) {
                    return false;
                }
            }
            if (prefsrc != null) {
                Ipv4Address src = r.prefsrc() != null ? r.prefsrc() : Ipv4Address.ANY;
                if (!prefixMatch(src, prefsrc.address(), prefsrc.length())) {
                    return false;
                }
            }
            if (oif != null && r.device() != oif) {
                return false;
            }
            return metric == null || r.priority() == metric;
        }
    }

    /** {@code inet_addr_match}: the first {@code bits} bits are equal. */
    private static boolean prefixMatch(Ipv4Address a, Ipv4Address b, int bits) {
        int mask = Ipv4Prefix.maskBits(bits);
        return ((a.bits() ^ b.bits()) & mask) == 0;
    }

    /** {@code iproute_list_flush_or_save}. */
    private int list(Args args, boolean flush) {
        int family = options.family();
        if (flush && !args.hasNext()) {
            throw new IpError("\"ip route flush\" requires arguments.", 1);
        }
        Filter f = new Filter();
        String od = null;
        while (args.hasNext()) {
            String w = args.current();
            if (Args.matches(w, "table")) {
                String v = args.nextArg();
                var id = RtNames.table(v);
                if (id.isPresent()) {
                    f.table = id.get();
                } else if (v.equals("all")) {
                    f.table = 0;
                } else if (v.equals("cache")) {
                    f.cloned = true;
                } else {
                    throw IpError.invarg("table id value is invalid\n", v);
                }
            } else if (Args.matches(w, "cached") || Args.matches(w, "cloned")) {
                f.cloned = true;
            } else if (Args.matches(w, "protocol")) {
                String v = args.nextArg();
                var p = RtNames.protocol(v);
                if (p.isEmpty() && !v.equals("all")) {
                    throw IpError.invarg("invalid \"protocol\"\n", v);
                }
                f.protocol = p.orElse(null);
            } else if (Args.matches(w, "scope")) {
                String v = args.nextArg();
                var s = v.equals("all") ? Optional.<RtScope>empty() : RtNames.scope(v);
                if (s.isEmpty() && !v.equals("all")) {
                    throw IpError.invarg("invalid \"scope\"\n", v);
                }
                f.scope = s.orElse(null);
            } else if (Args.matches(w, "type")) {
                String v = args.nextArg();
                f.type = RtNames.type(v).orElseThrow(() -> IpError.invarg("node type value is invalid\n", v));
            } else if (w.equals("dev") || w.equals("oif")) {
                od = args.nextArg();
            } else if (Args.matches(w, "metric") || Args.matches(w, "priority") || w.equals("preference")) {
                String v = args.nextArg();
                long m = Inet.unsigned(v);
                if (m < 0) {
                    throw IpError.invarg("\"metric\" value is invalid\n", v);
                }
                f.metric = m;
            } else if (w.equals("via")) {
                String v = args.nextArg();
                int viaFamily = family;
                if (v.equals("inet")) {
                    viaFamily = Inet.AF_INET;
                    v = args.nextArg();
                }
                f.via = Inet.getPrefix(v, viaFamily);
            } else if (w.equals("src")) {
                f.prefsrc = Inet.getPrefix(args.nextArg(), family);
            } else if (w.equals("iif") || w.equals("mark") || w.equals("tos") || Args.matches(w, "dsfield")
                    || Args.matches(w, "vrf") || Args.matches(w, "realms") || Args.matches(w, "from")) {
                throw new NotSupportedException("ip route show " + w);
            } else {
                if (Args.matches(w, "to")) {
                    w = args.nextArg();
                }
                if (Args.matches(w, "root")) {
                    f.rdst = Inet.getPrefix(args.nextArg(), family);
                } else if (Args.matches(w, "match")) {
                    f.mdst = Inet.getPrefix(args.nextArg(), family);
                } else {
                    if (Args.matches(w, "exact")) {
                        w = args.nextArg();
                    }
                    f.mdst = Inet.getPrefix(w, family);
                    f.rdst = f.mdst;
                }
            }
            args.advance();
        }
        if (od != null) {
            String name = od;
            f.oif = host.device(name).orElseThrow(() -> IpError.nodev(name));
        }
        if (f.cloned) {
            // lvsunit keeps no route cache: nothing to show, nothing to flush
            if (flush && options.stats() > 0) {
                ctx.out().println("*** IPv4 routing cache is flushed.");
            }
            return 0;
        }
        if (f.table != 0 && !frontend.tableExists(f.table)) {
            ctx.err().println("Error: ipv4: FIB table does not exist.");
            throw new IpError(flush ? "Flush terminated" : "Dump terminated", 2);
        }
        return flush ? flush(f) : show(f);
    }

    /** The routes a dump returns, table by table in id order. */
    private List<FibRoute> dump(Filter f) {
        Set<Integer> tables = new TreeSet<>();
        for (FibRoute r : host.fib().routes()) {
            tables.add(r.table());
        }
        List<FibRoute> out = new ArrayList<>();
        for (int t : tables) {
            for (FibRoute r : host.fib().dump(t)) {
                if (f.matches(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private int show(Filter f) {
        for (FibRoute r : dump(f)) {
            ctx.out().println(format(r, f));
        }
        return 0;
    }

    /**
     * {@code print_route}: each field as {@code "%s "}, so the line ends with
     * a space; fields a filter pinned down (table, protocol, scope, device,
     * a /32 gateway or source) are left out.
     */
    private static String format(FibRoute r, Filter f) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != RouteType.UNICAST) {
            sb.append(r.type().label()).append(' ');
        }
        Ipv4Prefix dst = r.destination();
        if (dst.length() == 0) {
            sb.append("default ");
        } else if (dst.length() == 32) {
            sb.append(dst.address()).append(' ');
        } else {
            sb.append(dst.address()).append('/').append(dst.length()).append(' ');
        }
        if (r.gateway() != null && (f.via == null || f.via.length() != 32)) {
            sb.append("via ").append(r.gateway()).append(' ');
        }
        if (r.device() != null && f.oif == null) {
            sb.append("dev ").append(r.device().name()).append(' ');
        }
        if (r.table() != Fib.RT_TABLE_MAIN && f.table == 0) {
            sb.append("table ").append(RtNames.table(r.table())).append(' ');
        }
        if (r.protocol() != FibRoute.PROTO_BOOT && f.protocol == null) {
            sb.append("proto ").append(RtNames.protocol(r.protocol())).append(' ');
        }
        if (r.scope() != RtScope.UNIVERSE && f.scope == null) {
            sb.append("scope ").append(r.scope().label()).append(' ');
        }
        if (r.prefsrc() != null && (f.prefsrc == null || f.prefsrc.length() != 32)) {
            sb.append("src ").append(r.prefsrc()).append(' ');
        }
        if (r.priority() != 0 && f.metric == null) {
            sb.append("metric ").append(Integer.toUnsignedString(r.priority())).append(' ');
        }
        if (FibFrontend.isLinkDown(r)) {
            sb.append("linkdown ");
        }
        return sb.toString();
    }

    /**
     * {@code iproute_flush}: rounds of dump-and-delete until a dump finds
     * nothing; each route goes back to the kernel as a deletion with all its
     * attributes.
     */
    private int flush(Filter f) {
        int round = 0;
        while (true) {
            List<FibRoute> victims = dump(f);
            if (victims.isEmpty()) {
                options.flushDone(ctx, round);
                return 0;
            }
            round++;
            if (options.stats() > 1) {
                // with -s -s, print_route also prints each route it queues for deletion
                for (FibRoute r : victims) {
                    ctx.out().println(format(r, f));
                }
            }
            for (FibRoute r : victims) {
                try {
                    frontend.delRoute(new FibConfig(r.table(), r.type(), r.destination(), r.tos(), r.priority(),
                            r.protocol(), r.scope(), r.prefsrc(), r.gateway(), r.device()));
                } catch (KernelException ignored) {
                    // gone with an earlier deletion
                }
            }
            if (options.stats() > 0) {
                ctx.out().println();
                ctx.out().println("*** Round " + round + ", deleting " + victims.size() + " entries ***");
            }
        }
    }

    // ---- get

    /** {@code iproute_get}, answered by {@code ip_route_output_key} or, with {@code iif}, {@code ip_route_input}. */
    private int get(Args args) {
        int family = options.family();
        Ipv4Address dst = null;
        Ipv4Address from = null;
        String idev = null;
        String odev = null;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("tos") || Args.matches(w, "dsfield") || Args.matches(w, "mark")
                    || Args.matches(w, "notify") || Args.matches(w, "connected") || Args.matches(w, "vrf")
                    || Args.matches(w, "uid") || Args.matches(w, "fibmatch") || w.equals("as")
                    || w.equals("sport") || w.equals("dport") || Args.matches(w, "ipproto")) {
                throw new NotSupportedException("ip route get " + w);
            } else if (Args.matches(w, "from")) {
                String v = args.nextArg();
                if (Args.matches(v, "help")) {
                    throw new IpError(RouteUsage.TEXT, 255);
                }
                Inet.Prefix p = Inet.getPrefix(v, family);
                family = Inet.AF_INET;
                from = p.address();
            } else if (Args.matches(w, "iif")) {
                idev = args.nextArg();
            } else if (Args.matches(w, "oif") || w.equals("dev")) {
                odev = args.nextArg();
            } else {
                if (w.equals("to")) {
                    w = args.nextArg();
                }
                if (Args.matches(w, "help")) {
                    throw new IpError(RouteUsage.TEXT, 255);
                }
                Inet.Prefix p = Inet.getPrefix(w, family);
                family = Inet.AF_INET;
                if (p.length() != 32) {
                    ctx.err().println("Warning: /" + p.length() + " as prefix is invalid, only /32 (or none) is supported.");
                }
                dst = p.address();
            }
            args.advance();
        }
        if (dst == null) {
            throw new IpError("need at least a destination address", 1);
        }
        NetDevice iif = null;
        NetDevice oif = null;
        if (idev != null) {
            String name = idev;
            iif = host.device(name).orElseThrow(() -> IpError.nodev(name));
        }
        if (odev != null) {
            String name = odev;
            oif = host.device(name).orElseThrow(() -> IpError.nodev(name));
        }
        Ipv4Address src = from != null ? from : Ipv4Address.ANY;
        FibResult res;
        try {
            res = iif != null ? host.route().input(dst, src, iif) : host.route().output(dst, src, oif);
        } catch (KernelException e) {
            // route lookups answer with a bare errno
            throw Rtnl.answers(e.errno());
        }
        StringBuilder sb = new StringBuilder();
        if (res.type() != RouteType.UNICAST) {
            sb.append(res.type().label()).append(' ');
        }
        sb.append(dst).append(' ');
        if (from != null) {
            sb.append("from ").append(from).append(' ');
        }
        if (res.route() != null && res.route().gateway() != null) {
            sb.append("via ").append(res.route().gateway()).append(' ');
        }
        if (iif != null) {
            // rt_fill_info: a route delivering locally (local or broadcast) has the loopback device
            boolean local = res.type() == RouteType.LOCAL || res.type() == RouteType.BROADCAST;
            sb.append("dev ").append(local ? host.loopback().name() : res.device().name()).append(' ');
            sb.append("\n    cache ").append(cacheFlags(res, iif)).append("iif ").append(iif.name()).append(' ');
        } else {
            sb.append("dev ").append(res.device().name()).append(' ');
            if (from == null || !from.equals(res.source())) {
                sb.append("src ").append(res.source()).append(' ');
            }
            if (res.type() == RouteType.MULTICAST) {
                sb.append("rt_offload_failed ");
            }
            sb.append("uid 0 ");
            sb.append("\n    cache ").append(cacheFlags(res, null));
        }
        ctx.out().println(sb.toString());
        return 0;
    }

    /**
     * The {@code RTCF_*} flags of the cached route: local delivery (also
     * output through loopback), broadcast, multicast; a forwarded packet
     * leaving by the interface it came in on is marked for an ICMP redirect
     * ({@code __mkroute_input}, with the default {@code shared_media=1}).
     */
    private String cacheFlags(FibResult res, NetDevice iif) {
        switch (res.type()) {
            case LOCAL:
                return "<local> ";
            case BROADCAST:
                return "<local,brd> ";
            case MULTICAST:
                return "<local,mc> ";
            default:
                if (iif == null) {
                    return res.device().isLoopback() ? "<local> " : "";
                }
                return res.device() == iif ? "<redirect> " : "";
        }
    }
}
