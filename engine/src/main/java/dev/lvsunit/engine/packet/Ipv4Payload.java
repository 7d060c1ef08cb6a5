package dev.lvsunit.engine.packet;

import dev.lvsunit.engine.net.Ipv4Address;

/** What an IPv4 datagram carries. */
public sealed interface Ipv4Payload permits IcmpMessage, TcpSegment, UdpDatagram, IpInIp {

    /** The IP protocol number: 1 ICMP, 4 IP-in-IP, 6 TCP, 17 UDP. */
    int protocol();

    /** Length in bytes. */
    int length();

    /** The payload's bytes; the addresses are there for pseudo-header checksums. */
    byte[] toBytes(Ipv4Address source, Ipv4Address destination);
}
