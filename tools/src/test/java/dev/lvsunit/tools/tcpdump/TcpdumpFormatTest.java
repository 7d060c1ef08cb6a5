package dev.lvsunit.tools.tcpdump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.FramePayload;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.IpInIp;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.Ipv4Payload;
import dev.lvsunit.engine.packet.TcpOptions;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tcpdump formatter on hand-built frames. Every expected line after its
 * timestamp is copied from real tcpdump 4.99.3 ({@code -n}, {@code -n -e},
 * {@code -n -v}, {@code -n -e -v}) reading captures made on a Linux bridge
 * joining network namespaces (hosts 10.77.0.1-3 with MACs 02:00:00:00:0N:01),
 * unless a comment says what differs and why.
 */
class TcpdumpFormatTest {

    private static final MacAddress A = MacAddress.parse("02:00:00:00:01:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:02:01");
    private static final MacAddress C = MacAddress.parse("02:00:00:00:03:01");
    private static final Ipv4Address IP_A = Ipv4Address.parse("10.77.0.1");
    private static final Ipv4Address IP_B = Ipv4Address.parse("10.77.0.2");
    private static final Ipv4Address IP_C = Ipv4Address.parse("10.77.0.3");

    private final List<CapturedFrame> frames = new ArrayList<>();
    private long clock = 1_000_000_000L;

    private void frame(MacAddress src, MacAddress dst, FramePayload payload) {
        frames.add(new CapturedFrame(clock, null, new EthernetFrame(dst, src, payload)));
        clock += 1_000;
    }

    private static ArpPacket request(MacAddress sha, Ipv4Address sip, MacAddress tha, Ipv4Address tip) {
        return new ArpPacket(ArpPacket.REQUEST, sha, sip, tha, tip);
    }

    private static ArpPacket reply(MacAddress sha, Ipv4Address sip, MacAddress tha, Ipv4Address tip) {
        return new ArpPacket(ArpPacket.REPLY, sha, sip, tha, tip);
    }

    private static Ipv4Packet ip(int tos, int id, boolean df, int ttl, Ipv4Address src, Ipv4Address dst,
                                 Ipv4Payload payload) {
        return new Ipv4Packet(tos, id, df, ttl, src, dst, payload);
    }

    private List<String> dump(String... args) {
        Execution e = Tcpdump.dump(frames, Arrays.asList(args));
        assertThat(e.exitStatus()).isZero();
        return e.output().isEmpty() ? List.of() : Arrays.asList(e.output().split("\n", -1)).subList(0,
                e.output().split("\n", -1).length - 1);
    }

    @Test
    void timestampsCountFromTheWorldsStartInMicroseconds() {
        assertThat(FrameFormatter.timestamp(0)).isEqualTo("00:00:00.000000");
        assertThat(FrameFormatter.timestamp(1_000_040_999L)).isEqualTo("00:00:01.000040");
        assertThat(FrameFormatter.timestamp(3_723_000_001_000L)).isEqualTo("01:02:03.000001");
        assertThat(FrameFormatter.timestamp(25L * 3600 * 1_000_000_000L)).isEqualTo("01:00:00.000000");
    }

    @Test
    void arpingRequestsShowTheirTargetMacTheKernelsDoNot() {
        frame(A, MacAddress.BROADCAST, request(A, IP_A, MacAddress.BROADCAST, IP_B));
        frame(B, A, reply(B, IP_B, A, IP_A));
        frame(A, B, request(A, IP_A, B, IP_B));
        frame(A, MacAddress.BROADCAST, request(A, IP_A, MacAddress.ZERO, IP_B));
        frame(A, MacAddress.BROADCAST, request(A, Ipv4Address.ANY, MacAddress.BROADCAST, IP_B)); // arping -D
        frame(A, MacAddress.BROADCAST, request(A, IP_A, MacAddress.BROADCAST, IP_A)); // arping -U
        frame(A, MacAddress.BROADCAST, reply(A, IP_A, A, IP_A)); // arping -A
        assertThat(dump()).containsExactly(
                "00:00:01.000000 ARP, Request who-has 10.77.0.2 (ff:ff:ff:ff:ff:ff) tell 10.77.0.1, length 28",
                "00:00:01.000001 ARP, Reply 10.77.0.2 is-at 02:00:00:00:02:01, length 28",
                "00:00:01.000002 ARP, Request who-has 10.77.0.2 (02:00:00:00:02:01) tell 10.77.0.1, length 28",
                "00:00:01.000003 ARP, Request who-has 10.77.0.2 tell 10.77.0.1, length 28",
                "00:00:01.000004 ARP, Request who-has 10.77.0.2 (ff:ff:ff:ff:ff:ff) tell 0.0.0.0, length 28",
                "00:00:01.000005 ARP, Request who-has 10.77.0.1 (ff:ff:ff:ff:ff:ff) tell 10.77.0.1, length 28",
                "00:00:01.000006 ARP, Reply 10.77.0.1 is-at 02:00:00:00:01:01, length 28");
    }

