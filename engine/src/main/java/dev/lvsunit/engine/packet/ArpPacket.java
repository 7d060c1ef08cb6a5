package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import java.util.Objects;

/**
 * An Ethernet/IPv4 ARP packet ({@code struct arphdr} followed by the four
 * addresses), RFC 826.
 *
 * @param operation {@link #REQUEST} or {@link #REPLY}
 * @param senderMac {@code sha}
 * @param senderIp {@code sip}
 * @param targetMac {@code tha}: zeros in a kernel request, what arping puts in its own
 * @param targetIp {@code tip}
 */
public record ArpPacket(int operation, MacAddress senderMac, Ipv4Address senderIp,
                        MacAddress targetMac, Ipv4Address targetIp) implements FramePayload {

    public static final int ETHERTYPE = 0x0806;
    /** {@code ARPOP_REQUEST}. */
    public static final int REQUEST = 1;
    /** {@code ARPOP_REPLY}. */
    public static final int REPLY = 2;
    /** {@code ARPHRD_ETHER}. */
    public static final int HARDWARE_ETHER = 1;
    /** 8 bytes of header and 20 of addresses. */
    public static final int LENGTH = 28;

    public ArpPacket {
        Objects.requireNonNull(senderMac, "senderMac");
        Objects.requireNonNull(senderIp, "senderIp");
        Objects.requireNonNull(targetMac, "targetMac");
        Objects.requireNonNull(targetIp, "targetIp");
    }

    public boolean isRequest() {
        return operation == REQUEST;
    }

    public boolean isReply() {
        return operation == REPLY;
    }

    @Override
    public int etherType() {
        return ETHERTYPE;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    @Override
    public byte[] toBytes() {
        byte[] b = new byte[LENGTH];
        b[1] = HARDWARE_ETHER;
        b[2] = 0x08; // ar_pro ETH_P_IP
        b[4] = 6; // ar_hln
        b[5] = 4; // ar_pln
        b[7] = (byte) operation;
        System.arraycopy(senderMac.toBytes(), 0, b, 8, 6);
        System.arraycopy(senderIp.toBytes(), 0, b, 14, 4);
        System.arraycopy(targetMac.toBytes(), 0, b, 18, 6);
        System.arraycopy(targetIp.toBytes(), 0, b, 24, 4);
        return b;
    }
}
