package dev.lvsunit.engine.arp;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.InDevice;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.neigh.NeighTable;
import dev.lvsunit.engine.neigh.NeighUpdateFlag;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.engine.sysctl.NeighParm;
import java.util.EnumSet;
import java.util.Optional;

/**
 * ARP, {@code net/ipv4/arp.c}: answering requests ({@code arp_process} with
 * {@code arp_ignore}, {@code arp_filter}, proxy ARP), learning from what
 * arrives ({@code arp_accept}, gratuitous ARP, locktime), sending requests
 * ({@code arp_solicit} with {@code arp_announce}), gratuitous announcements
 * ({@code arp_notify}) and the {@code SIOCSARP}/{@code SIOCDARP} ioctls of
 * net-tools {@code arp}.
 */
public final class Arp {

    private final Host host;

    public Arp(Host host) {
        this.host = host;
    }

    private NeighTable neigh() {
        return host.neigh();
    }

    private int conf(NetDevice dev, DevConf key) {
        return host.sysctl().effective(dev.inDevice(), key);
    }

    // ---- receive

    /**
     * {@code arp_rcv} → {@code arp_process}. Frames on a NOARP device
     * ({@code lo}) and frames unicast to another MAC ({@code PACKET_OTHERHOST})
     * are dropped first.
     */
    public void rcv(NetDevice dev, EthernetFrame frame, PacketType type) {
        if (!(frame.payload() instanceof ArpPacket)) {
            return;
        }
        // arp_rcv: IFF_NOARP, PACKET_OTHERHOST (and PACKET_LOOPBACK, which no segment produces)
        if (dev.isNoArp() || type == PacketType.OTHERHOST) {
            return;
        }
        process(dev, (ArpPacket) frame.payload(), type, false);
    }

    /**
     * {@code arp_process}, in the kernel's order:
     * <ol>
     * <li>only REQUEST and REPLY; target multicast, or loopback without
     * {@code route_localnet}: dropped;</li>
     * <li>{@code sip == tip} with {@code drop_gratuitous_arp}: dropped;</li>
     * <li>DAD probe ({@code sip} 0.0.0.0): a request for a local address is
     * answered if {@code arp_ignore} permits; the cache is not touched;</li>
     * <li>a request is routed as an IP packet {@code sip → tip} arriving on
     * {@code dev} ({@code ip_route_input_noref}, with rp_filter): a LOCAL target is
     * answered unless {@code arp_ignore} or {@code arp_filter} suppress it, the
     * sender being learnt ({@code neigh_event_ns}) only when answered; a target
     * routed elsewhere may be proxied when {@code dev} forwards;</li>
     * <li>everything else updates the cache (§ {@link #updateCache}).</li>
     * </ol>
     *
     * @param locallyEnqueued the request comes back from the proxy queue ({@code LOCALLY_ENQUEUED})
     */
    private void process(NetDevice dev, ArpPacket arp, PacketType type, boolean locallyEnqueued) {
        if (!arp.isRequest() && !arp.isReply()) {
            return;
        }
        MacAddress sha = arp.senderMac();
        Ipv4Address sip = arp.senderIp();
        Ipv4Address tip = arp.targetIp();
        // "Check for bad requests for 127.x.x.x and requests for multicast addresses."
        if (tip.isMulticast() || (conf(dev, DevConf.ROUTE_LOCALNET) == 0 && tip.isLoopback())) {
            return;
        }
        // drop_gratuitous_arp (IN_DEV_ORCONF)
        if (sip.equals(tip) && conf(dev, DevConf.DROP_GRATUITOUS_ARP) != 0) {
            return;
        }
        // "Special case: IPv4 duplicate address detection packet (RFC2131)"
        if (sip.isAny()) {
            if (arp.isRequest() && host.fib().addressType(tip) == RouteType.LOCAL && !arpIgnore(dev, sip, tip)) {
                sendReply(dev, sip, tip, sha);
            }
            return;
        }
        if (arp.isRequest()) {
            Optional<FibResult> route = routeInput(tip, sip, dev);
            if (route.isPresent()) {
                FibResult rt = route.get();
                if (rt.type() == RouteType.LOCAL) {
                    boolean dontSend = arpIgnore(dev, sip, tip);
                    if (!dontSend && conf(dev, DevConf.ARP_FILTER) != 0) {
                        dontSend = arpFilter(sip, tip, dev);
                    }
                    if (!dontSend) {
                        Optional<Neighbour> n = neigh().eventNs(sha, sip, dev);
                        if (n.isPresent()) {
                            sendReply(dev, sip, tip, sha);
                        }
                    }
                    return; // suppressed or not, a request for a local address touches nothing else
                } else if (dev.inDevice().conf(DevConf.FORWARDING) != 0) { // IN_DEV_FORWARD: the device's own value
                    if (rt.type() == RouteType.UNICAST
                            && (arpFwdProxy(dev, rt) || arpFwdPvlan(dev, rt, sip, tip)
                                || (rt.device() != dev && neigh().lookupProxy(tip, dev).isPresent()))) {
                        neigh().eventNs(sha, sip, dev);
                        if (locallyEnqueued || type == PacketType.HOST
                                || dev.inDevice().arpParms().get(NeighParm.PROXY_DELAY) == 0) {
                            sendReply(dev, sip, tip, sha);
                        } else {
                            neigh().proxyEnqueue(dev, () -> process(dev, arp, type, true));
                        }
                        return;
                    }
                }
            }
        }
        updateCache(dev, arp, type);
    }