    @Test
    void linkLevelAndVerboseArp() {
        frame(A, MacAddress.BROADCAST, request(A, IP_A, MacAddress.ZERO, IP_C));
        frame(C, A, reply(C, IP_C, A, IP_A));
        assertThat(dump("-e")).containsExactly(
                "00:00:01.000000 02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: "
                        + "Request who-has 10.77.0.3 tell 10.77.0.1, length 28",
                "00:00:01.000001 02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: "
                        + "Reply 10.77.0.3 is-at 02:00:00:00:03:01, length 28");
        assertThat(dump("-v")).containsExactly(
                "00:00:01.000000 ARP, Ethernet (len 6), IPv4 (len 4), Request who-has 10.77.0.3 tell 10.77.0.1, length 28",
                "00:00:01.000001 ARP, Ethernet (len 6), IPv4 (len 4), Reply 10.77.0.3 is-at 02:00:00:00:03:01, length 28");
        assertThat(dump("-e", "-v")).containsExactly(
                "00:00:01.000000 02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: "
                        + "Ethernet (len 6), IPv4 (len 4), Request who-has 10.77.0.3 tell 10.77.0.1, length 28",
                "00:00:01.000001 02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: "
                        + "Ethernet (len 6), IPv4 (len 4), Reply 10.77.0.3 is-at 02:00:00:00:03:01, length 28");
        assertThat(dump("-ev")).isEqualTo(dump("-e", "-v"));
        assertThat(dump("-n", "-e")).isEqualTo(dump("-e"));
    }

    @Test
    void icmpEchoInEveryMode() {
        frame(A, B, ip(0, 6555, true, 64, IP_A, IP_B, new IcmpEcho(false, 8279, 1, 56)));
        frame(B, A, ip(0, 37443, false, 64, IP_B, IP_A, new IcmpEcho(true, 8279, 1, 56)));
        assertThat(dump()).containsExactly(
                "00:00:01.000000 IP 10.77.0.1 > 10.77.0.2: ICMP echo request, id 8279, seq 1, length 64",
                "00:00:01.000001 IP 10.77.0.2 > 10.77.0.1: ICMP echo reply, id 8279, seq 1, length 64");
        assertThat(dump("-e")).containsExactly(
                "00:00:01.000000 02:00:00:00:01:01 > 02:00:00:00:02:01, ethertype IPv4 (0x0800), length 98: "
                        + "10.77.0.1 > 10.77.0.2: ICMP echo request, id 8279, seq 1, length 64",
                "00:00:01.000001 02:00:00:00:02:01 > 02:00:00:00:01:01, ethertype IPv4 (0x0800), length 98: "
                        + "10.77.0.2 > 10.77.0.1: ICMP echo reply, id 8279, seq 1, length 64");
        assertThat(dump("-v")).containsExactly(
                "00:00:01.000000 IP (tos 0x0, ttl 64, id 6555, offset 0, flags [DF], proto ICMP (1), length 84)",
                "    10.77.0.1 > 10.77.0.2: ICMP echo request, id 8279, seq 1, length 64",
                "00:00:01.000001 IP (tos 0x0, ttl 64, id 37443, offset 0, flags [none], proto ICMP (1), length 84)",
                "    10.77.0.2 > 10.77.0.1: ICMP echo reply, id 8279, seq 1, length 64");
        assertThat(dump("-e", "-v")).containsExactly(
                "00:00:01.000000 02:00:00:00:01:01 > 02:00:00:00:02:01, ethertype IPv4 (0x0800), length 98: "
                        + "(tos 0x0, ttl 64, id 6555, offset 0, flags [DF], proto ICMP (1), length 84)",
                "    10.77.0.1 > 10.77.0.2: ICMP echo request, id 8279, seq 1, length 64",
                "00:00:01.000001 02:00:00:00:02:01 > 02:00:00:00:01:01, ethertype IPv4 (0x0800), length 98: "
                        + "(tos 0x0, ttl 64, id 37443, offset 0, flags [none], proto ICMP (1), length 84)",
                "    10.77.0.2 > 10.77.0.1: ICMP echo reply, id 8279, seq 1, length 64");
    }

