package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The netlink route requests of a host: {@code inet_rtm_newroute} and
 * {@code inet_rtm_delroute} ({@code fib_frontend.c}), with the checks of
 * {@code fib_create_info}/{@code fib_check_nh} ({@code fib_semantics.c}) and
 * the key rules of {@code fib_table_insert}/{@code fib_table_delete}
 * ({@code fib_trie.c}). {@code ip route add|del|replace|change|append} and
 * {@code route add|del} both come here.
 *
 * <p>Error texts are the kernel's extended acks, without the final period
 * iproute2 adds when it prints them.
 */
public final class FibFrontend {

    /** {@code RT_TABLE_DEFAULT}. */
    public static final int RT_TABLE_DEFAULT = 253;

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
     * route fails, {@code NLM_F_REPLACE} replaces the first of them, and
     * without {@code NLM_F_CREATE} a missing one fails with {@code ENOENT}.</li>
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
                // lvsunit keeps no position inside a slot: the replacement goes
                // after the other routes of the same key
                fib.remove(slot.get(0));
                fib.insert(route);
                return route;
            }
            if (match != null) {
                throw new KernelException(Errno.EEXIST);
            }
        }
        if ((nlFlags & FibConfig.NLM_F_CREATE) == 0) {
            throw new KernelException(Errno.ENOENT);
        }
        fib.insert(route);
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

    /** {@code fib_props[type].error}: routes that only answer with an error. */
    private static boolean isErrorType(RouteType type) {
        return type == RouteType.BLACKHOLE || type == RouteType.UNREACHABLE
                || type == RouteType.PROHIBIT || type == RouteType.THROW;
    }

    /** {@code fib_create_info}. */
    private FibRoute createInfo(FibConfig cfg) throws KernelException {
        RouteType type = cfg.type() == null ? RouteType.UNICAST : cfg.type();
        if (propsScope(type).value() > cfg.scope().value()) {
            throw new KernelException(Errno.EINVAL, "Invalid scope");
        }
        if (isErrorType(type)) {
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
     * up at a scope narrower than the route's (at least link), through the
     * given device if any, in the route's own table when it is not main, else
     * in local and main. The answer must be a unicast or local route; its
     * device becomes the route's and must be up.
     */
    private NetDevice checkNhGateway(FibConfig cfg) throws KernelException {
        int scope = Math.max(cfg.scope().value() + 1, RtScope.LINK.value());
        FibRoute res = null;
        boolean found = false;
        if (cfg.table() != Fib.RT_TABLE_MAIN && tableExists(cfg.table())) {
            res = lookupScoped(cfg.gateway(), cfg.oif(), scope, cfg.table());
            found = res != null && !isErrorType(res.type());
        }
        if (!found) {
            res = lookupScoped(cfg.gateway(), cfg.oif(), scope, -1);
            found = res != null && !isErrorType(res.type());
        }
        if (!found || (res.type() != RouteType.UNICAST && res.type() != RouteType.LOCAL)) {
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
     * {@code fib_table_lookup} with {@code flowi4_scope} and
     * {@code FIB_LOOKUP_IGNORE_LINKSTATE}: the longest match among routes of
     * scope {@code minScope} or narrower (local before main at equal length,
     * then TOS, metric, insertion); error routes match whatever the device.
     *
     * @param table one table, or -1 for the merged local and main tables
     * @return the route, or {@code null}
     */
    private FibRoute lookupScoped(Ipv4Address dst, NetDevice oif, int minScope, int table) {
        FibRoute best = null;
        for (FibRoute r : host.fib().routes()) {
            boolean inTable = table < 0
                    ? r.table() == Fib.RT_TABLE_LOCAL || r.table() == Fib.RT_TABLE_MAIN
                    : r.table() == table;
            if (!inTable || !r.destination().contains(dst) || r.scope().value() < minScope || r.tos() != 0) {
                continue;
            }
            if (!isErrorType(r.type()) && oif != null && r.device() != oif) {
                continue;
            }
            if (best == null || better(r, best)) {
                best = r;
            }
        }
        return best;
    }

    private static boolean better(FibRoute candidate, FibRoute current) {
        int c = Integer.compare(candidate.destination().length(), current.destination().length());
        if (c != 0) {
            return c > 0;
        }
        if (candidate.table() != current.table()) {
            return candidate.table() == Fib.RT_TABLE_LOCAL;
        }
        return candidate.priority() < current.priority();
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
