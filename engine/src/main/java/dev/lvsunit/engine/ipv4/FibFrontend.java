package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The netlink route requests of a host: {@code inet_rtm_newroute} and
 * {@code inet_rtm_delroute} ({@code fib_frontend.c}), with the checks of
 * {@code fib_create_info}/{@code fib_check_nh} ({@code fib_semantics.c}) and
 * the key rules of {@code fib_table_insert}/{@code fib_table_delete}
 * ({@code fib_trie.c}); and the route ioctls, {@code ip_rt_ioctl} with
 * {@code rtentry_to_fib_config}. {@code ip route add|del|replace|change|append}
 * and {@code route add|del} both come here.
 *
 * <p>Error texts are the kernel's extended acks, without the final period
 * iproute2 adds when it prints them; the ioctls have none, and their callers
 * print the errno alone.
 */
public final class FibFrontend {

    /** {@code RT_TABLE_DEFAULT}. */
    public static final int RT_TABLE_DEFAULT = 253;

    /** {@code SIOCADDRT} of {@code include/uapi/linux/sockios.h}: add a route. */
    public static final int SIOCADDRT = 0x890B;
    /** {@code SIOCDELRT}: delete a route. */
    public static final int SIOCDELRT = 0x890C;

    private final Host host;

    public FibFrontend(Host host) {
        this.host = Objects.requireNonNull(host);
    }

    /**
     * {@code inet_rtm_newroute}: validates and inserts a route.
     *
     * <ol>
     * <li>{@code fib_valid_key_len}: the destination has no host bits;</li>
     * <li>{@code fib_create_info}: the scope suits the type; error routes
     * (blackhole, unreachable, prohibit, throw) take no gateway or device;
     * host-scope routes take a device and no gateway; otherwise the nexthop
     * is checked by {@code fib_check_nh} (a device must be up; a gateway must
     * be reachable through a narrower-scope unicast or local route, whose
     * device the route then uses); a {@code src} must be a local address;</li>
     * <li>{@code fib_table_insert}: with a route of the same table,
     * destination, TOS and metric, {@code NLM_F_EXCL} fails, an identical
     * route fails, {@code NLM_F_REPLACE} replaces the first of them in its
     * place, and without {@code NLM_F_CREATE} a missing one fails with
     * {@code ENOENT}; a new route goes after the others of its key with
     * {@code NLM_F_APPEND}, else before them.</li>
     * </ol>
     *
     * @param nlFlags {@link FibConfig#NLM_F_CREATE} and friends: {@code ip route add}
     *     sends CREATE|EXCL, {@code append} CREATE|APPEND, {@code replace}
     *     CREATE|REPLACE, {@code change} REPLACE, {@code prepend} CREATE
     * @return the route as installed
     * @throws KernelException with the kernel's errno and extended ack
     */
    public FibRoute newRoute(FibConfig cfg, int nlFlags) throws KernelException {
        if (!cfg.destination().equals(cfg.destination().network())) {
            throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
        }
        FibRoute route = createInfo(cfg);
        Fib fib = host.fib();
        List<FibRoute> slot = new ArrayList<>();
        for (FibRoute r : fib.dump(cfg.table())) {
            if (r.sameSlot(route)) {
                slot.add(r);
            }
        }
        if (!slot.isEmpty()) {
            if ((nlFlags & FibConfig.NLM_F_EXCL) != 0) {
                throw new KernelException(Errno.EEXIST);
            }
            FibRoute match = null;
            for (FibRoute r : slot) {
                if (r.equals(route)) {
                    match = r;
                    break;
                }
            }
            if ((nlFlags & FibConfig.NLM_F_REPLACE) != 0) {
                if (match != null) {
                    if (match == slot.get(0)) {
                        return match;
                    }
                    throw new KernelException(Errno.EEXIST);
                }
                fib.replace(slot.get(0), route);
                return route;
            }
            if (match != null) {
                throw new KernelException(Errno.EEXIST);
            }
        }
        if ((nlFlags & FibConfig.NLM_F_CREATE) == 0) {
            throw new KernelException(Errno.ENOENT);
        }
        if ((nlFlags & FibConfig.NLM_F_APPEND) != 0) {
            fib.insert(route);
        } else {
            fib.insertFirst(route);
        }
        return route;
    }

