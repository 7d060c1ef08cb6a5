package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.sysctl.DevConf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * IPv4 addressing of a host: {@code net/ipv4/devinet.c} with the route
 * bookkeeping of {@code fib_add_ifaddr}/{@code fib_del_ifaddr}
 * ({@code net/ipv4/fib_frontend.c}).
 */
public final class Devinet {

    private final Host host;
    /**
     * Every address some interface holds, as {@code inet_addr_lst} hashes them
     * for {@code __ip_dev_find}: asked on every packet (source checks, IPVS),
     * so not a walk over the devices: sorted, for a binary search in one
     * array. Remade after each change of addresses.
     */
    private int[] localAddresses = new int[0];

    public Devinet(Host host) {
        this.host = host;
    }

    private void rehashLocalAddresses() {
        localAddresses = host.devices().stream()
                .flatMap(d -> d.inDevice().ifaList.stream())
                .mapToInt(a -> a.local().bits())
                .sorted()
                .toArray();
    }

    /**
     * {@code __inet_insert_ifa}: adds an address to an interface. An address in
     * the subnet (same mask) of an existing one becomes secondary and goes to
     * the end of the list; a new primary goes after the last primary of equal
     * or narrower scope.
     *
     * @throws KernelException {@code EEXIST} ("ipv4: Address already assigned.")
     *     if the interface has the address with that mask, {@code EINVAL} if the
     *     scope differs from the subnet's primary
     */
    public IfAddr add(NetDevice dev, IfAddr requested) throws KernelException {
        InDevice in = dev.inDevice();
        List<IfAddr> list = in.ifaList;
        boolean secondary = false;
        int lastPrimary = 0;
        for (int i = 0; i < list.size(); i++) {
            IfAddr a = list.get(i);
            if (a.primary() && requested.scope().value() <= a.scope().value()) {
                lastPrimary = i + 1;
            }
            if (a.prefixLength() == requested.prefixLength() && a.matches(requested.local())) {
                if (a.local().equals(requested.local())) {
                    throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned.");
                }
                if (a.scope() != requested.scope()) {
                    throw new KernelException(Errno.EINVAL);
                }
                secondary = true;
            }
        }
        IfAddr ifa = requested.withSecondary(secondary);
        List<FibRoute> before = kernelRoutes();
        if (secondary) {
            list.add(ifa);
        } else {
            list.add(lastPrimary, ifa);
        }
        rehashLocalAddresses();
        host.sysctl().addressAdded(in);
        applyKernelRoutes(before);
        return ifa;
    }

    /**
     * {@code inet_rtm_deladdr} / {@code __inet_del_ifa}: deletes the first
     * address matching {@code local} (and, where given, the prefix length and
     * label). Deleting a primary deletes the secondaries of its subnet, unless
     * {@code promote_secondaries} is on, which promotes the first of them.
     *
     * @param prefixLength the prefix length to match, or -1 for any
     * @param label the label to match, or {@code null} for any
     * @throws KernelException {@code EADDRNOTAVAIL} ("ipv4: Address not found.")
     */
    public IfAddr delete(NetDevice dev, Ipv4Address local, int prefixLength, String label) throws KernelException {
        List<IfAddr> list = dev.inDevice().ifaList;
        for (int i = 0; i < list.size(); i++) {
            IfAddr a = list.get(i);
            if (a.local().equals(local) && (prefixLength < 0 || a.prefixLength() == prefixLength)
                    && (label == null || a.label().equals(label))) {
                deleteAt(dev, i);
                return a;
            }
        }
        throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found.");
    }

    /** Deletes every address of an interface ({@code ip addr flush dev D}). */
    public void flush(NetDevice dev) {
        List<IfAddr> list = dev.inDevice().ifaList;
        // iproute2 deletes in dump order; deleting a primary takes its secondaries with it
        while (!list.isEmpty()) {
            deleteAt(dev, 0);
        }
    }

    private void deleteAt(NetDevice dev, int index) {
        InDevice in = dev.inDevice();
        List<IfAddr> list = in.ifaList;
        List<FibRoute> before = kernelRoutes();
        IfAddr victim = list.remove(index);
        List<IfAddr> gone = new ArrayList<>();
        gone.add(victim);
        if (victim.primary()) {
            boolean promote = host.sysctl().effective(in, DevConf.PROMOTE_SECONDARIES) != 0;
            IfAddr promoted = null;
            for (int i = 0; i < list.size(); i++) {
                IfAddr a = list.get(i);
                if (a.secondary() && a.prefixLength() == victim.prefixLength() && victim.matches(a.local())) {
                    if (promote && promoted == null) {
                        promoted = a;
                        list.remove(i);
                        list.add(index, a.withSecondary(false));
                        if (i < index) {
                            index--;
                        }
                    } else if (!promote) {
                        gone.add(list.remove(i));
                        i--;
                    }
                }
            }
        }
        rehashLocalAddresses();
        // fib_del_ifaddr -> fib_sync_down_addr: routes whose preferred source is
        // an address the host no longer has are dead.
        for (IfAddr g : gone) {
            if (!isLocalAddress(g.local())) {
                host.fib().removeIf(r -> r.protocol() != FibRoute.PROTO_KERNEL && g.local().equals(r.prefsrc()));
            }
        }
        applyKernelRoutes(before);
    }

