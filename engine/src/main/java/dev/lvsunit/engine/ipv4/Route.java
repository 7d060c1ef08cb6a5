package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sysctl.DevConf;
import java.util.Optional;

/**
 * Route resolution for packets leaving and arriving ({@code net/ipv4/route.c},
 * with {@code fib_validate_source} of {@code fib_frontend.c}).
 */
public final class Route {

    private final Host host;

    public Route(Host host) {
        this.host = host;
    }

    /**
     * {@code ip_route_output_key}: how a locally generated packet to
     * {@code dst} leaves.
     *
     * @param dst the destination
     * @param src a source the caller insists on (a bound socket, {@code ping -I ADDR}),
     *     or {@link Ipv4Address#ANY}
     * @param oif a forced output device ({@code SO_BINDTODEVICE}, {@code ping -I DEV}), or {@code null}
     * @throws KernelException {@code ENETUNREACH} for a source the host does not own
     *     and when no route matches, {@code ENODEV}/{@code ENETUNREACH}
     *     for a missing or down forced device
     */
    public FibResult output(Ipv4Address dst, Ipv4Address src, NetDevice oif) throws KernelException {
        Ipv4Address saddr = src;
        if (!saddr.isAny()) {
            if (saddr.isMulticast() || saddr.isLimitedBroadcast() || saddr.isZeroNet()) {
                throw new KernelException(Errno.EINVAL);
            }
            // __ip_dev_find: the source must be one of our addresses ("goto out" with -ENETUNREACH)
            if (!host.devinet().isLocalAddress(saddr)) {
                throw new KernelException(Errno.ENETUNREACH);
            }
        }
        if (oif != null) {
            if (!oif.isUp()) {
                throw new KernelException(Errno.ENETUNREACH);
            }
            if (dst.isLimitedBroadcast() || dst.isMulticast()) {
                if (saddr.isAny()) {
                    saddr = host.devinet().selectAddress(oif, Ipv4Address.ANY, RtScope.LINK);
                }
                return new FibResult(null, dst.isMulticast() ? RouteType.MULTICAST : RouteType.BROADCAST, oif, dst, saddr);
            }
        }
        if (dst.isAny()) {
            Ipv4Address d = saddr.isAny() ? Ipv4Address.of(127, 0, 0, 1) : saddr;
            return new FibResult(null, RouteType.LOCAL, host.loopback(), d, saddr.isAny() ? d : saddr);
        }
        Optional<FibRoute> found = host.fib().lookup(dst, oif);
        if (found.isEmpty()) {
            if (oif != null) {
                // "Apparently, routing tables are wrong. Assume, that the destination is on link."
                if (saddr.isAny()) {
                    saddr = host.devinet().selectAddress(oif, Ipv4Address.ANY, RtScope.LINK);
                }
                return new FibResult(null, RouteType.UNICAST, oif, dst, saddr);
            }
            throw new KernelException(Errno.ENETUNREACH);
        }
        FibRoute route = found.get();
        switch (route.type()) {
            case LOCAL:
                if (saddr.isAny()) {
                    saddr = route.prefsrc() != null ? route.prefsrc() : dst;
                }
                return new FibResult(route, RouteType.LOCAL, host.loopback(), dst, saddr);
            case UNICAST:
            case BROADCAST:
                if (saddr.isAny()) {
                    saddr = preferredSource(route);
                }
                if (dst.isLimitedBroadcast()) {
                    // __mkroute_output: 255.255.255.255 is a broadcast out of the route's device
                    return new FibResult(route, RouteType.BROADCAST, route.device(), dst, saddr);
                }
                Ipv4Address nextHop = route.gateway() != null ? route.gateway() : dst;
                return new FibResult(route, route.type(), route.device(), nextHop, saddr);
            case UNREACHABLE:
                throw new KernelException(Errno.EHOSTUNREACH);
            case PROHIBIT:
                throw new KernelException(Errno.EACCES);
            default:
                throw new KernelException(Errno.EINVAL);
        }
    }

    /**
     * {@code fib_result_prefsrc}: the route's {@code src}, else
     * {@code inet_select_addr} on its device towards its gateway at its scope.
     */
    public Ipv4Address preferredSource(FibRoute route) {
        if (route.prefsrc() != null) {
            return route.prefsrc();
        }
        Ipv4Address gw = route.gateway() != null ? route.gateway() : Ipv4Address.ANY;
        return host.devinet().selectAddress(route.device(), gw, route.scope());
    }

    /**
     * {@code ip_route_input_slow}: what happens to a packet from {@code src}
     * to {@code dst} arriving on {@code in}. ARP asks the same question for a
     * request from {@code sip} for {@code tip} ({@code arp_process}).
     *
     * @return {@link RouteType#LOCAL} to deliver here, {@link RouteType#BROADCAST}
     *     to deliver as broadcast, {@link RouteType#UNICAST} to forward (with the
     *     route's output device)
     * @throws KernelException {@code EINVAL} for martians and sources refused by
     *     {@code rp_filter}, {@code EHOSTUNREACH}/{@code ENETUNREACH} when the
     *     packet can be neither delivered nor forwarded
     */
    public FibResult input(Ipv4Address dst, Ipv4Address src, NetDevice in) throws KernelException {
        return input(dst, src, in, false);
    }

