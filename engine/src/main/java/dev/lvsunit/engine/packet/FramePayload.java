package dev.lvsunit.engine.packet;

/** What an Ethernet frame carries: the closed set of protocols lvsunit models. */
public sealed interface FramePayload permits ArpPacket, Ipv4Packet {

    /** The EtherType: 0x0806 for ARP, 0x0800 for IPv4. */
    int etherType();

    /** Length in bytes on the wire. */
    int length();

    /** The payload's bytes in network order, with real field layouts. */
    byte[] toBytes();
}
