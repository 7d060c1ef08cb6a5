package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.MacAddress;
import java.util.Objects;

/**
 * An Ethernet II frame as it crosses a segment.
 *
 * @param destination the destination MAC
 * @param source the source MAC
 * @param payload what the frame carries; its type gives the EtherType
 */
public record EthernetFrame(MacAddress destination, MacAddress source, FramePayload payload) {

    /** Ethernet header length (dst, src, type), as {@code ETH_HLEN}. */
    public static final int HEADER_LENGTH = 14;
    /** Frames shorter than this are padded on the wire ({@code ETH_ZLEN}). */
    public static final int MIN_LENGTH = 60;

    public EthernetFrame {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(payload, "payload");
    }

    public int etherType() {
        return payload.etherType();
    }

    /** The frame's length as captured on the sending host: header plus payload, unpadded. */
    public int length() {
        return HEADER_LENGTH + payload.length();
    }

    /** The frame as bytes on the wire (without FCS), as a pcap record holds it. */
    public byte[] toBytes() {
        byte[] body = payload.toBytes();
        byte[] out = new byte[HEADER_LENGTH + body.length];
        System.arraycopy(destination.toBytes(), 0, out, 0, 6);
        System.arraycopy(source.toBytes(), 0, out, 6, 6);
        out[12] = (byte) (etherType() >> 8);
        out[13] = (byte) etherType();
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        return out;
    }
}
