package dev.lvsunit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.format.ExpectedLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lines captured on real hosts (shared/reference/command-output.md). */
class VolatilityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ping -c 3 10.0.0.11 | 64 bytes from 10.0.0.11: icmp_seq=1 ttl=64 time=0.444 ms | 64 bytes from 10.0.0.11: icmp_seq=1 ttl=64 time=* ms (glob)
            ping -c 3 10.0.0.11 | 64 bytes from 10.0.0.11: icmp_seq=9 ttl=64 time=12.1 ms (DUP!) | 64 bytes from 10.0.0.11: icmp_seq=9 ttl=64 time=* ms (DUP!) (glob)
            ping -c 3 10.0.0.11 | 3 packets transmitted, 3 received, 0% packet loss, time 2054ms | 3 packets transmitted, 3 received, 0% packet loss, time *ms (glob)
            ping -c 2 10.0.0.99 | 2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1014ms | 2 packets transmitted, 0 received, +2 errors, 100% packet loss, time *ms (glob)
            ping -c 3 10.0.0.11 | rtt min/avg/max/mdev = 0.066/0.200/0.444/0.172 ms | rtt min/avg/max/mdev = * ms (glob)
            arping -c 3 -I eth0 10.0.0.11 | Unicast reply from 10.0.0.11 [02:00:0A:00:00:0B]  0.573ms | Unicast reply from 10.0.0.11 [02:00:0A:00:00:0B]  *ms (glob)
            /usr/sbin/arping -c 1 10.0.0.1 | Broadcast reply from 10.0.0.1 [02:00:0A:00:00:01]  1.002ms | Broadcast reply from 10.0.0.1 [02:00:0A:00:00:01]  *ms (glob)
            @tcpdump net0 | 03:42:43.730421 ARP, Request who-has 10.0.0.11 (ff:ff:ff:ff:ff:ff) tell 10.0.0.10, length 28 | ??:??:??.?????? ARP, Request who-has 10.0.0.11 (ff:ff:ff:ff:ff:ff) tell 10.0.0.10, length 28 (glob)
            @tcpdump net0 | 03:42:46.750876 IP 10.0.0.10 > 10.0.0.11: ICMP echo request, id 4461, seq 1, length 64 | ??:??:??.?????? IP 10.0.0.10 > 10.0.0.11: ICMP echo request, id *, seq 1, length 64 (glob)
            @tcpdump net0 | 03:42:58.860447 IP 10.0.0.10.43010 > 10.0.0.11.80: Flags [S], seq 3397937624, win 64240, options [mss 1460,sackOK,TS val 817069005 ecr 0,nop,wscale 10], length 0 | ??:??:??.?????? IP 10.0.0.10.* > 10.0.0.11.80: Flags [S], seq *, win 64240, options [mss 1460,sackOK,TS val * ecr 0,nop,wscale 10], length 0 (glob)
            @tcpdump net0 | 03:42:58.860469 IP 10.0.0.11.80 > 10.0.0.10.43010: Flags [S.], seq 2780688268, ack 3397937625, win 65160, options [mss 1460,sackOK,TS val 3358768358 ecr 817069005,nop,wscale 10], length 0 | ??:??:??.?????? IP 10.0.0.11.80 > 10.0.0.10.*: Flags [S.], seq *, ack *, win 65160, options [mss 1460,sackOK,TS val * ecr *,nop,wscale 10], length 0 (glob)
            @tcpdump net0 -e | 03:42:58.860552 02:00:0a:00:00:0a > 02:00:0a:00:00:0b, ethertype IPv4 (0x0800), length 139: 10.0.0.10.43010 > 10.0.0.11.80: Flags [P.], seq 1:74, ack 1, win 63, options [nop,nop,TS val 817069005 ecr 3358768358], length 73: HTTP: GET / HTTP/1.1 | ??:??:??.?????? 02:00:0a:00:00:0a > 02:00:0a:00:00:0b, ethertype IPv4 (0x0800), length 139: 10.0.0.10.* > 10.0.0.11.80: Flags [P.], seq 1:74, ack 1, win 63, options [nop,nop,TS val * ecr *], length 73: HTTP: GET / HTTP/1.1 (glob)
            tcpdump -n -v -i eth0 | 03:42:46.750876 IP (tos 0x0, ttl 64, id 51234, offset 0, flags [DF], proto ICMP (1), length 84) | ??:??:??.?????? IP (tos 0x0, ttl 64, id *, offset 0, flags [DF], proto ICMP (1), length 84) (glob)
            """)
    void volatileFieldsBecomeGlobsThatMatchTheLine(String command, String line, String globbed) {
        String result = Volatility.globify(command, line);
        assertThat(result).isEqualTo(globbed);
        assertThat(ExpectedLine.parse(result).matches(line)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ping -c 1 10.0.0.11 | PING 10.0.0.11 (10.0.0.11) 56(84) bytes of data.
            ping -c 1 10.0.0.11 | 1 packets transmitted, 1 received, 0% packet loss, time 0ms
            ping -c 1 10.0.0.11 | From 10.0.0.10 icmp_seq=1 Destination Host Unreachable
            arping -c 3 -I eth0 10.0.0.11 | Sent 3 probes (1 broadcast(s))
            ip neigh show | 10.0.0.1 dev eth0 lladdr 02:00:0a:00:00:01 REACHABLE
            ip route show | default via 10.0.0.1 dev eth0 time=1 ms
            @tcpdump net0 | IP 10.0.0.10.1023 > 10.0.0.11.80: Flags [.], ack 1, win 63, length 0
            """)
    void stableLinesAreLeftAlone(String command, String line) {
        assertThat(Volatility.globify(command, line)).isSameAs(line);
    }

    @Test
    void fixedPartsOfAGlobbedLineAreEscaped() {
        String line = "64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.1 ms *?\\";
        String result = Volatility.globify("ping -c 1 10.0.0.1", line);
        assertThat(result).isEqualTo("64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=* ms \\*\\?\\\\ (glob)");
        assertThat(ExpectedLine.parse(result).matches(line)).isTrue();
        assertThat(ExpectedLine.parse(result).matches(line.replace("*?", "ab"))).isFalse();
    }

    @Test
    void vethOnlyFieldsOfIpAreGlobbedSoRecordingsReadAsPhysicalNics() {
        assertThat(Volatility.globify("ip addr show dev eth0",
                "2: eth0@if5: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default qlen 1000"))
                .isEqualTo("2: eth0*: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc * state UP group default qlen 1000 (glob)");
        assertThat(Volatility.globify("ip link show",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff link-netns lvk4242-0-s1"))
                .isEqualTo("    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff* (glob)");
        assertThat(Volatility.globify("ip -br addr", "eth0@if11        UP             10.0.0.11/24 "))
                .isEqualTo("eth0* UP             10.0.0.11/24 (glob)");
        assertThat(Volatility.globify("ip addr show dev lo",
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000"))
                .isEqualTo("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000");
    }
}
