package dev.lvsunit.engine.tcp;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpOptions;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.sim.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * TCP of one host ({@code net/ipv4/tcp_ipv4.c}, {@code tcp_input.c},
 * {@code tcp_output.c}): the socket lookup, listeners, active opens with
 * ephemeral ports, and the RST for segments nobody wants.
 *
 * <p>Randomness comes from the world's seeded source only: initial sequence
 * numbers, timestamp offsets and the start of the ephemeral port walk.
 * Ephemeral ports follow {@code __inet_hash_connect}: connect() uses ports of
 * the parity of the range's low end (32768, so even ports), starting at a
 * random offset and moving on by 2 for each new connection (the kernel's
 * per-destination perturbation table reduced to one counter per host).
 */
public final class Tcp {

    /** {@code ip_local_port_range}. */
    static final int PORT_LOW = 32768;
    static final int PORT_HIGH = 60999;

    private final Host host;
    private final Map<Integer, TcpListener> listeners = new LinkedHashMap<>();
    private final Map<FourTuple, TcpSocket> sockets = new LinkedHashMap<>();
    private int nextPort = -1;

    /** Key of the established-socket hash ({@code __inet_lookup_established}). */
    private record FourTuple(Ipv4Address local, int localPort, Ipv4Address remote, int remotePort) {
    }

    public Tcp(Host host) {
        this.host = Objects.requireNonNull(host);
    }

    /**
     * {@code listen()} on {@code port} of every local address.
     *
     * @throws KernelException {@code EADDRINUSE} if something listens there already
     */
    public TcpListener listen(int port, TcpAcceptor acceptor) throws KernelException {
        if (listeners.containsKey(port)) {
            throw new KernelException(Errno.EADDRINUSE);
        }
        TcpListener l = new TcpListener(this, port, acceptor);
        listeners.put(port, l);
        return l;
    }

    /** The listener on {@code port}, if any. */
    public java.util.Optional<TcpListener> listener(int port) {
        return java.util.Optional.ofNullable(listeners.get(port));
    }

    void unlisten(TcpListener l) {
        listeners.remove(l.port(), l);
    }

    /** Every connection socket, in creation order (TIME_WAIT ones included). */
    public List<TcpSocket> sockets() {
        return new ArrayList<>(sockets.values());
    }

    /**
     * {@code connect()} to {@code dst:port}: picks the source by routing, an
     * ephemeral port, and sends the SYN. Outcomes arrive through {@code handler}.
     *
     * @throws KernelException {@code ENETUNREACH} etc. when there is no route
     */
    public TcpSocket connect(Ipv4Address dst, int port, TcpHandler handler) throws KernelException {
        FibResult res = host.route().output(dst, Ipv4Address.ANY, null);
        Ipv4Address src = res.source();
        if (src.isAny()) {
            throw new KernelException(Errno.ENETUNREACH);
        }
        int lport = ephemeralPort(src, dst, port);
        TcpSocket s = new TcpSocket(this, src, lport, dst, port, false, null, randomSeq(), randomSeq(),
                mssFor(res.device()));
        sockets.put(new FourTuple(src, lport, dst, port), s);
        s.connect(handler);
        return s;
    }

    /** {@code tcp_v4_rcv}: find the socket, else the listener, else answer with RST. */
    public void rcv(Ipv4Packet packet, NetDevice in) {
        if (!(packet.payload() instanceof TcpSegment seg)) {
            return;
        }
        FourTuple key = new FourTuple(packet.destination(), seg.destinationPort(), packet.source(), seg.sourcePort());
        TcpSocket s = sockets.isEmpty() ? null : sockets.get(key);
        if (s != null && s.state() == TcpState.TIME_WAIT && seg.has(TcpSegment.SYN) && !seg.has(TcpSegment.ACK)
                && listeners.containsKey(seg.destinationPort())) {
            // tcp_timewait_state_process: a new SYN may reuse the pair (TCP_TW_SYN)
            s.destroy();
            s = null;
        }
        if (s != null) {
            s.segmentArrived(seg);
            return;
        }
        TcpListener l = listeners.isEmpty() ? null : listeners.get(seg.destinationPort());
        if (l != null) {
            if (seg.has(TcpSegment.RST)) {
                return;
            }
            if (seg.has(TcpSegment.SYN) && !seg.has(TcpSegment.ACK)) {
                TcpSocket child = new TcpSocket(this, packet.destination(), seg.destinationPort(),
                        packet.source(), seg.sourcePort(), true, l, randomSeq(), randomSeq(), mssFor(in));
                sockets.put(key, child);
                child.synReceived(seg);
                return;
            }
            if (!seg.has(TcpSegment.ACK)) {
                return; // tcp_v4_do_rcv in LISTEN drops what is neither SYN nor ACK
            }
        }
        sendReset(packet, seg);
    }

