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
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filter expressions on the frames of a real capture (arping, ping, an
 * unresolvable ping, arping -U, -A and -D between 10.77.0.1 and 10.77.0.2).
 * Which frames each expression selects, and every error text, were checked
 * with tcpdump 4.99.3 / libpcap 1.10.3 reading that capture.
 */
class TcpdumpFilterTest {

    private static final MacAddress A = MacAddress.parse("02:00:00:00:01:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:02:01");
    private static final MacAddress BC = MacAddress.BROADCAST;
    private static final Ipv4Address IP_A = Ipv4Address.parse("10.77.0.1");
    private static final Ipv4Address IP_B = Ipv4Address.parse("10.77.0.2");
    private static final Ipv4Address IP_X = Ipv4Address.parse("10.77.0.99");

    private final List<CapturedFrame> frames = new ArrayList<>();

    TcpdumpFilterTest() {
        add(A, BC, arp(1, A, IP_A, BC, IP_B));                  // 0 arping broadcast
        add(B, A, arp(2, B, IP_B, A, IP_A));                    // 1
        add(A, B, arp(1, A, IP_A, B, IP_B));                    // 2 arping unicast
        add(B, A, arp(2, B, IP_B, A, IP_A));                    // 3
        add(A, BC, arp(1, A, IP_A, MacAddress.ZERO, IP_B));     // 4 kernel request
        add(B, A, arp(2, B, IP_B, A, IP_A));                    // 5
        add(A, B, icmp(IP_A, IP_B, false, 1));                  // 6
        add(B, A, icmp(IP_B, IP_A, true, 1));                   // 7
        add(A, B, icmp(IP_A, IP_B, false, 2));                  // 8
        add(B, A, icmp(IP_B, IP_A, true, 2));                   // 9
        add(A, BC, arp(1, A, IP_A, MacAddress.ZERO, IP_X));     // 10 unresolvable
        add(A, BC, arp(1, A, IP_A, MacAddress.ZERO, IP_X));     // 11
        add(A, BC, arp(1, A, IP_A, MacAddress.ZERO, IP_X));     // 12
        add(A, BC, arp(1, A, IP_A, BC, IP_A));                  // 13 arping -U
        add(B, A, arp(1, B, IP_B, MacAddress.ZERO, IP_A));      // 14 unicast probe
        add(A, B, arp(2, A, IP_A, B, IP_B));                    // 15
        add(A, BC, arp(2, A, IP_A, A, IP_A));                   // 16 arping -A
        add(A, BC, arp(1, A, Ipv4Address.ANY, BC, IP_B));       // 17 arping -D
        add(B, A, arp(2, B, IP_B, A, Ipv4Address.ANY));         // 18
        add(A, B, new Ipv4Packet(0, 1, true, 64, IP_A, IP_B, new TcpSegment(43010, 80, 1, 0, TcpSegment.SYN, 64240, "")));
        add(A, B, new Ipv4Packet(0, 2, true, 64, IP_A, IP_B, new UdpDatagram(40000, 53, "q")));
    }

    private void add(MacAddress src, MacAddress dst, FramePayload payload) {
        frames.add(new CapturedFrame(1_000_000L * frames.size(), null, new EthernetFrame(dst, src, payload)));
    }

    private static ArpPacket arp(int op, MacAddress sha, Ipv4Address sip, MacAddress tha, Ipv4Address tip) {
        return new ArpPacket(op, sha, sip, tha, tip);
    }

    private static Ipv4Packet icmp(Ipv4Address src, Ipv4Address dst, boolean reply, int seq) {
        return new Ipv4Packet(0, seq, !reply, 64, src, dst, new IcmpEcho(reply, 8279, seq, 56));
    }