    /**
     * {@code ip_route_input_noref(skb, tip, sip, 0, dev)} as {@code arp_process}
     * calls it, with {@code __mkroute_input}'s rule for non-IP packets: a route
     * back out of the input device is refused (EINVAL) unless
     * {@code proxy_arp_pvlan} is on.
     */
    private Optional<FibResult> routeInput(Ipv4Address tip, Ipv4Address sip, NetDevice dev) {
        FibResult rt = host.route().inputOrNull(tip, sip, dev);
        if (rt == null) {
            return Optional.empty();
        }
        if (rt.type() == RouteType.UNICAST && rt.device() == dev && conf(dev, DevConf.PROXY_ARP_PVLAN) == 0) {
            return Optional.empty();
        }
        return Optional.of(rt);
    }

    /**
     * The tail of {@code arp_process}: "Update our ARP tables".
     * <ol>
     * <li>the existing entry for {@code sip} on the receiving interface, if any;</li>
     * <li>{@code arp_accept} may create one: for a gratuitous ARP, or a reply
     * from a unicast address;</li>
     * <li>the entry becomes REACHABLE for a reply unicast to our MAC, STALE
     * otherwise; a different MAC replaces the cached one only after
     * {@code locktime} since the last update, or for a gratuitous ARP ("first
     * reply wins").</li>
     * </ol>
     */
    private void updateCache(NetDevice dev, ArpPacket arp, PacketType type) {
        Ipv4Address sip = arp.senderIp();
        Ipv4Address tip = arp.targetIp();
        Neighbour n = neigh().lookup(sip, dev).orElse(null);
        boolean accept = arpAccept(dev, sip);
        boolean isGarp = false;
        if (n != null || accept) {
            isGarp = arpIsGarp(arp);
        }
        if (accept && n == null
                && (isGarp || (arp.isReply() && host.fib().addressType(sip) == RouteType.UNICAST))) {
            n = neigh().lookupOrCreate(sip, dev);
        }
        if (n == null) {
            return;
        }
        // "If several different ARP replies follows back-to-back, use the FIRST one."
        long locktime = dev.inDevice().arpParms().nanos(NeighParm.LOCKTIME);
        boolean override = host.world().now() > n.updated() + locktime || isGarp;
        // "Broadcast replies and request packets do not assert neighbour reachability."
        NudState state = arp.isReply() && type == PacketType.HOST ? NudState.NUD_REACHABLE : NudState.NUD_STALE;
        neigh().update(n, arp.senderMac(), state,
                override ? EnumSet.of(NeighUpdateFlag.OVERRIDE) : EnumSet.noneOf(NeighUpdateFlag.class));
    }

