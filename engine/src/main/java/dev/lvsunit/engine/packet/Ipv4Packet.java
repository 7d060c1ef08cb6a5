package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * An IPv4 datagram ({@code struct iphdr}, no options).
 *
 * @param tos type of service
 * @param id identification
 * @param dontFragment the DF flag
 * @param ttl time to live
 * @param source source address
 * @param destination destination address
 * @param payload the transport payload; its type gives the protocol number
 */
public record Ipv4Packet(int tos, int id, boolean dontFragment, int ttl,
                         Ipv4Address source, Ipv4Address destination,
                         Ipv4Payload payload) implements FramePayload {

    public static final int ETHERTYPE = 0x0800;
    public static final int HEADER_LENGTH = 20;
    /** {@code sysctl_ip_default_ttl}. */
    public static final int DEFAULT_TTL = 64;

    public Ipv4Packet {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(payload, "payload");
    }

    public int protocol() {
        return payload.protocol();
    }

    /** {@code tot_len}. */
    @Override
    public int length() {
        return HEADER_LENGTH + payload.length();
    }

    @Override
    public int etherType() {
        return ETHERTYPE;
    }

    /** This packet with another TTL, as forwarding decrements it. */
    public Ipv4Packet withTtl(int newTtl) {
        return new Ipv4Packet(tos, id, dontFragment, newTtl, source, destination, payload);
    }

    @Override
    public byte[] toBytes() {
        byte[] body = payload.toBytes(source, destination);
        byte[] b = new byte[HEADER_LENGTH + body.length];
        b[0] = 0x45;
        b[1] = (byte) tos;
        int total = b.length;
        b[2] = (byte) (total >> 8);
        b[3] = (byte) total;
        b[4] = (byte) (id >> 8);
        b[5] = (byte) id;
        b[6] = (byte) (dontFragment ? 0x40 : 0);
        b[8] = (byte) ttl;
        b[9] = (byte) protocol();
        System.arraycopy(source.toBytes(), 0, b, 12, 4);
        System.arraycopy(destination.toBytes(), 0, b, 16, 4);
        int sum = Checksum.of(b, 0, HEADER_LENGTH);
        b[10] = (byte) (sum >> 8);
        b[11] = (byte) sum;
        System.arraycopy(body, 0, b, HEADER_LENGTH, body.length);
        return b;
    }
}
