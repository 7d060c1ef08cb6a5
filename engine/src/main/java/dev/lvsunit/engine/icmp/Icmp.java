package dev.lvsunit.engine.icmp;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.IcmpMessage;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.socket.PingSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * ICMP ({@code net/ipv4/icmp.c}): answers echo requests, raises errors, and
 * hands what arrives to the raw ICMP sockets ({@code raw_local_deliver}).
 */
public final class Icmp {

    /** {@code IPTOS_PREC_INTERNETCONTROL}: the TOS {@code icmp_send} gives its errors. */
    static final int IPTOS_PREC_INTERNETCONTROL = 0xc0;

    private final Host host;
    private final List<PingSocket> sockets = new ArrayList<>();
    private int nextIdentifier;

    public Icmp(Host host) {
        this.host = host;
        this.nextIdentifier = 1 + host.world().random().nextInt(0xfffe);
    }

    /** Opens a raw ICMP socket with a fresh echo identifier, as ping does. */
    public PingSocket openSocket() {
        PingSocket s = new PingSocket(host, nextIdentifier);
        nextIdentifier = (nextIdentifier % 0xffff) + 1;
        sockets.add(s);
        return s;
    }

    /** Called by {@link PingSocket#close()}. */
    public void closeSocket(PingSocket s) {
        sockets.remove(s);
    }

    /**
     * {@code icmp_rcv}: raw sockets get a copy; an echo request is answered
     * ({@code icmp_echo}) unless it was sent to a broadcast address
     * ({@code icmp_echo_ignore_broadcasts} = 1).
     */
    public void rcv(Ipv4Packet packet, NetDevice in, RouteType how) {
        for (PingSocket s : List.copyOf(sockets)) {
            s.deliver(packet);
        }
        IcmpMessage m = (IcmpMessage) packet.payload();
        if (m instanceof IcmpEcho && !((IcmpEcho) m).reply() && how == RouteType.LOCAL) {
            reply(packet, ((IcmpEcho) m).toReply());
        } else if (m instanceof IcmpUnreachable u && u.original().payload() instanceof TcpSegment) {
            // icmp_unreach -> icmp_socket_deliver -> the protocol's err_handler
            host.tcp().err(u);
        }
    }

    /**
     * {@code icmp_reply}: the reply's source is the address the request was
     * sent to ({@code fib_compute_spec_dst}), so a ping to a VIP is answered
     * from the VIP.
     */
    private void reply(Ipv4Packet request, IcmpMessage answer) {
        try {
            host.ip().sendLocal(request.source(), request.destination(), null, false, answer);
        } catch (KernelException e) {
            // no route back: the reply is dropped, as icmp_reply does
        }
    }

    /**
     * {@code icmp_send}: an error about {@code original} to its sender. Never
     * about an ICMP error. The source is chosen by the route back
     * ({@code inet_select_addr}).
     */
    public void sendError(Ipv4Packet original, int code) {
        if (original.payload() instanceof IcmpUnreachable) {
            return;
        }
        Ipv4Address to = original.source();
        try {
            Ipv4Address from = host.devinet().isLocalAddress(original.source()) ? original.source() : Ipv4Address.ANY;
            host.ip().sendLocal(to, from, null, IPTOS_PREC_INTERNETCONTROL, false, new IcmpUnreachable(code, original));
        } catch (KernelException e) {
            // no route back: no error
        }
    }
}