    /** Whether any interface of the host holds {@code address}. */
    public boolean isLocalAddress(Ipv4Address address) {
        return Arrays.binarySearch(localAddresses, address.bits()) >= 0;
    }

    /** {@code inet_ifa_byprefix}: the primary of {@code dev} with exactly this subnet. */
    public Optional<IfAddr> primaryOfSubnet(NetDevice dev, Ipv4Prefix prefix) {
        for (IfAddr a : dev.inDevice().ifaList) {
            if (a.primary() && a.prefixLength() == prefix.length() && a.matches(prefix.address())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Finds the address of {@code dev} whose label is {@code label}. */
    public Optional<IfAddr> byLabel(NetDevice dev, String label) {
        for (IfAddr a : dev.inDevice().ifaList) {
            if (a.label().equals(label)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The effective scope of an address for selection: {@code route_localnet} lowers 127/8 to link. */
    private int effectiveScope(InDevice in, IfAddr a) {
        int localnetScope = host.sysctl().effective(in, DevConf.ROUTE_LOCALNET) != 0
                ? RtScope.LINK.value() : RtScope.HOST.value();
        return Math.min(a.scope().value(), localnetScope);
    }

    /**
     * {@code inet_select_addr}: the source address for talking to {@code dst}
     * through {@code dev} at {@code scope}.
     * <ol>
     * <li>the first primary of {@code dev} within scope whose subnet contains {@code dst}
     * (any, when {@code dst} is 0.0.0.0);</li>
     * <li>else the first primary of {@code dev} within scope;</li>
     * <li>else the first primary, of scope narrower than link's but within
     * {@code scope}, of any interface in order ({@code lo} first).</li>
     * </ol>
     *
     * @return the address, or {@link Ipv4Address#ANY} if there is none
     */
    public Ipv4Address selectAddress(NetDevice dev, Ipv4Address dst, RtScope scope) {
        Ipv4Address fallback = null;
        if (dev != null) {
            InDevice in = dev.inDevice();
            for (IfAddr a : in.ifaList) {
                if (a.secondary() || effectiveScope(in, a) > scope.value()) {
                    continue;
                }
                if (dst.isAny() || a.matches(dst)) {
                    return a.local();
                }
                if (fallback == null) {
                    fallback = a.local();
                }
            }
            if (fallback != null) {
                return fallback;
            }
        }
        for (NetDevice d : host.devices()) {
            InDevice in = d.inDevice();
            for (IfAddr a : in.ifaList) {
                if (a.secondary()) {
                    continue;
                }
                // in_dev_select_addr compares the raw ifa_scope
                int s = a.scope().value();
                if (s != RtScope.LINK.value() && s <= scope.value()) {
                    return a.local();
                }
            }
        }
        return Ipv4Address.ANY;
    }

    /**
     * {@code inet_confirm_addr} / {@code confirm_addr_indev}: whether an
     * address {@code local} (any address when 0.0.0.0) exists within
     * {@code scope} on the interface ({@code null}: on any interface, in order),
     * such that some address of that interface has a subnet containing both
     * {@code local} (when given) and {@code dst} (when given).
     *
     * @return the confirmed address, or {@link Ipv4Address#ANY}
     */
    public Ipv4Address confirmAddress(InDevice in, Ipv4Address dst, Ipv4Address local, RtScope scope) {
        if (in != null) {
            return confirmOnDevice(in, dst, local, scope);
        }
        for (NetDevice d : host.devices()) {
            Ipv4Address addr = confirmOnDevice(d.inDevice(), dst, local, scope);
            if (!addr.isAny()) {
                return addr;
            }
        }
        return Ipv4Address.ANY;
    }

    private Ipv4Address confirmOnDevice(InDevice in, Ipv4Address dst, Ipv4Address local, RtScope scope) {
        Ipv4Address addr = Ipv4Address.ANY;
        boolean same = false;
        for (IfAddr a : in.ifaList) {
            int minScope = effectiveScope(in, a);
            if (addr.isAny() && (local.isAny() || local.equals(a.local())) && minScope <= scope.value()) {
                addr = a.local();
                if (same) {
                    break;
                }
            }
            if (!same) {
                same = (local.isAny() || a.matches(local)) && (dst.isAny() || a.matches(dst));
                if (same && !addr.isAny()) {
                    if (!local.isAny() || dst.isAny()) {
                        break;
                    }
                    // Is the selected address in dst's subnet?
                    if (a.matches(addr)) {
                        break;
                    }
                    // No: can we use this one as the local source?
                    if (minScope <= scope.value()) {
                        addr = a.local();
                        break;
                    }
                    // Search on for a larger dst subnet holding addr.
                    same = false;
                }
            }
        }
        return same ? addr : Ipv4Address.ANY;
    }

    /**
     * {@code inet_addr_onlink}: whether some address of the interface has a
     * subnet containing {@code a} and, when given, {@code b}. In 6.x every
     * address counts, primaries and secondaries.
     */
    public boolean addrOnlink(InDevice in, Ipv4Address a, Ipv4Address b) {
        for (IfAddr ifa : in.ifaList) {
            if (ifa.matches(a) && (b.isAny() || ifa.matches(b))) {
                return true;
            }
        }
        return false;
    }

    // ---- routes the kernel keeps for addresses

    /**
     * The routes {@code fib_add_ifaddr} installs for every address of the
     * host as things stand, in address order.
     */
    private List<FibRoute> kernelRoutes() {
        List<FibRoute> wanted = new ArrayList<>();
        for (NetDevice dev : host.devices()) {
            for (IfAddr ifa : dev.inDevice().ifaList) {
                addIfaddrRoutes(dev, ifa, wanted);
            }
        }
        return wanted;
    }

    /**
     * {@code fib_add_ifaddr} / {@code fib_del_ifaddr} for one change of the
     * address lists: the routes the change made unnecessary go, the routes it
     * calls for are appended (after existing routes of the same key, so the
     * first of several equal connected routes stays first). Routes the change
     * does not concern are left alone, also where someone deleted one by hand.
     *
     * @param before {@link #kernelRoutes()} before the change
     */
    private void applyKernelRoutes(List<FibRoute> before) {
        Fib fib = host.fib();
        List<FibRoute> after = kernelRoutes();
        for (FibRoute r : before) {
            if (!after.contains(r)) {
                fib.remove(r);
            }
        }
        for (FibRoute r : after) {
            if (!before.contains(r) && !fib.routes().contains(r)) {
                fib.insert(r);
            }
        }
    }

    private void addIfaddrRoutes(NetDevice dev, IfAddr ifa, List<FibRoute> out) {
        IfAddr prim = ifa;
        if (ifa.secondary()) {
            Optional<IfAddr> p = primaryOfSubnet(dev, ifa.prefix());
            if (p.isEmpty()) {
                return; // "fib_add_ifaddr: bug: prim == NULL"
            }
            prim = p.get();
        }
        Ipv4Address src = prim.local();
        out.add(kernelRoute(Fib.RT_TABLE_LOCAL, RouteType.LOCAL, new Ipv4Prefix(ifa.local(), 32), dev, src, RtScope.HOST));
        if (!dev.isUp()) {
            return;
        }
        if (!ifa.broadcast().isAny() && !ifa.broadcast().isLimitedBroadcast()) {
            out.add(kernelRoute(Fib.RT_TABLE_LOCAL, RouteType.BROADCAST, new Ipv4Prefix(ifa.broadcast(), 32), dev, src, RtScope.LINK));
        }
        Ipv4Prefix network = ifa.prefix().network();
        if (!network.address().isZeroNet() && ifa.primary()
                && (!network.address().equals(ifa.local()) || ifa.prefixLength() < 32)) {
            if (!ifa.noPrefixRoute()) {
                if (dev.isLoopback()) {
                    out.add(kernelRoute(Fib.RT_TABLE_LOCAL, RouteType.LOCAL, network, dev, src, RtScope.HOST));
                } else {
                    out.add(kernelRoute(Fib.RT_TABLE_MAIN, RouteType.UNICAST, network, dev, src, RtScope.LINK));
                }
            }
            if (ifa.prefixLength() < 31) {
                out.add(kernelRoute(Fib.RT_TABLE_LOCAL, RouteType.BROADCAST,
                        new Ipv4Prefix(network.broadcastAddress(), 32), dev, src, RtScope.LINK));
            }
        }
    }

    private static FibRoute kernelRoute(int table, RouteType type, Ipv4Prefix dst, NetDevice dev,
                                        Ipv4Address prefsrc, RtScope scope) {
        return new FibRoute(table, type, dst.network(), 0, 0, dev, null, prefsrc, scope, FibRoute.PROTO_KERNEL);
    }

    /**
     * {@code fib_netdev_event(NETDEV_DOWN)} → {@code fib_disable_ip}: the
     * device's prefix and broadcast routes go, and so do routes added by hand
     * through it; its {@code local} routes stay, so its addresses stay local.
     */
    public void deviceDown(NetDevice dev) {
        // fib_sync_down_dev(force=false) spares host-scope routes (local 127.0.0.0/8 stays on lo)
        host.fib().removeIf(r -> r.uses(dev) && r.scope() != RtScope.HOST);
    }

    /** {@code fib_netdev_event(NETDEV_UP)}: {@code fib_add_ifaddr} for every address of the device. */
    public void deviceUp(NetDevice dev) {
        Fib fib = host.fib();
        List<FibRoute> wanted = new ArrayList<>();
        for (IfAddr ifa : dev.inDevice().ifaList) {
            addIfaddrRoutes(dev, ifa, wanted);
        }
        for (FibRoute r : wanted) {
            if (!fib.routes().contains(r)) {
                fib.insert(r);
            }
        }
    }
}
