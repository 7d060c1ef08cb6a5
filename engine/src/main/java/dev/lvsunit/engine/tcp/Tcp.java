package dev.lvsunit.engine.tcp;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.packet.Ipv4Packet;

/** TCP of one host ({@code net/ipv4/tcp_ipv4.c}, {@code tcp_input.c}, {@code tcp_output.c}). */
public final class Tcp {
    // TODO(ipvs helper): sockets, listeners, the three-way handshake, data, FIN and RST.

    private final Host host;

    public Tcp(Host host) {
        this.host = host;
    }

    /** {@code tcp_v4_rcv}. */
    public void rcv(Ipv4Packet packet, NetDevice in) {
        // not modelled yet: segments are dropped
    }
}
