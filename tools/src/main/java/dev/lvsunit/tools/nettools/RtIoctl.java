package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SIOCADDRT} and {@code SIOCDELRT} as the kernel runs them
 * ({@code ip_rt_ioctl} → {@code rtentry_to_fib_config} in
 * {@code net/ipv4/fib_frontend.c}, then {@code fib_table_insert} /
 * {@code fib_table_delete} in {@code fib_trie.c} with the nexthop checks of
 * {@code fib_check_nh} in {@code fib_semantics.c}), on the engine's FIB.
 *
 * <p>This is kernel behaviour the engine does not offer yet (it has the
 * table, not the ioctl's rules), kept here on its public {@link Fib} calls;
 * it belongs in the engine. What it does:
 * <ul>
 * <li>routes go to the main table with protocol {@code boot}; the metric is
 * the priority; a gatewayless route has scope {@code link}, a route via a
 * unicast gateway scope {@code universe}; {@code reject} makes an
 * {@code unreachable} route of scope {@code host};</li>
 * <li>{@code dev lo:0} (an alias label) sets the route's preferred source to
 * that label's address;</li>
 * <li>the gateway must be reachable through a route of link scope or
 * narrower (a connected route or a local address), on the given device if
 * any; the device of a gatewayless route must be up;</li>
 * <li>a route identical to an existing one is EEXIST; otherwise it goes
 * before the routes of its prefix with the same or a higher metric (no
 * {@code NLM_F_APPEND});</li>
 * <li>deleting takes the first unicast route of the prefix (in metric order)
 * that matches what was given: metric, device, source of a {@code dev lo:0},
 * gateway.</li>
 * </ul>
 */
final class RtIoctl {

    /**
     * A {@code struct rtentry} as route fills it.
     *
     * @param destination {@code rt_dst}
     * @param genmask {@code rt_genmask} (0.0.0.0 when none)
     * @param hostRoute {@code RTF_HOST}
     * @param gateway {@code rt_gateway}, or {@code null} without {@code RTF_GATEWAY}
     * @param device {@code rt_dev}, or {@code null}
     * @param metric {@code rt_metric}: the metric given plus one, or 0 when none was
     * @param reject {@code RTF_REJECT}
     */
    record RtEntry(Ipv4Address destination, Ipv4Address genmask, boolean hostRoute, Ipv4Address gateway,
                   String device, int metric, boolean reject) {
    }

    private final Host host;

    RtIoctl(Host host) {
        this.host = host;
    }

    /** {@code SIOCADDRT}. */
    void add(RtEntry rt) throws KernelException {
        Config cfg = toConfig(rt, false);
        FibRoute route;
        if (cfg.type == RouteType.UNREACHABLE) {
            route = new FibRoute(Fib.RT_TABLE_MAIN, cfg.type, cfg.destination, 0, cfg.priority, null, null, null,
                    cfg.scope, FibRoute.PROTO_BOOT);
        } else {
            NetDevice dev = checkNexthop(cfg);
            route = new FibRoute(Fib.RT_TABLE_MAIN, cfg.type, cfg.destination, 0, cfg.priority, dev, cfg.gateway,
                    cfg.prefsrc, cfg.scope, FibRoute.PROTO_BOOT);
        }
        insert(route);
    }

    /** {@code SIOCDELRT}: {@code fib_table_delete}. */
    void delete(RtEntry rt) throws KernelException {
        Config cfg = toConfig(rt, true);
        for (FibRoute r : host.fib().dump(Fib.RT_TABLE_MAIN)) {
            if (!r.destination().equals(cfg.destination) || r.tos() != 0) {
                continue;
            }
            if (r.type() != cfg.type
                    || (cfg.scope != RtScope.NOWHERE && r.scope() != cfg.scope)
                    || (cfg.prefsrc != null && !cfg.prefsrc.equals(r.prefsrc()))
                    || (cfg.priority != 0 && r.priority() != cfg.priority)
                    || (cfg.oif != null && r.device() != cfg.oif)
                    || (cfg.gateway != null && !cfg.gateway.equals(r.gateway()))) {
                continue;
            }
            host.fib().remove(r);
            return;
        }
        throw new KernelException(Errno.ESRCH);
    }

    /** What {@code rtentry_to_fib_config} fills into a {@code fib_config}. */
    private static final class Config {
        Ipv4Prefix destination;
        int priority;
        RouteType type = RouteType.UNICAST;
        RtScope scope = RtScope.NOWHERE;
        NetDevice oif;
        Ipv4Address prefsrc;
        Ipv4Address gateway;
    }

    private Config toConfig(RtEntry rt, boolean delete) throws KernelException {
        Config cfg = new Config();
        int plen = 32;
        if (!rt.hostRoute()) {
            int mask = rt.genmask().bits();
            // bad_mask: not contiguous, or host bits set in the destination
            if ((rt.destination().bits() & ~mask) != 0 || Ipv4Prefix.lengthOfMask(rt.genmask()) < 0) {
                throw new KernelException(Errno.EINVAL);
            }
            plen = Ipv4Prefix.lengthOfMask(rt.genmask());
        }
        cfg.destination = new Ipv4Prefix(rt.destination(), plen);
        if (rt.metric() != 0) {
            cfg.priority = rt.metric() - 1;
        }
        if (rt.reject()) {
            cfg.scope = RtScope.HOST;
            cfg.type = RouteType.UNREACHABLE;
            return cfg;
        }
        if (rt.device() != null) {
            int colon = rt.device().indexOf(':');
            String devName = colon < 0 ? rt.device() : rt.device().substring(0, colon);
            NetDevice dev = host.device(devName).orElseThrow(() -> new KernelException(Errno.ENODEV));
            cfg.oif = dev;
            if (colon >= 0) {
                IfAddr labelled = null;
                for (IfAddr a : dev.inDevice().addresses()) {
                    if (a.label().equals(rt.device())) {
                        labelled = a;
                        break;
                    }
                }
                if (labelled == null) {
                    throw new KernelException(Errno.ENODEV);
                }
                cfg.prefsrc = labelled.local();
            }
        }
        boolean gatewayFlag = rt.gateway() != null;
        if (gatewayFlag && !rt.gateway().isAny()) {
            cfg.gateway = rt.gateway();
            if (host.fib().addressType(rt.gateway()) == RouteType.UNICAST) {
                cfg.scope = RtScope.UNIVERSE;
            }
        }
        if (delete) {
            return cfg;
        }
        if (gatewayFlag && cfg.gateway == null) {
            throw new KernelException(Errno.EINVAL);
        }
        if (cfg.scope == RtScope.NOWHERE) {
            cfg.scope = RtScope.LINK;
        }
        return cfg;
    }

    /**
     * {@code fib_check_nh}: a gatewayless nexthop needs a device that is up;
     * a gateway must be found, with {@code FIB_LOOKUP_IGNORE_LINKSTATE}, by a
     * route of scope wider-numbered than the new route's ({@code scope + 1},
     * at least link) and be a unicast or local destination; its device is the
     * nexthop's.
     */
    private NetDevice checkNexthop(Config cfg) throws KernelException {
        if (cfg.gateway == null) {
            if (cfg.oif == null) {
                throw new KernelException(Errno.ENODEV);
            }
            if (!cfg.oif.isUp()) {
                throw new KernelException(Errno.ENETDOWN);
            }
            return cfg.oif;
        }
        int scope = Math.max(cfg.scope.value() + 1, RtScope.LINK.value());
        FibRoute best = lookup(host, cfg.gateway, cfg.oif, scope)
                .orElseThrow(() -> new KernelException(Errno.ENETUNREACH));
        if (best.type() != RouteType.UNICAST && best.type() != RouteType.LOCAL) {
            throw new KernelException(Errno.EINVAL);
        }
        NetDevice dev = best.device();
        if (dev == null) {
            throw new KernelException(Errno.EINVAL);
        }
        if (!dev.isUp()) {
            throw new KernelException(Errno.ENETDOWN);
        }
        return dev;
    }

    /**
     * {@code fib_lookup} with {@code flowi4_scope}: the best route of the
     * local and main tables among those whose scope is {@code minScope} or
     * narrower ({@code fib_table_lookup} skips {@code fib_scope < flowi4_scope}),
     * through {@code oif} when given, whatever the link state.
     */
    static Optional<FibRoute> lookup(Host host, Ipv4Address dst, NetDevice oif, int minScope) {
        FibRoute best = null;
        for (FibRoute r : host.fib().routes()) {
            if (r.table() != Fib.RT_TABLE_LOCAL && r.table() != Fib.RT_TABLE_MAIN) {
                continue;
            }
            if (!r.destination().contains(dst) || r.scope().value() < minScope) {
                continue;
            }
            if (oif != null && r.device() != oif) {
                continue;
            }
            if (best == null || longerOrLocal(r, best)) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The merged trie's preference: the longer prefix, then the local table, then the lower metric. */
    private static boolean longerOrLocal(FibRoute candidate, FibRoute current) {
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
     * {@code fib_table_insert} without {@code NLM_F_EXCL} or
     * {@code NLM_F_APPEND}: EEXIST for an identical route, else the new route
     * goes first among those of its prefix and metric.
     */
    private void insert(FibRoute route) throws KernelException {
        Fib fib = host.fib();
        if (fib.routes().contains(route)) {
            throw new KernelException(Errno.EEXIST);
        }
        List<FibRoute> after = new ArrayList<>();
        for (FibRoute r : fib.routes()) {
            if (r.sameSlot(route)) {
                after.add(r);
            }
        }
        for (FibRoute r : after) {
            fib.remove(r);
        }
        fib.insert(route);
        for (FibRoute r : after) {
            fib.insert(r);
        }
    }
}