    /**
     * {@code arp_ignore(in_dev, sip, tip)}: whether to stay silent for a
     * request for the local address {@code tip}. The level is
     * {@code max(all, dev)} of the receiving interface:
     * <ul>
     * <li>0 reply; 1 only if {@code tip} is configured on {@code dev};</li>
     * <li>2 as 1 and {@code sip} in a subnet of {@code dev} that holds {@code tip};</li>
     * <li>3 unless {@code tip} is a host-scope address (on any interface);</li>
     * <li>4–7 reserved: reply; 8 never; any other value: reply.</li>
     * </ul>
     */
    private boolean arpIgnore(NetDevice dev, Ipv4Address sip, Ipv4Address tip) {
        InDevice in = dev.inDevice();
        Ipv4Address dst = sip;
        RtScope scope;
        switch (conf(dev, DevConf.ARP_IGNORE)) {
            case 0: // "Reply, the tip is already validated"
                return false;
            case 1: // "Reply only if tip is configured on the incoming interface"
                dst = Ipv4Address.ANY;
                scope = RtScope.HOST;
                break;
            case 2: // "... and is in same subnet as sip"
                scope = RtScope.HOST;
                break;
            case 3: // "Do not reply for scope host addresses"
                dst = Ipv4Address.ANY;
                scope = RtScope.LINK;
                in = null;
                break;
            case 4: // "Reserved"
            case 5:
            case 6:
            case 7:
                return false;
            case 8: // "Do not reply"
                return true;
            default:
                return false;
        }
        return host.devinet().confirmAddress(in, dst, tip, scope).isAny();
    }

    /**
     * {@code arp_filter(sip, tip, dev)}: suppress unless the reply to
     * {@code sip}, sent from {@code tip}, would be routed out of {@code dev}
     * ({@code ip_route_output(net, sip, tip, ...)}); no route back suppresses too.
     */
    private boolean arpFilter(Ipv4Address sip, Ipv4Address tip, NetDevice dev) {
        FibResult rt;
        try {
            rt = host.route().output(sip, tip, null);
        } catch (KernelException e) {
            return true;
        }
        return rt.device() != dev; // LINUX_MIB_ARPFILTER
    }

    /**
     * {@code arp_accept(in_dev, sip)} (max of all and the interface): whether
     * an unknown sender may get an entry. 0 no, 1 yes, 2 only if {@code sip}
     * lies in a subnet of the receiving interface, anything else no.
     */
    private boolean arpAccept(NetDevice dev, Ipv4Address sip) {
        switch (conf(dev, DevConf.ARP_ACCEPT)) {
            case 1: // "Create new entries from garp"
                return true;
            case 2: // "... only if sip is in the same subnet as an address configured on the interface"
                return !host.devinet().confirmAddress(dev.inDevice(), sip, Ipv4Address.ANY, RtScope.LINK).isAny();
            default:
                return false;
        }
    }

    /**
     * {@code arp_is_garp}: {@code sip == tip}, for a reply also
     * {@code tha == sha}, and {@code sip} a unicast address for us (not one of
     * our own, not a broadcast).
     */
    private boolean arpIsGarp(ArpPacket arp) {
        boolean isGarp = arp.senderIp().equals(arp.targetIp());
        if (isGarp && arp.isReply()) {
            isGarp = arp.targetMac().equals(arp.senderMac());
        }
        if (isGarp && host.fib().addressType(arp.senderIp()) != RouteType.UNICAST) {
            isGarp = false;
        }
        return isGarp;
    }

