package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A UDP datagram.
 *
 * @param sourcePort source port
 * @param destinationPort destination port
 * @param data the payload, one char per byte (ISO-8859-1)
 */
public record UdpDatagram(int sourcePort, int destinationPort, String data) implements Ipv4Payload {

    public static final int PROTOCOL = 17;

    public UdpDatagram {
        Objects.requireNonNull(data, "data");
    }

    /** The same datagram with other ports, as IPVS NAT rewrites it. */
    public UdpDatagram withPorts(int newSource, int newDestination) {
        return new UdpDatagram(newSource, newDestination, data);
    }

    @Override
    public int protocol() {
        return PROTOCOL;
    }

    @Override
    public int length() {
        return 8 + data.length();
    }

    @Override
    public byte[] toBytes(Ipv4Address source, Ipv4Address destination) {
        byte[] body = data.getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = new byte[8 + body.length];
        b[0] = (byte) (sourcePort >> 8);
        b[1] = (byte) sourcePort;
        b[2] = (byte) (destinationPort >> 8);
        b[3] = (byte) destinationPort;
        b[4] = (byte) (b.length >> 8);
        b[5] = (byte) b.length;
        System.arraycopy(body, 0, b, 8, body.length);
        return b; // checksum 0: "no checksum" is legal for UDP over IPv4
    }
}
