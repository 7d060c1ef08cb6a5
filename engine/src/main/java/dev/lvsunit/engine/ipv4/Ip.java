package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.IcmpMessage;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.Ipv4Payload;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.sysctl.DevConf;

/**
 * The IPv4 datagram path: {@code ip_rcv} and {@code ip_local_deliver} in,
 * {@code ip_forward}, and {@code ip_local_out} → {@code ip_finish_output2}
 * out through the neighbour layer ({@code net/ipv4/ip_input.c},
 * {@code ip_output.c}, {@code ip_forward.c}).
 */
public final class Ip {

    private final Host host;
    private int nextId = 1;
    private final java.util.List<NfHook> localIn = new java.util.ArrayList<>();
    private final java.util.List<NfHook> forward = new java.util.ArrayList<>();

    public Ip(Host host) {
        this.host = host;
    }

    /**
     * Sends a locally generated datagram: routes it ({@code ip_route_output_key}),
     * builds the header and hands it to the output path.
     *
     * @param dontFragment whether to set DF (ping and TCP do; ICMP errors do not)
     * @return the source address used
     * @throws KernelException when there is no route or the source is not ours
     */
    public Ipv4Address sendLocal(Ipv4Address dst, Ipv4Address src, NetDevice oif, boolean dontFragment,
                                 Ipv4Payload payload) throws KernelException {
        return sendLocal(dst, src, oif, 0, dontFragment, payload);
    }

    /**
     * As {@link #sendLocal(Ipv4Address, Ipv4Address, NetDevice, boolean, Ipv4Payload)},
     * with a type of service ({@code icmp_send} marks its errors 0xc0,
     * {@code IPTOS_PREC_INTERNETCONTROL}).
     */
    public Ipv4Address sendLocal(Ipv4Address dst, Ipv4Address src, NetDevice oif, int tos, boolean dontFragment,
                                 Ipv4Payload payload) throws KernelException {
        FibResult res = host.route().output(dst, src, oif);
        if (res.source().isAny() && res.type() != RouteType.LOCAL) {
            // no address to send from: raw_sendmsg still sends with saddr 0 on some paths;
            // the kernel refuses in ip_route_output for unicast without any address.
            throw new KernelException(Errno.EINVAL);
        }
        Ipv4Packet packet = new Ipv4Packet(tos, nextId(), dontFragment, Ipv4Packet.DEFAULT_TTL,
                res.source(), dst, payload);
        output(packet, res);
        return res.source();
    }

    /** Registers a hook at {@code NF_INET_LOCAL_IN}: datagrams about to be delivered locally. */
    public void registerLocalIn(NfHook hook) {
        localIn.add(hook);
    }

    /** Registers a hook at {@code NF_INET_FORWARD}: datagrams about to be forwarded. */
    public void registerForward(NfHook hook) {
        forward.add(hook);
    }

    /** A fresh IP identification. */
    public int nextId() {
        int id = nextId;
        nextId = (nextId + 1) & 0xffff;
        return id;
    }

    /**
     * {@code ip_finish_output2}: local destinations loop back through
     * {@code lo}; others go to the neighbour of the next hop on the output
     * device, which sends now or resolves first.
     */
    public void output(Ipv4Packet packet, FibResult res) {
        NetDevice dev = res.device();
        if (res.type() == RouteType.LOCAL || dev.isLoopback()) {
            // through lo's NOARP neighbour (arp_constructor keys it 0.0.0.0), as the kernel does
            Neighbour n = host.neigh().lookupOrCreate(res.nextHop(), host.loopback());
            host.neigh().output(n, packet);
            return;
        }
        if (res.type() == RouteType.BROADCAST) {
            transmit(dev, MacAddress.BROADCAST, packet);
            return;
        }
        Neighbour n = host.neigh().lookupOrCreate(res.nextHop(), dev);
        host.neigh().output(n, packet);
    }

    /** Puts a datagram on the wire to a resolved MAC ({@code neigh_hh_output}). */
    public void transmit(NetDevice dev, MacAddress destination, Ipv4Packet packet) {
        dev.transmit(new EthernetFrame(destination, dev.mac(), packet));
    }

    /**
     * {@code ip_rcv} → {@code ip_rcv_finish}: route the datagram
     * ({@code ip_route_input_noref}) and deliver it here, forward it, or drop
     * it. Frames for another MAC ({@code PACKET_OTHERHOST}) are dropped first.
     * Datagrams on {@code lo} keep the route they were sent with: they are
     * delivered without a second lookup.
     */
    public void rcv(NetDevice dev, Ipv4Packet packet, PacketType type) {
        if (type == PacketType.OTHERHOST) {
            return;
        }
        if (dev.isLoopback()) {
            localDeliver(packet, dev, RouteType.LOCAL);
            return;
        }
        FibResult res = host.route().inputOrNull(packet.destination(), packet.source(), dev);
        if (res == null) {
            return; // martian, rp_filter, or not ours and not forwarding: dropped silently
        }
        switch (res.type()) {
            case LOCAL:
            case BROADCAST:
                localDeliver(packet, dev, res.type());
                break;
            case UNICAST:
                forward(packet, dev, type, res);
                break;
            default:
                break;
        }
    }

    /** {@code ip_local_deliver}: the LOCAL_IN hooks, then the protocol handler. */
    private void localDeliver(Ipv4Packet packet, NetDevice dev, RouteType how) {
        for (NfHook hook : localIn) {
            if (hook.process(packet, dev)) {
                return;
            }
        }
        switch (packet.protocol()) {
            case IcmpMessage.PROTOCOL:
                host.icmp().rcv(packet, dev, how);
                break;
            case TcpSegment.PROTOCOL:
                host.tcp().rcv(packet, dev);
                break;
            default:
                break; // no handler: dropped (UDP sockets and IP-in-IP are not modelled yet)
        }
    }

    /**
     * {@code ip_forward}: decrement the TTL and send on. Forwarding happens
     * only when {@code forwarding} is on for the input interface, which
     * {@link Route#input} has checked.
     */
    private void forward(Ipv4Packet packet, NetDevice in, PacketType type, FibResult res) {
        if (type != PacketType.HOST) {
            return; // only frames sent to our MAC are forwarded: a link-layer broadcast is not (ip_forward)
        }
        if (packet.ttl() <= 1) {
            return; // ICMP time exceeded is not modelled yet
        }
        for (NfHook hook : forward) {
            if (hook.process(packet, in)) {
                return;
            }
        }
        Ipv4Packet out = packet.withTtl(packet.ttl() - 1);
        if (res.device() == in
                && host.sysctl().effective(in.inDevice(), DevConf.SEND_REDIRECTS) != 0) {
            // An ICMP redirect would be sent here (ip_rt_send_redirect); not modelled yet.
        }
        output(out, res);
    }

    /**
     * {@code arp_error_report} → {@code icmp_send}: a datagram waiting for a
     * neighbour that failed to resolve gets a host-unreachable error back to
     * its sender (for local senders, through {@code lo}).
     */
    public void hostUnreachable(Ipv4Packet original) {
        host.icmp().sendError(original, IcmpUnreachable.HOST_UNREACH);
    }
}