    /**
     * {@code inet_rtm_delroute} → {@code fib_table_delete}: removes the first
     * route of the table with the destination and TOS that matches every
     * selector given (type, scope, {@code src}, protocol, metric, device,
     * gateway).
     *
     * @return the route removed
     * @throws KernelException {@code ESRCH} ("FIB table does not exist" for
     *     an unknown table, without text when no route matches)
     */
    public FibRoute delRoute(FibConfig cfg) throws KernelException {
        if (!tableExists(cfg.table())) {
            throw new KernelException(Errno.ESRCH, "FIB table does not exist");
        }
        if (!cfg.destination().equals(cfg.destination().network())) {
            throw new KernelException(Errno.EINVAL, "Invalid prefix for given prefix length");
        }
        for (FibRoute r : host.fib().dump(cfg.table())) {
            if (!r.destination().equals(cfg.destination()) || r.tos() != cfg.tos()) {
                continue;
            }
            if ((cfg.type() == null || r.type() == cfg.type())
                    && (cfg.scope() == RtScope.NOWHERE || r.scope() == cfg.scope())
                    && (cfg.prefsrc() == null || cfg.prefsrc().equals(r.prefsrc()))
                    && (cfg.protocol() == 0 || r.protocol() == cfg.protocol())
                    && nhMatch(cfg, r)) {
                host.fib().remove(r);
                return r;
            }
        }
        throw new KernelException(Errno.ESRCH);
    }

    /**
     * {@code ip_rt_ioctl}: {@code SIOCADDRT} and {@code SIOCDELRT}, the route
     * ioctls of net-tools' {@code route}. The request is made by
     * {@link #rtentryToFibConfig}; an addition is then {@link #newRoute} with
     * {@code NLM_F_CREATE} alone (an identical route is {@code EEXIST}, any
     * other goes first among the routes of its key), a deletion
     * {@link #delRoute}.
     *
     * @param cmd {@link #SIOCADDRT} or {@link #SIOCDELRT}
     * @throws KernelException with the kernel's errno (the ioctl reports no
     *     extended ack)
     */
    public void ipRtIoctl(int cmd, RtEntry rt) throws KernelException {
        switch (cmd) {
            case SIOCADDRT -> newRoute(rtentryToFibConfig(cmd, rt), FibConfig.NLM_F_CREATE);
            case SIOCDELRT -> delRoute(rtentryToFibConfig(cmd, rt));
            default -> throw new IllegalArgumentException("not a route ioctl: " + cmd);
        }
    }

