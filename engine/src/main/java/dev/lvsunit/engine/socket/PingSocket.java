package dev.lvsunit.engine.socket;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.IcmpMessage;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.Ipv4Packet;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw ICMP socket as ping uses it: sends echo requests with one identifier
 * and receives the echo replies and ICMP errors that concern them.
 */
public final class PingSocket implements AutoCloseable {

    /** Something the socket received. */
    public sealed interface Event permits EchoReply, Error {
        long timeNanos();

        Ipv4Address from();

        int sequence();
    }

    /** An echo reply for one of our requests. */
    public record EchoReply(long timeNanos, Ipv4Address from, int sequence, int ttl, int dataLength)
            implements Event {
    }

    /** An ICMP error quoting one of our requests. */
    public record Error(long timeNanos, Ipv4Address from, int sequence, int type, int code) implements Event {
    }

    private final Host host;
    private final int identifier;
    private final List<Event> queue = new ArrayList<>();
    private boolean open = true;

    public PingSocket(Host host, int identifier) {
        this.host = host;
        this.identifier = identifier;
    }

    public int identifier() {
        return identifier;
    }

    /**
     * Sends one echo request ({@code raw_sendmsg} → {@code ip_route_output_flow}).
     *
     * @param destination where to
     * @param source the bound source ({@code ping -I ADDR}), or {@link Ipv4Address#ANY}
     * @param device the bound device ({@code ping -I DEV}), or {@code null}
     * @return the source address the request carried
     * @throws KernelException as the route lookup or the send fails
     */
    public Ipv4Address send(Ipv4Address destination, Ipv4Address source, NetDevice device, int sequence,
                            int dataLength) throws KernelException {
        return host.ip().sendLocal(destination, source, device, true,
                new IcmpEcho(false, identifier, sequence, dataLength));
    }

    /** Events received since the last call, in order. */
    public List<Event> drain() {
        List<Event> out = List.copyOf(queue);
        queue.clear();
        return out;
    }

    /** Called by ICMP for every ICMP message delivered locally. */
    public void deliver(Ipv4Packet packet) {
        if (!open) {
            return;
        }
        IcmpMessage m = (IcmpMessage) packet.payload();
        long now = host.world().now();
        if (m instanceof IcmpEcho) {
            IcmpEcho e = (IcmpEcho) m;
            if (e.reply() && e.identifier() == identifier) {
                queue.add(new EchoReply(now, packet.source(), e.sequence(), packet.ttl(), e.dataLength()));
            }
        } else if (m instanceof IcmpUnreachable) {
            IcmpUnreachable u = (IcmpUnreachable) m;
            if (u.original().payload() instanceof IcmpEcho) {
                IcmpEcho quoted = (IcmpEcho) u.original().payload();
                if (!quoted.reply() && quoted.identifier() == identifier) {
                    queue.add(new Error(now, packet.source(), quoted.sequence(), u.type(), u.code()));
                }
            }
        }
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            host.icmp().closeSocket(this);
        }
    }
}