    /**
     * {@code arp_fwd_proxy}: the target is routed out of another interface,
     * {@code proxy_arp} (OR) is on for {@code dev}, and the {@code medium_id}s
     * allow it (0 on {@code dev}: yes; -1: no; else the out device's must differ and not be -1).
     */
    private boolean arpFwdProxy(NetDevice dev, FibResult rt) {
        if (rt.device() == dev) {
            return false;
        }
        if (conf(dev, DevConf.PROXY_ARP) == 0) {
            return false;
        }
        int imi = dev.inDevice().conf(DevConf.MEDIUM_ID);
        if (imi == 0) {
            return true;
        }
        if (imi == -1) {
            return false;
        }
        int omi = rt.device() != null ? rt.device().inDevice().conf(DevConf.MEDIUM_ID) : -1;
        return omi != imi && omi != -1;
    }

    /** {@code arp_fwd_pvlan}: RFC 3069 private VLAN proxy back out of the same interface. */
    private boolean arpFwdPvlan(NetDevice dev, FibResult rt, Ipv4Address sip, Ipv4Address tip) {
        if (rt.device() != dev) {
            return false;
        }
        if (sip.equals(tip)) { // "Don't reply on self probes (often done by windowz boxes)"
            return false;
        }
        return conf(dev, DevConf.PROXY_ARP_PVLAN) != 0;
    }

    // ---- transmit

    /**
     * The reply of {@code arp_process}: out of the receiving interface, unicast
     * to the requester, carrying that interface's MAC for {@code tip} ("ARP
     * flux" when several interfaces share a segment).
     */
    private void sendReply(NetDevice dev, Ipv4Address sip, Ipv4Address tip, MacAddress sha) {
        arpSend(ArpPacket.REPLY, sip, dev, tip, sha, dev.mac(), sha);
    }

    /**
     * {@code arp_send_dst} → {@code arp_create}: nothing on a NOARP
     * interface; a {@code null} destination MAC means broadcast, a
     * {@code null} target MAC is sent as zeros.
     */
    private void arpSend(int op, Ipv4Address destIp, NetDevice dev, Ipv4Address srcIp,
                         MacAddress destHw, MacAddress srcHw, MacAddress targetHw) {
        if (dev.isNoArp()) {
            return;
        }
        MacAddress src = srcHw != null ? srcHw : dev.mac();
        ArpPacket arp = new ArpPacket(op, src, srcIp, targetHw != null ? targetHw : MacAddress.ZERO, destIp);
        dev.transmit(new EthernetFrame(destHw != null ? destHw : MacAddress.BROADCAST, src, arp));
    }

    /**
     * {@code arp_solicit}: send a request for {@code n}, choosing the source
     * address by {@code arp_announce} (max of all and the outgoing interface)
     * from {@code queued} (the latest packet waiting, or {@code null}):
     * <ul>
     * <li>0 (and any value but 1 and 2): the packet's source, if it is a local address;</li>
     * <li>1: the packet's source, if local and some subnet of the outgoing
     * interface holds both it and the target ({@code inet_addr_onlink});</li>
     * <li>2: never the packet's source;</li>
     * </ul>
     * else {@code inet_select_addr(dev, target, RT_SCOPE_LINK)}. While
     * {@code probes < ucast_solicit} (PROBE state) the request is unicast to
     * the cached MAC; then {@code app_solicit} probes go to user space (no
     * frame); then broadcast, with target MAC 00:00:00:00:00:00.
     */
    public void solicit(Neighbour n, Ipv4Packet queued) {
        NetDevice dev = n.device();
        InDevice in = dev.inDevice();
        Ipv4Address target = n.address();
        int probes = n.probes();
        Ipv4Address saddr = Ipv4Address.ANY;
        switch (conf(dev, DevConf.ARP_ANNOUNCE)) {
            case 1: // "Restrict announcements of saddr in same subnet"
                if (queued == null) {
                    break;
                }
                if (host.fib().addressType(queued.source()) == RouteType.LOCAL
                        && host.devinet().addrOnlink(in, target, queued.source())) {
                    saddr = queued.source(); // "saddr should be known to target"
                }
                break;
            case 2: // "Avoid secondary IPs, get a primary/preferred one"
                break;
            default: // 0: "By default announce any local IP"
                if (queued != null && host.fib().addressType(queued.source()) == RouteType.LOCAL) {
                    saddr = queued.source();
                }
                break;
        }
        if (saddr.isAny()) {
            saddr = host.devinet().selectAddress(dev, target, RtScope.LINK);
        }
        MacAddress dstHw = null;
        probes -= in.arpParms().get(NeighParm.UCAST_PROBES);
        if (probes < 0) {
            dstHw = n.haSnapshot();
        } else {
            probes -= in.arpParms().get(NeighParm.APP_PROBES);
            if (probes < 0) {
                return; // neigh_app_ns: a netlink notification for an ARP daemon; no frame
            }
        }
        arpSend(ArpPacket.REQUEST, target, dev, saddr, dstHw, dev.mac(), null);
    }