    /**
     * {@code rtentry_to_fib_config}: the {@code fib_config} of a route ioctl.
     *
     * <ol>
     * <li>without {@code RTF_HOST} the genmask must be contiguous and clear
     * the destination's host bits ({@code bad_mask}), else {@code EINVAL};</li>
     * <li>the main table; an addition has protocol {@code boot}, a deletion
     * matches any; the metric is {@code rt_metric - 1};</li>
     * <li>{@code RTF_REJECT} makes an {@code unreachable} route of scope
     * {@code host}, and nothing else is looked at;</li>
     * <li>{@code rt_dev} names the device ({@code ENODEV} if none); with
     * {@code :ALIAS} it must be the label of one of its addresses
     * ({@code ENODEV} if not), which becomes the preferred source;</li>
     * <li>a gateway given with {@code RTF_GATEWAY} that is a unicast address
     * ({@code inet_addr_type_table}) makes the scope {@code universe};</li>
     * <li>for an addition, {@code RTF_GATEWAY} without a gateway is
     * {@code EINVAL}, and a scope still unset becomes {@code link}; a
     * deletion matches any scope then.</li>
     * </ol>
     */
    FibConfig rtentryToFibConfig(int cmd, RtEntry rt) throws KernelException {
        int plen = 32;
        if ((rt.flags() & RtEntry.RTF_HOST) == 0) {
            int len = Ipv4Prefix.lengthOfMask(rt.genmask());
            if (len < 0 || (rt.dst().bits() & ~rt.genmask().bits()) != 0) {
                throw new KernelException(Errno.EINVAL); // bad_mask
            }
            plen = len;
        }
        Ipv4Prefix dst = new Ipv4Prefix(rt.dst(), plen);
        boolean add = cmd != SIOCDELRT;
        int protocol = add ? FibRoute.PROTO_BOOT : 0;
        int priority = rt.metric() != 0 ? rt.metric() - 1 : 0;
        if ((rt.flags() & RtEntry.RTF_REJECT) != 0) {
            return new FibConfig(Fib.RT_TABLE_MAIN, RouteType.UNREACHABLE, dst, 0, priority, protocol, RtScope.HOST,
                    null, null, null);
        }
        RtScope scope = RtScope.NOWHERE;
        NetDevice oif = null;
        Ipv4Address prefsrc = null;
        if (rt.dev() != null) {
            int colon = rt.dev().indexOf(':');
            String devName = colon < 0 ? rt.dev() : rt.dev().substring(0, colon);
            oif = host.device(devName).orElseThrow(() -> new KernelException(Errno.ENODEV));
            if (colon >= 0) {
                prefsrc = oif.inDevice().ifaByLabel(rt.dev())
                        .orElseThrow(() -> new KernelException(Errno.ENODEV)).local();
            }
        }
        Ipv4Address gateway = null;
        if (!rt.gateway().isAny()) {
            gateway = rt.gateway();
            if ((rt.flags() & RtEntry.RTF_GATEWAY) != 0 && host.fib().addressType(gateway) == RouteType.UNICAST) {
                scope = RtScope.UNIVERSE;
            }
        }
        if (add) {
            if ((rt.flags() & RtEntry.RTF_GATEWAY) != 0 && gateway == null) {
                throw new KernelException(Errno.EINVAL);
            }
            if (scope == RtScope.NOWHERE) {
                scope = RtScope.LINK;
            }
        }
        return new FibConfig(Fib.RT_TABLE_MAIN, RouteType.UNICAST, dst, 0, priority, protocol, scope, prefsrc,
                gateway, oif);
    }

