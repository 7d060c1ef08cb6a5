package dev.lvsunit.engine.packet;

import java.util.Arrays;

/**
 * An ICMP destination-unreachable error quoting the offending datagram.
 *
 * @param code {@code ICMP_HOST_UNREACH} (1), {@code ICMP_PORT_UNREACH} (3), ...
 * @param original the datagram that could not be delivered
 */
public record IcmpUnreachable(int code, Ipv4Packet original) implements IcmpMessage {

    public static final int NET_UNREACH = 0;
    public static final int HOST_UNREACH = 1;
    public static final int PORT_UNREACH = 3;

    @Override
    public int type() {
        return TYPE_DEST_UNREACH;
    }

    /** The quoted part: the original IP header and 8 bytes of its payload (RFC 792). */
    private byte[] quote() {
        byte[] whole = original.toBytes();
        return Arrays.copyOf(whole, Math.min(whole.length, Ipv4Packet.HEADER_LENGTH + 8));
    }

    @Override
    public int length() {
        return 8 + Math.min(original.length(), Ipv4Packet.HEADER_LENGTH + 8);
    }

    @Override
    public byte[] toBytes() {
        return withHeader(0, quote());
    }
}