    @Test
    void icmpUnreachableQuotesTheDatagramWithVerbose() {
        Ipv4Packet echo = ip(0, 6555, true, 63, IP_A, Ipv4Address.parse("10.88.0.5"), new IcmpEcho(false, 14765, 1, 56));
        IcmpUnreachable unreach = new IcmpUnreachable(IcmpUnreachable.HOST_UNREACH, echo);
        frame(C, A, ip(0xc0, 3477, false, 64, IP_C, IP_A, unreach));
        // The lengths are those of the record: the engine quotes fewer bytes than
        // Linux (which prints "length 92" and an IP length of 112 here).
        int icmpLength = unreach.length();
        assertThat(dump()).containsExactly(
                "00:00:01.000000 IP 10.77.0.3 > 10.77.0.1: ICMP host 10.88.0.5 unreachable, length " + icmpLength);
        assertThat(dump("-v")).containsExactly(
                "00:00:01.000000 IP (tos 0xc0, ttl 64, id 3477, offset 0, flags [none], proto ICMP (1), length "
                        + (20 + icmpLength) + ")",
                "    10.77.0.3 > 10.77.0.1: ICMP host 10.88.0.5 unreachable, length " + icmpLength,
                "\tIP (tos 0x0, ttl 63, id 6555, offset 0, flags [DF], proto ICMP (1), length 84)",
                "    10.77.0.1 > 10.88.0.5: ICMP echo request, id 14765, seq 1, length 64");
        assertThat(dump("-e", "-v")).containsExactly(
                "00:00:01.000000 02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype IPv4 (0x0800), length "
                        + (34 + icmpLength) + ": (tos 0xc0, ttl 64, id 3477, offset 0, flags [none], proto ICMP (1), length "
                        + (20 + icmpLength) + ")",
                "    10.77.0.3 > 10.77.0.1: ICMP host 10.88.0.5 unreachable, length " + icmpLength,
                "\t(tos 0x0, ttl 63, id 6555, offset 0, flags [DF], proto ICMP (1), length 84)",
                "    10.77.0.1 > 10.88.0.5: ICMP echo request, id 14765, seq 1, length 64");
    }

    @Test
    void portUnreachableNamesTheQuotedPort() {
        Ipv4Packet udp = ip(0, 46270, true, 64, IP_A, IP_B, new UdpDatagram(59946, 9999, "hi\n"));
        frame(A, B, udp);
        frame(B, A, ip(0xc0, 14316, false, 64, IP_B, IP_A, new IcmpUnreachable(IcmpUnreachable.PORT_UNREACH, udp)));
        List<String> lines = dump();
        assertThat(lines.get(0)).isEqualTo("00:00:01.000000 IP 10.77.0.1.59946 > 10.77.0.2.9999: UDP, length 3");
        assertThat(lines.get(1)).startsWith(
                "00:00:01.000001 IP 10.77.0.2 > 10.77.0.1: ICMP 10.77.0.2 udp port 9999 unreachable, length ");
        assertThat(dump("-v").subList(0, 2)).containsExactly(
                "00:00:01.000000 IP (tos 0x0, ttl 64, id 46270, offset 0, flags [DF], proto UDP (17), length 31)",
                "    10.77.0.1.59946 > 10.77.0.2.9999: UDP, length 3");
    }