    /**
     * Whether a table exists ({@code fib_get_table}). The local and main
     * tables always do; lvsunit counts another table as existing while it
     * holds a route (the kernel keeps a table once created).
     */
    public boolean tableExists(int table) {
        if (table == Fib.RT_TABLE_LOCAL || table == Fib.RT_TABLE_MAIN) {
            return true;
        }
        for (FibRoute r : host.fib().routes()) {
            if (r.table() == table) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code RTNH_F_LINKDOWN}: the route's nexthop device is up but has no
     * carrier. Host-scope routes without gateway (the {@code local} routes of
     * addresses) have nexthop scope {@code RT_SCOPE_NOWHERE}, which
     * {@code fib_sync_down_dev} never marks.
     */
    public static boolean isLinkDown(FibRoute route) {
        NetDevice dev = route.device();
        if (dev == null || dev.hasCarrier()) {
            return false;
        }
        return !(route.scope() == RtScope.HOST && route.gateway() == null);
    }

    /** {@code fib_nh_match}: metric, device and gateway selectors of a deletion. */
    private static boolean nhMatch(FibConfig cfg, FibRoute r) {
        if (cfg.priority() != 0 && cfg.priority() != r.priority()) {
            return false;
        }
        if (cfg.oif() != null && cfg.oif() != r.device()) {
            return false;
        }
        return cfg.gateway() == null || cfg.gateway().equals(r.gateway());
    }

    /** {@code fib_props[type].scope}: the widest scope a route of the type may have. */
    private static RtScope propsScope(RouteType type) {
        switch (type) {
            case LOCAL:
                return RtScope.HOST;
            case BROADCAST:
            case ANYCAST:
                return RtScope.LINK;
            case NAT:
                return RtScope.NOWHERE;
            default:
                return RtScope.UNIVERSE;
        }
    }

    /** {@code fib_create_info}. */
    private FibRoute createInfo(FibConfig cfg) throws KernelException {
        RouteType type = cfg.type() == null ? RouteType.UNICAST : cfg.type();
        if (propsScope(type).value() > cfg.scope().value()) {
            throw new KernelException(Errno.EINVAL, "Invalid scope");
        }
        if (type.isError()) {
            if (cfg.gateway() != null || cfg.oif() != null) {
                throw new KernelException(Errno.EINVAL,
                        "Gateway, device and multipath can not be specified for this route type");
            }
            return build(cfg, type, null, null);
        }
        switch (type) {
            case UNICAST:
            case LOCAL:
            case BROADCAST:
            case ANYCAST:
            case MULTICAST:
                break;
            default:
                throw new KernelException(Errno.EINVAL, "Invalid route type");
        }
        if (cfg.scope().value() > RtScope.HOST.value()) {
            throw new KernelException(Errno.EINVAL, "Invalid scope");
        }
        NetDevice dev;
        if (cfg.scope() == RtScope.HOST) {
            if (cfg.gateway() != null) {
                throw new KernelException(Errno.EINVAL, "Route with host scope can not have a gateway");
            }
            if (cfg.oif() == null) {
                throw new KernelException(Errno.ENODEV);
            }
            dev = cfg.oif();
        } else if (cfg.gateway() != null) {
            dev = checkNhGateway(cfg);
        } else {
            // fib_check_nh_nongw
            if (cfg.oif() == null) {
                throw new KernelException(Errno.ENODEV);
            }
            if (!cfg.oif().isUp()) {
                throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
            }
            dev = cfg.oif();
        }
        if (cfg.prefsrc() != null && !validPrefsrc(cfg, type)) {
            throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
        }
        return build(cfg, type, dev, cfg.gateway());
    }

    private static FibRoute build(FibConfig cfg, RouteType type, NetDevice dev, Ipv4Address gateway) {
        return new FibRoute(cfg.table(), type, cfg.destination(), cfg.tos(), cfg.priority(), dev, gateway,
                cfg.prefsrc(), cfg.scope(), cfg.protocol());
    }

    /**
     * {@code fib_check_nh_v4_gw} without {@code onlink}: the gateway is looked
     * up ({@link Fib#lookupScoped}) at a scope narrower than the route's (at
     * least link), through the given device if any, in the route's own table
     * when it is not main and then, if that finds nothing usable, in local and
     * main. No route is {@code ENETUNREACH} and an error route its own error
     * ({@code fib_lookup}); the answer must be a unicast or local route
     * ({@code EINVAL}), whose device becomes the route's and must be up. Each
     * failure carries the extended ack "Nexthop has invalid gateway".
     */
    private NetDevice checkNhGateway(FibConfig cfg) throws KernelException {
        int scope = Math.max(cfg.scope().value() + 1, RtScope.LINK.value());
        Fib fib = host.fib();
        FibRoute res = null;
        if (cfg.table() != Fib.RT_TABLE_MAIN && tableExists(cfg.table())) {
            res = fib.lookupScoped(cfg.gateway(), cfg.oif(), scope, cfg.table()).orElse(null);
        }
        if (res == null || res.type().isError()) {
            res = fib.lookupScoped(cfg.gateway(), cfg.oif(), scope, -1).orElse(null);
            if (res == null) {
                throw new KernelException(Errno.ENETUNREACH, "Nexthop has invalid gateway");
            }
            if (res.type().isError()) {
                throw new KernelException(res.type().error(), "Nexthop has invalid gateway");
            }
        }
        if (res.type() != RouteType.UNICAST && res.type() != RouteType.LOCAL) {
            throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
        }
        NetDevice dev = res.device();
        if (dev == null) {
            throw new KernelException(Errno.EINVAL, "No egress device for nexthop gateway");
        }
        if (!dev.isUp()) {
            throw new KernelException(Errno.ENETDOWN);
        }
        return dev;
    }

    /**
     * {@code fib_valid_prefsrc}: a {@code src} must be a local address (a
     * {@code local} route of the local table), except on a local route whose
     * source is its own destination.
     */
    private boolean validPrefsrc(FibConfig cfg, RouteType type) {
        Ipv4Address dst = cfg.destination().address();
        if (type == RouteType.LOCAL && !dst.isAny() && cfg.prefsrc().equals(dst)) {
            return true;
        }
        return host.fib().addressType(cfg.prefsrc()) == RouteType.LOCAL;
    }
}
