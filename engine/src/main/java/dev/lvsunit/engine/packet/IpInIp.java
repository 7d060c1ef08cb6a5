package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * An IPv4 datagram carried inside another ({@code IPPROTO_IPIP}), as LVS
 * tunnelling ({@code ip_vs_tunnel_xmit}) sends it.
 *
 * @param inner the encapsulated datagram
 */
public record IpInIp(Ipv4Packet inner) implements Ipv4Payload {

    public static final int PROTOCOL = 4;

    public IpInIp {
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int length() {
        return inner.length();
    }

    @Override
    public byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        return inner.toBytes();
    }
}