    /** The indexes of the frames the expression selects. */
    private List<Integer> select(String expression) throws FilterException {
        var filter = Filter.compile(expression);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            if (filter.test(frames.get(i).frame())) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void protocols() throws Exception {
        assertThat(select("icmp")).containsExactly(6, 7, 8, 9);
        assertThat(select("icmp && ! arp")).containsExactly(6, 7, 8, 9);
        assertThat(select("ip")).containsExactly(6, 7, 8, 9, 19, 20);
        assertThat(select("tcp")).containsExactly(19);
        assertThat(select("udp or icmp")).containsExactly(6, 7, 8, 9, 20);
        assertThat(select("not not arp")).hasSize(15);
        assertThat(select("ip6")).isEmpty();
        assertThat(select("")).hasSize(frames.size());
    }

    @Test
    void hostsMatchArpProtocolAddressesAndIpAddresses() throws Exception {
        assertThat(select("host 10.77.0.99")).containsExactly(10, 11, 12);
        assertThat(select("src 10.77.0.1")).containsExactly(0, 2, 4, 6, 8, 10, 11, 12, 13, 15, 16, 19, 20);
        assertThat(select("arp src 10.77.0.1")).containsExactly(0, 2, 4, 10, 11, 12, 13, 15, 16);
        assertThat(select("ip src 10.77.0.1")).containsExactly(6, 8, 19, 20);
        assertThat(select("src and dst host 10.77.0.1")).containsExactly(13, 16);
        assertThat(select("src or dst host 10.77.0.99")).containsExactly(10, 11, 12);
        assertThat(select("dst or src 10.77.0.99")).containsExactly(10, 11, 12);
        assertThat(select("src 10.77.0.1 and dst 10.77.0.2")).containsExactly(0, 2, 4, 6, 8, 15, 19, 20);
        assertThat(select("host 10.77.0.1 and not arp")).containsExactly(6, 7, 8, 9, 19, 20);
        assertThat(select("host 10.77.0")).hasSize(frames.size());
        assertThat(select("net 10.77.0.0/24")).hasSize(frames.size());
        assertThat(select("net 10.77.0.0 mask 255.255.255.0")).hasSize(frames.size());
        assertThat(select("host 0x0a4d0063")).containsExactly(10, 11, 12);
        assertThat(select("host 10.077.0.99")).containsExactly(10, 11, 12);
    }

    @Test
    void andAndOrHaveTheSamePrecedenceAndGroupFromTheLeft() throws Exception {
        // (arp or icmp) and host 10.77.0.99, not arp or (icmp and host ...)
        assertThat(select("arp or icmp and host 10.77.0.99")).containsExactly(10, 11, 12);
    }

    @Test
    void aBareValueTakesTheQualifiersBeforeIt() throws Exception {
        assertThat(select("host 10.77.0.99 or 10.77.0.2")).isEqualTo(select("host 10.77.0.99 or host 10.77.0.2"));
        assertThat(select("host 10.77.0.1 and not 10.77.0.2")).containsExactly(10, 11, 12, 13, 16);
        assertThat(select("host 10.77.0.99 or ! 10.77.0.2")).containsExactly(10, 11, 12, 13, 16);
        assertThat(select("host 10.77.0.1 and (10.77.0.2 or 10.77.0.99)"))
                .isEqualTo(select("host 10.77.0.1 and (host 10.77.0.2 or host 10.77.0.99)"));
        assertThat(select("port 80 or 53")).containsExactly(19, 20);
    }

    @Test
    void linkLevel() throws Exception {
        assertThat(select("ether src 02:00:00:00:01:01"))
                .containsExactly(0, 2, 4, 6, 8, 10, 11, 12, 13, 15, 16, 17, 19, 20);
        assertThat(select("ether host 2:0:0:0:2:1")).isEqualTo(select("ether host 02:00:00:00:02:01"));
        assertThat(select("ether host 0200.0000.0201")).isEqualTo(select("ether host 02:00:00:00:02:01"));
        assertThat(select("ether dst ff:ff:ff:ff:ff:ff")).containsExactly(0, 4, 10, 11, 12, 13, 16, 17);
        assertThat(select("broadcast")).containsExactly(0, 4, 10, 11, 12, 13, 16, 17);
        assertThat(select("ether broadcast")).isEqualTo(select("broadcast"));
        assertThat(select("ether src 02:00:00:00:01:01 and arp"))
                .containsExactly(0, 2, 4, 10, 11, 12, 13, 15, 16, 17);
        assertThat(select("less 50")).hasSize(16);
        assertThat(select("greater 60")).containsExactly(6, 7, 8, 9);
    }

    @Test
    void ports() throws Exception {
        assertThat(select("port 80")).containsExactly(19);
        assertThat(select("tcp port 80")).containsExactly(19);
        assertThat(select("udp port 80")).isEmpty();
        assertThat(select("src port 43010")).containsExactly(19);
        assertThat(select("dst port 43010")).isEmpty();
        assertThat(select("port http")).containsExactly(19);
        assertThat(select("udp port 53")).containsExactly(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "foo|can't parse filter expression: syntax error",
            "ARP|can't parse filter expression: syntax error",
            "10.77.0.1|can't parse filter expression: syntax error",
            "host|can't parse filter expression: syntax error",
            "src host|can't parse filter expression: syntax error",
            "arp and|can't parse filter expression: syntax error",
            "and arp|can't parse filter expression: syntax error",
            "arp arp|can't parse filter expression: syntax error",
            "(arp|can't parse filter expression: syntax error",
            "arp)|can't parse filter expression: syntax error",
            "()|can't parse filter expression: syntax error",
            "not|can't parse filter expression: syntax error",
            "port -1|can't parse filter expression: syntax error",
            "ether 02:00:00:00:01:01|can't parse filter expression: syntax error",
            "arp and 10.77.0.2|syntax error in filter expression",
            "(host 10.77.0.99) or 10.77.0.2|syntax error in filter expression",
            "arp or (10.77.0.2)|syntax error in filter expression",
            "port abc|unknown port 'abc'",
            "port 99999|illegal port number 99999 > 65535",
            "host 1.2.3.999|invalid IPv4 address '1.2.3.999'",
            "host 10.77.0.1.5|unknown host '10.77.0.1.5'",
            "host foo|unknown host 'foo'",
            "ether host zz|unknown ether host 'zz'",
            "ether host foo|unknown ether host 'foo'",
            "net 10.77.0.1/24|non-network bits set in \"10.77.0.1/24\"",
            "net 10.77.0.0/33|mask length must be <= 32",
            "host 10.77.0.0/24|Mask syntax for networks only",
            "icmp host 10.77.0.1|'icmp' modifier applied to host",
            "tcp host 10.77.0.1|'tcp' modifier applied to host",
            "ether host 02:00:00:00:01:01 or 10.77.0.2|illegal link layer address",
            "host 10.77.0.99 or port 80 or 10.77.0.2|'port' modifier applied to ip host",
    })
    void badExpressionsGetLibpcapsMessageAndExitOne(String expression, String message) {
        Execution e = Tcpdump.dump(frames, List.of(expression.split(" ")));
        assertThat(e.output()).isEqualTo("tcpdump: " + message + "\n");
        assertThat(e.exitStatus()).isEqualTo(1);
    }

    @Test
    void filterWordsAreJoinedLikeTcpdumpsArguments() {
        Execution e = Tcpdump.dump(frames, List.of("-e", "host", "10.77.0.99", "and", "arp"));
        assertThat(e.exitStatus()).isZero();
        assertThat(e.output().lines()).hasSize(3).allMatch(l -> l.contains("who-has 10.77.0.99 tell 10.77.0.1"));
    }

    @Test
    void unmodelledPrimitivesAreNotSupported() {
        assertThatThrownBy(() -> Filter.compile("icmp[icmptype] == icmp-echo")).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> Filter.compile("portrange 1-2")).isInstanceOf(NotSupportedException.class);
        assertThatThrownBy(() -> Filter.compile("vlan")).isInstanceOf(NotSupportedException.class);
    }
}