    /**
     * {@code inetdev_send_gratuitous_arp}: one broadcast request with
     * {@code sip = tip =} the address for every address of {@code dev}
     * (primaries and secondaries), from {@code dev}'s MAC. The caller checks
     * {@code arp_notify}.
     */
    public void sendGratuitous(NetDevice dev) {
        for (var ifa : dev.inDevice().addresses()) {
            arpSend(ArpPacket.REQUEST, ifa.local(), dev, ifa.local(), null, dev.mac(), null);
        }
    }

    // ---- ioctls of net-tools arp

    /**
     * {@code arp_req_dev_by_ip}: the interface of the link-scope route to
     * {@code ip}, for {@code arp -s}/{@code arp -d} without {@code -i}.
     * Only the best matching route is considered; it must have link or host
     * scope (the kernel asks for {@code RT_SCOPE_LINK}, which skips routes via
     * gateways).
     *
     * @throws KernelException {@code ENETUNREACH} when no such route exists
     */
    public NetDevice reqDevByIp(Ipv4Address ip) throws KernelException {
        Optional<FibRoute> r = host.fib().lookup(ip, null);
        if (r.isEmpty() || r.get().device() == null || r.get().scope().value() < RtScope.LINK.value()) {
            throw new KernelException(Errno.ENETUNREACH);
        }
        return r.get().type() == RouteType.LOCAL ? host.loopback() : r.get().device();
    }

    /**
     * {@code arp_req_set} ({@code SIOCSARP}, {@code arp -s IP MAC [temp]}):
     * create or update the entry with ADMIN|OVERRIDE, PERMANENT (net-tools
     * sets {@code ATF_PERM} unless {@code temp}) or STALE.
     *
     * @param dev the interface ({@code -i}), or {@code null} to find it by route
     * @throws KernelException {@code ENETUNREACH} without a route to {@code ip}
     */
    public Neighbour reqSet(Ipv4Address ip, NetDevice dev, MacAddress mac, boolean permanent) throws KernelException {
        NetDevice d = dev != null ? dev : reqDevByIp(ip);
        return neigh().replace(ip, d, mac, permanent ? NudState.NUD_PERMANENT : NudState.NUD_STALE);
    }

    /**
     * {@code arp_req_delete} ({@code SIOCDARP}, {@code arp -d IP}):
     * {@code arp_invalidate(dev, ip, force=true)}.
     *
     * @param dev the interface ({@code -i}), or {@code null} to find it by route
     * @return false when there is no entry (the kernel's {@code ENXIO}: net-tools prints
     *     "No ARP entry for IP")
     * @throws KernelException {@code ENETUNREACH} without a route to {@code ip}
     */
    public boolean reqDelete(Ipv4Address ip, NetDevice dev) throws KernelException {
        NetDevice d = dev != null ? dev : reqDevByIp(ip);
        return neigh().invalidate(ip, d, true);
    }
}
