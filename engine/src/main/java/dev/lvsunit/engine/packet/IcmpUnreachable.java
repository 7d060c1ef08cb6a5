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

    /**
     * How much of the original datagram an error may quote: {@code icmp_send}
     * keeps the whole error within 576 bytes, so 576 - 20 (IP) - 8 (ICMP).
     */
    public static final int MAX_QUOTE = 576 - Ipv4Packet.HEADER_LENGTH - 8;

    /** The quoted part: as much of the original datagram as fits ({@code icmp_send}). */
    private byte[] quote() {
        byte[] whole = original.toBytes();
        return Arrays.copyOf(whole, Math.min(whole.length, MAX_QUOTE));
    }

    @Override
    public int length() {
        return 8 + Math.min(original.length(), MAX_QUOTE);
    }

    @Override
    public byte[] toBytes() {
        return withHeader(0, quote());
    }
}