    /**
     * {@code tcp_v4_send_reset}: a RST for a segment no socket wants. If it
     * carried an ACK, the RST takes that number as its sequence; otherwise it
     * is RST+ACK with sequence 0, acknowledging the whole segment.
     */
    private void sendReset(Ipv4Packet packet, TcpSegment seg) {
        if (seg.has(TcpSegment.RST)) {
            return;
        }
        TcpSegment rst;
        if (seg.has(TcpSegment.ACK)) {
            rst = new TcpSegment(seg.destinationPort(), seg.sourcePort(), seg.acknowledgment(), 0,
                    TcpSegment.RST, 0, "", TcpOptions.NONE);
        } else {
            rst = new TcpSegment(seg.destinationPort(), seg.sourcePort(), 0,
                    TcpSocket.seq(seg.sequence() + seg.sequenceLength()), TcpSegment.RST | TcpSegment.ACK, 0, "",
                    TcpOptions.NONE);
        }
        output(packet.destination(), packet.source(), rst);
    }

    /** {@code tcp_v4_err}: an ICMP error quoting a segment we sent, handed over by {@code icmp_unreach}. */
    public void err(IcmpUnreachable u) {
        Ipv4Packet orig = u.original();
        if (!(orig.payload() instanceof TcpSegment seg)) {
            return;
        }
        TcpSocket s = sockets.get(new FourTuple(orig.source(), seg.sourcePort(), orig.destination(),
                seg.destinationPort()));
        if (s == null) {
            return;
        }
        TcpError e;
        switch (u.code()) {
            case IcmpUnreachable.PORT_UNREACH:
                e = TcpError.ECONNREFUSED;
                break;
            case IcmpUnreachable.NET_UNREACH:
                e = TcpError.ENETUNREACH;
                break;
            default:
                e = TcpError.EHOSTUNREACH;
                break;
        }
        s.icmpError(e);
    }

    // ---- services for sockets

    void output(Ipv4Address src, Ipv4Address dst, TcpSegment seg) {
        try {
            host.ip().sendLocal(dst, src, null, true, seg);
        } catch (KernelException e) {
            // no route any more: the segment is lost, as ip_queue_xmit drops it
        }
    }

    void unhash(TcpSocket s) {
        sockets.remove(new FourTuple(s.localAddress(), s.localPort(), s.remoteAddress(), s.remotePort()), s);
    }

    Timer schedule(long delay, Runnable action) {
        return host.world().events().schedule(delay, action);
    }

    long now() {
        return host.world().now();
    }

    private long randomSeq() {
        return host.world().random().nextInt() & 0xffffffffL;
    }

    private int mssFor(NetDevice dev) {
        int mtu = dev == null ? 1500 : dev.mtu();
        return mtu - 40;
    }

    private int ephemeralPort(Ipv4Address src, Ipv4Address dst, int dport) throws KernelException {
        int span = (PORT_HIGH - PORT_LOW + 1) / 2;
        if (nextPort < 0) {
            nextPort = PORT_LOW + 2 * host.world().random().nextInt(span);
        }
        for (int i = 0; i < span; i++) {
            int p = nextPort;
            nextPort += 2;
            if (nextPort > PORT_HIGH) {
                nextPort = PORT_LOW;
            }
            if (!sockets.containsKey(new FourTuple(src, p, dst, dport))) {
                return p;
            }
        }
        throw new KernelException(Errno.EADDRNOTAVAIL);
    }
}