    @Test
    void tcpSequenceNumbersTurnRelativeAfterTheHandshake() {
        // Segments built here carry no options, so ", options [...]" is absent
        // (see tcpOptionsArePrintedInWireOrder for them).
        Ipv4Address cli = IP_A;
        Ipv4Address srv = IP_B;
        long isn = 1597150699L;
        long sisn = 2163476919L;
        String get = "GET / HTTP/1.1\r\nHost: 10.77.0.2\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n";
        String resp = "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\n"
                + "Date: Mon, 23 Nov 2026 04:40:24 GMT\r\nContent-type: text/html; charset=utf-8\r\n"
                + "Content-Length: 549\r\n\r\n";
        frame(A, B, ip(0, 1, true, 64, cli, srv, new TcpSegment(57020, 80, isn, 0, TcpSegment.SYN, 64240, "")));
        frame(B, A, ip(0, 0, true, 64, srv, cli, new TcpSegment(80, 57020, sisn, isn + 1,
                TcpSegment.SYN | TcpSegment.ACK, 65160, "")));
        frame(A, B, ip(0, 2, true, 64, cli, srv, new TcpSegment(57020, 80, isn + 1, sisn + 1, TcpSegment.ACK, 63, "")));
        frame(A, B, ip(0, 3, true, 64, cli, srv, new TcpSegment(57020, 80, isn + 1, sisn + 1,
                TcpSegment.PSH | TcpSegment.ACK, 63, get)));
        frame(B, A, ip(0, 4, true, 64, srv, cli, new TcpSegment(80, 57020, sisn + 1, isn + 74, TcpSegment.ACK, 64, "")));
        frame(B, A, ip(0, 5, true, 64, srv, cli, new TcpSegment(80, 57020, sisn + 1, isn + 74,
                TcpSegment.PSH | TcpSegment.ACK, 64, resp)));
        frame(B, A, ip(0, 6, true, 64, srv, cli, new TcpSegment(80, 57020, sisn + 156, isn + 74,
                TcpSegment.PSH | TcpSegment.ACK, 64, "x".repeat(549))));
        frame(B, A, ip(0, 7, true, 64, srv, cli, new TcpSegment(80, 57020, sisn + 705, isn + 74,
                TcpSegment.FIN | TcpSegment.ACK, 64, "")));
        frame(A, B, ip(0, 8, true, 64, cli, srv, new TcpSegment(57020, 80, isn + 74, sisn + 706,
                TcpSegment.FIN | TcpSegment.ACK, 63, "")));
        frame(A, B, ip(0, 9, true, 64, cli, srv, new TcpSegment(57020, 81, 7, 0, TcpSegment.SYN, 64240, "")));
        frame(B, A, ip(0, 0, true, 64, srv, cli, new TcpSegment(81, 57020, 0, 8, TcpSegment.RST | TcpSegment.ACK, 0, "")));
        assertThat(dump()).containsExactly(
                "00:00:01.000000 IP 10.77.0.1.57020 > 10.77.0.2.80: Flags [S], seq 1597150699, win 64240, length 0",
                "00:00:01.000001 IP 10.77.0.2.80 > 10.77.0.1.57020: Flags [S.], seq 2163476919, ack 1597150700, win 65160, length 0",
                "00:00:01.000002 IP 10.77.0.1.57020 > 10.77.0.2.80: Flags [.], ack 1, win 63, length 0",
                "00:00:01.000003 IP 10.77.0.1.57020 > 10.77.0.2.80: Flags [P.], seq 1:74, ack 1, win 63, length 73: HTTP: GET / HTTP/1.1",
                "00:00:01.000004 IP 10.77.0.2.80 > 10.77.0.1.57020: Flags [.], ack 74, win 64, length 0",
                "00:00:01.000005 IP 10.77.0.2.80 > 10.77.0.1.57020: Flags [P.], seq 1:156, ack 74, win 64, length 155: HTTP: HTTP/1.0 200 OK",
                "00:00:01.000006 IP 10.77.0.2.80 > 10.77.0.1.57020: Flags [P.], seq 156:705, ack 74, win 64, length 549: HTTP",
                "00:00:01.000007 IP 10.77.0.2.80 > 10.77.0.1.57020: Flags [F.], seq 705, ack 74, win 64, length 0",
                "00:00:01.000008 IP 10.77.0.1.57020 > 10.77.0.2.80: Flags [F.], seq 74, ack 706, win 63, length 0",
                "00:00:01.000009 IP 10.77.0.1.57020 > 10.77.0.2.81: Flags [S], seq 7, win 64240, length 0",
                "00:00:01.000010 IP 10.77.0.2.81 > 10.77.0.1.57020: Flags [R.], seq 0, ack 8, win 0, length 0");
        List<String> verbose = dump("-v");
        assertThat(verbose.get(7)).matches("    10\\.77\\.0\\.1\\.57020 > 10\\.77\\.0\\.2\\.80: Flags \\[P\\.\\], "
                + "cksum 0x[0-9a-f]{4} \\(correct\\), seq 1:74, ack 1, win 63, length 73: HTTP, length: 73");
        assertThat(verbose.subList(8, 13)).containsExactly(
                "\tGET / HTTP/1.1", "\tHost: 10.77.0.2", "\tUser-Agent: curl/7.88.1", "\tAccept: */*", "\t");
    }