    /**
     * As {@link #input}, for the receive paths that drop silently whatever the
     * reason ({@code ip_rcv_finish}, {@code arp_process}): {@code null} instead
     * of an exception. An exception per dropped packet is what a broadcast to
     * ten thousand hosts spent most of its time unwinding.
     */
    public FibResult inputOrNull(Ipv4Address dst, Ipv4Address src, NetDevice in) {
        try {
            return input(dst, src, in, true);
        } catch (KernelException e) {
            throw new AssertionError("a quiet lookup threw", e);
        }
    }

    private FibResult input(Ipv4Address dst, Ipv4Address src, NetDevice in, boolean quiet) throws KernelException {
        InDevice inDev = in.inDevice();
        if (src.isMulticast() || src.isLimitedBroadcast()) {
            return drop(quiet, Errno.EINVAL, "martian source");
        }
        if (dst.isLimitedBroadcast() || (src.isAny() && dst.isAny())) {
            return new FibResult(null, RouteType.BROADCAST, in, dst, dst);
        }
        if (src.isZeroNet()) {
            return drop(quiet, Errno.EINVAL, "martian source");
        }
        if (dst.isZeroNet()) {
            return drop(quiet, Errno.EINVAL, "martian destination");
        }
        boolean localnet = host.sysctl().effective(inDev, DevConf.ROUTE_LOCALNET) != 0;
        if (!in.isLoopback() && !localnet && (dst.isLoopback() || src.isLoopback())) {
            return drop(quiet, Errno.EINVAL, "martian");
        }
        Optional<FibRoute> found = host.fib().lookup(dst, null);
        boolean forwarding = inDev.conf(DevConf.FORWARDING) != 0;
        if (found.isEmpty()) {
            return drop(quiet, forwarding ? Errno.ENETUNREACH : Errno.EHOSTUNREACH);
        }
        FibRoute route = found.get();
        if (route.type() == RouteType.BROADCAST) {
            if (!src.isAny() && !sourceValid(src, in, quiet)) {
                return null;
            }
            return new FibResult(route, RouteType.BROADCAST, in, dst, dst);
        }
        if (route.type() == RouteType.LOCAL) {
            if (!sourceValid(src, in, quiet)) {
                return null;
            }
            return new FibResult(route, RouteType.LOCAL, host.loopback(), dst, dst);
        }
        if (!forwarding) {
            return drop(quiet, Errno.EHOSTUNREACH);
        }
        if (route.type() != RouteType.UNICAST) {
            return drop(quiet, Errno.EINVAL, "martian destination");
        }
        if (!sourceValid(src, in, quiet)) {
            return null;
        }
        Ipv4Address nextHop = route.gateway() != null ? route.gateway() : dst;
        return new FibResult(route, RouteType.UNICAST, route.device(), nextHop, src);
    }

    /**
     * {@code fib_validate_source}: reverse-path and own-source checks.
     * <ul>
     * <li>{@code rp_filter} 0: refuse only a source that is one of our own
     * addresses (unless {@code accept_local});</li>
     * <li>otherwise look the source up: no route, or a route that is not
     * unicast, fails; a route back through the input device passes; strict mode
     * (1) fails any other; loose mode (2) passes.</li>
     * </ul>
     *
     * @throws KernelException {@code EINVAL} or {@code EXDEV}-like refusal, as {@code EINVAL}
     */
    public void validateSource(Ipv4Address src, Ipv4Address dst, NetDevice in) throws KernelException {
        sourceValid(src, in, false);
    }

    /** {@link #validateSource}, or false instead of the exception when {@code quiet}. */
    private boolean sourceValid(Ipv4Address src, NetDevice in, boolean quiet) throws KernelException {
        InDevice inDev = in.inDevice();
        int rpf = host.sysctl().effective(inDev, DevConf.RP_FILTER);
        boolean acceptLocal = host.sysctl().effective(inDev, DevConf.ACCEPT_LOCAL) != 0;
        if (rpf == 0) {
            if (acceptLocal) {
                return true;
            }
            if (host.devinet().isLocalAddress(src)) {
                return refuse(quiet, Errno.EINVAL, "martian source");
            }
            return true;
        }
        Optional<FibRoute> back = host.fib().lookup(src, null);
        if (back.isEmpty()) {
            return refuse(quiet, Errno.EINVAL, "rp_filter");
        }
        FibRoute r = back.get();
        if (r.type() != RouteType.UNICAST && !(r.type() == RouteType.LOCAL && acceptLocal)) {
            return refuse(quiet, Errno.EINVAL, "martian source");
        }
        boolean devMatch = r.device() == in || (r.type() == RouteType.LOCAL && in.isLoopback());
        if (devMatch) {
            return true;
        }
        if (inDev.addresses().isEmpty()) {
            return refuse(quiet, Errno.EINVAL, "rp_filter");
        }
        if (rpf == 1) {
            return refuse(quiet, Errno.EINVAL, "rp_filter");
        }
        return true;
    }

    /** A refusal: null when {@code quiet}, else the exception. */
    private static FibResult drop(boolean quiet, Errno errno, String why) throws KernelException {
        refuse(quiet, errno, why);
        return null;
    }

    /** A refused source: false when {@code quiet}, else the exception. */
    private static boolean refuse(boolean quiet, Errno errno, String why) throws KernelException {
        if (quiet) {
            return false;
        }
        throw new KernelException(errno, why);
    }

    private static FibResult drop(boolean quiet, Errno errno) throws KernelException {
        return drop(quiet, errno, null);
    }
}