    /** The handshake of command-output.md §7.1, captured with tcpdump 4.99.3 on 6.18. */
    @Test
    void tcpOptionsArePrintedInWireOrder() {
        Ipv4Address cli = Ipv4Address.parse("10.0.0.10");
        Ipv4Address srv = Ipv4Address.parse("10.0.0.11");
        frame(A, B, ip(0, 1, true, 64, cli, srv, new TcpSegment(43010, 80, 3397937624L, 0, TcpSegment.SYN, 64240, "",
                TcpOptions.syn(1460, 817069005L, 0, 10))));
        frame(B, A, ip(0, 0, true, 64, srv, cli, new TcpSegment(80, 43010, 2780688268L, 3397937625L,
                TcpSegment.SYN | TcpSegment.ACK, 65160, "", TcpOptions.syn(1460, 3358768358L, 817069005L, 10))));
        frame(A, B, ip(0, 2, true, 64, cli, srv, new TcpSegment(43010, 80, 3397937625L, 2780688269L, TcpSegment.ACK, 63, "",
                TcpOptions.timestamp(817069005L, 3358768358L))));
        assertThat(dump()).containsExactly(
                "00:00:01.000000 IP 10.0.0.10.43010 > 10.0.0.11.80: Flags [S], seq 3397937624, win 64240, "
                        + "options [mss 1460,sackOK,TS val 817069005 ecr 0,nop,wscale 10], length 0",
                "00:00:01.000001 IP 10.0.0.11.80 > 10.0.0.10.43010: Flags [S.], seq 2780688268, ack 3397937625, win 65160, "
                        + "options [mss 1460,sackOK,TS val 3358768358 ecr 817069005,nop,wscale 10], length 0",
                "00:00:01.000002 IP 10.0.0.10.43010 > 10.0.0.11.80: Flags [.], ack 1, win 63, "
                        + "options [nop,nop,TS val 817069005 ecr 3358768358], length 0");
    }

    /** Not captured (the test kernel has no ipip module): the form follows print-ip.c's IPPROTO_IPV4 case. */
    @Test
    void ipInIpShowsBothHeaders() {
        Ipv4Packet inner = ip(0, 5, true, 63, Ipv4Address.parse("10.0.0.10"), Ipv4Address.parse("10.0.0.100"),
                new IcmpEcho(false, 1, 1, 56));
        frame(A, B, ip(0, 9, false, 64, IP_A, IP_B, new IpInIp(inner)));
        assertThat(dump()).containsExactly("00:00:01.000000 IP 10.77.0.1 > 10.77.0.2: IP 10.0.0.10 > 10.0.0.100: "
                + "ICMP echo request, id 1, seq 1, length 64 (ipip-proto-4)");
    }

    @Test
    void unmodelledOptionsAreNotSupported() {
        assertThatThrownBy(() -> Tcpdump.dump(frames, List.of("-vv"))).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> Tcpdump.dump(frames, List.of("-X"))).isInstanceOf(NotSupportedException.class);
    }
}
