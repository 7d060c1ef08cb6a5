package dev.lvsunit.tools.iputils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ping end to end on a small LAN. The texts, the order of lines and the exit
 * statuses are those of iputils 20221126 on Linux 6.18 in network namespaces;
 * round-trip times and {@code time} come from the virtual clock (20 µs per
 * hop, exactly one second between requests).
 */
class PingTest {

    private Lan lan;

    @BeforeEach
    void lan() {
        lan = new Lan("client", "server");
        lan.addr("client", "eth0", "192.168.0.50/24").addr("server", "eth0", "192.168.0.2/24");
    }

    private void assertRun(String line, String expected, int status) {
        Execution e = lan.run("client", line);
        assertThat(e.output()).isEqualTo(expected);
        assertThat(e.exitStatus()).as("exit status").isEqualTo(status);
    }

    @Test
    void repliesThenStatistics() {
        assertRun("ping -c 3 192.168.0.2", """
                PING 192.168.0.2 (192.168.0.2) 56(84) bytes of data.
                64 bytes from 192.168.0.2: icmp_seq=1 ttl=64 time=0.080 ms
                64 bytes from 192.168.0.2: icmp_seq=2 ttl=64 time=0.040 ms
                64 bytes from 192.168.0.2: icmp_seq=3 ttl=64 time=0.040 ms

                --- 192.168.0.2 ping statistics ---
                3 packets transmitted, 3 received, 0% packet loss, time 2000ms
                rtt min/avg/max/mdev = 0.040/0.053/0.080/0.018 ms
                """, 0);
        // ping returns with the last reply: two intervals and one round trip
        assertThat(lan.lastDuration).isEqualTo(2_000_040_000L);
    }

    @Test
    void oneRequestTakesNoTime() {
        assertRun("ping -c 1 192.168.0.2", """
                PING 192.168.0.2 (192.168.0.2) 56(84) bytes of data.
                64 bytes from 192.168.0.2: icmp_seq=1 ttl=64 time=0.080 ms

                --- 192.168.0.2 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time 0ms
                rtt min/avg/max/mdev = 0.080/0.080/0.080/0.000 ms
                """, 0);
    }

    @Test
    void quietPrintsOnlyTheSummary() {
        assertRun("ping -q -c 2 192.168.0.2", """
                PING 192.168.0.2 (192.168.0.2) 56(84) bytes of data.

                --- 192.168.0.2 ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time 1000ms
                rtt min/avg/max/mdev = 0.040/0.060/0.080/0.020 ms
                """, 0);
    }

    @Test
    void anUnresolvableNeighbourGivesHostUnreachableAfterThreeSeconds() {
        assertRun("ping -c 2 192.168.0.99", """
                PING 192.168.0.99 (192.168.0.99) 56(84) bytes of data.
                From 192.168.0.50 icmp_seq=1 Destination Host Unreachable
                From 192.168.0.50 icmp_seq=2 Destination Host Unreachable

                --- 192.168.0.99 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1000ms
                pipe 2
                """, 1);
        assertThat(lan.lastDuration).isBetween(3_000_000_000L, 3_001_000_000L);
    }

    @Test
    void oneErrorEndsWithAnEmptyLine() {
        assertRun("ping -c 1 192.168.0.99", """
                PING 192.168.0.99 (192.168.0.99) 56(84) bytes of data.
                From 192.168.0.50 icmp_seq=1 Destination Host Unreachable

                --- 192.168.0.99 ping statistics ---
                1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

                """, 1);
    }

    @Test
    void aFourthRequestStartsANewResolution() {
        // like Linux: requests 1-3 fail together at 3 s, just after request 4
        // went out (pipe 4); 4 and 5 fail three seconds later
        Execution e = lan.run("client", "ping -c 5 192.168.0.99");
        assertThat(e.output()).endsWith("""
                5 packets transmitted, 0 received, +5 errors, 100% packet loss, time 4000ms
                pipe 4
                """);
        assertThat(lan.lastDuration).isBetween(6_000_000_000L, 6_001_000_000L);
    }

    @Test
    void silentLossWithLingerTime() {
        assertRun("ping -c 1 -W 1 192.168.0.99", """
                PING 192.168.0.99 (192.168.0.99) 56(84) bytes of data.

                --- 192.168.0.99 ping statistics ---
                1 packets transmitted, 0 received, 100% packet loss, time 0ms

                """, 1);
        assertThat(lan.lastDuration).isEqualTo(1_000_000_000L);
        assertRun("ping -c 2 -W 1 192.168.0.98", """
                PING 192.168.0.98 (192.168.0.98) 56(84) bytes of data.

                --- 192.168.0.98 ping statistics ---
                2 packets transmitted, 0 received, 100% packet loss, time 1000ms

                """, 1);
    }

    @Test
    void deadlineStopsBeforeTheRequestDueWithIt() {
        Execution e = lan.run("client", "ping -w 3 192.168.0.2");
        assertThat(e.output()).contains("icmp_seq=3 ").doesNotContain("icmp_seq=4 ")
                .contains("3 packets transmitted, 3 received, 0% packet loss, time 2000ms");
        assertThat(e.exitStatus()).isZero();
        assertThat(lan.lastDuration).isEqualTo(3_000_000_000L);
    }

    @Test
    void deadlineStopsAtTheFirstError() {
        Execution e = lan.run("client", "ping -w 10 192.168.0.99");
        assertThat(e.output()).contains("From 192.168.0.50 icmp_seq=1 Destination Host Unreachable")
                .contains("+3 errors");
        assertThat(e.exitStatus()).isEqualTo(1);
    }

    @Test
    void intervalAndOwnAddress() {
        assertRun("ping -c 3 -i 0.2 192.168.0.50", """
                PING 192.168.0.50 (192.168.0.50) 56(84) bytes of data.
                64 bytes from 192.168.0.50: icmp_seq=1 ttl=64 time=0.010 ms
                64 bytes from 192.168.0.50: icmp_seq=2 ttl=64 time=0.010 ms
                64 bytes from 192.168.0.50: icmp_seq=3 ttl=64 time=0.010 ms

                --- 192.168.0.50 ping statistics ---
                3 packets transmitted, 3 received, 0% packet loss, time 400ms
                rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
                """, 0);
    }

    @Test
    void boundToADeviceOrAnAddress() {
        assertThat(lan.run("client", "ping -c 1 -I eth0 192.168.0.2").output())
                .startsWith("PING 192.168.0.2 (192.168.0.2) from 192.168.0.50 eth0: 56(84) bytes of data.\n");
        assertThat(lan.run("client", "ping -c 1 -I 192.168.0.50 192.168.0.2").output())
                .startsWith("PING 192.168.0.2 (192.168.0.2) from 192.168.0.50 : 56(84) bytes of data.\n");
        assertThat(lan.run("client", "ping -c 1 -W 1 -I lo 192.168.0.2").output()).startsWith("""
                ping: Warning: source address might be selected on device other than: lo
                PING 192.168.0.2 (192.168.0.2) from 192.168.0.50 lo: 56(84) bytes of data.
                """);
    }

    @Test
    void payloadSize() {
        assertThat(lan.run("client", "ping -c 1 -s 100 192.168.0.2").output()).startsWith("""
                PING 192.168.0.2 (192.168.0.2) 100(128) bytes of data.
                108 bytes from 192.168.0.2: icmp_seq=1 ttl=64 time=0.080 ms
                """);
        // without room for a timestamp there are no times
        assertRun("ping -c 1 -s 10 192.168.0.2", """
                PING 192.168.0.2 (192.168.0.2) 10(38) bytes of data.
                18 bytes from 192.168.0.2: icmp_seq=1 ttl=64

                --- 192.168.0.2 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time 0ms

                """, 0);
    }

    @Test
    void namesAndAddressForms() {
        assertThat(lan.run("client", "ping -c 1 localhost").output()).isEqualTo("""
                PING localhost (127.0.0.1) 56(84) bytes of data.
                64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.010 ms

                --- localhost ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time 0ms
                rtt min/avg/max/mdev = 0.010/0.010/0.010/0.000 ms
                """);
        assertThat(lan.run("client", "ping -n -c 1 localhost").output()).contains("64 bytes from 127.0.0.1: ");
        assertThat(lan.run("client", "ping -c 1 127.1").output()).startsWith("PING 127.1 (127.0.0.1) 56(84)");
        assertThat(lan.run("client", "ping 192.168.0.2 -c 1").exitStatus()).isZero();
        assertRun("ping -c 1 server", "ping: server: Temporary failure in name resolution\n", 2);
    }

    @Test
    void routingErrors() {
        assertRun("ping -c 1 10.1.1.1", "ping: connect: Network is unreachable\n", 2);
        assertRun("ping -c 1 192.168.0.255",
                "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n", 2);
        assertRun("ping -c 1 -I eth9 192.168.0.2", "ping: SO_BINDTODEVICE eth9: No such device\n", 2);
        assertRun("ping -c 1 -I 192.168.0.9 192.168.0.2", "ping: bind: Cannot assign requested address\n", 2);
        Execution b = lan.run("client", "ping -b -c 1 -W 1 192.168.0.255");
        assertThat(b.output()).startsWith("WARNING: pinging broadcast address\nPING 192.168.0.255 (192.168.0.255) ");
    }

    @Test
    void badArguments() {
        assertRun("ping", "ping: usage error: Destination address required\n", 1);
        assertRun("ping -c 0 192.168.0.2",
                "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", 1);
        assertRun("ping -c abc 192.168.0.2", "ping: invalid argument: 'abc'\n", 1);
        assertRun("ping -c 99999999999999999999 192.168.0.2",
                "ping: invalid argument: '99999999999999999999': Numerical result out of range\n", 1);
        assertRun("ping -w -1 192.168.0.2",
                "ping: invalid argument: '-1': out of range: 0 <= value <= 2147483647\n", 1);
        assertRun("ping -c 1 -W -1 192.168.0.2", "ping: bad linger time: -1\n", 2);
        assertRun("ping -c 1 -i 3000000 192.168.0.2", "ping: bad timing interval: 3000000\n", 2);
        assertThat(lan.run("client", "ping -c 1 -W 1.5x 192.168.0.2").output()).startsWith("""
                ping: option argument contains garbage: x
                ping: this will become fatal error in the future
                PING 192.168.0.2 (192.168.0.2) 56(84) bytes of data.
                """);
        Execution usage = lan.run("client", "ping -z 192.168.0.2");
        assertThat(usage.output()).startsWith("ping: invalid option -- 'z'\n\nUsage\n  ping [options] <destination>\n")
                .endsWith("\nFor more details see ping(8).\n");
        assertThat(usage.exitStatus()).isEqualTo(2);
        assertThat(lan.run("client", "ping -c").output()).startsWith("ping: option requires an argument -- 'c'\n\nUsage\n");
    }

    @Test
    void unmodelledOptionsAreNotSupported() {
        assertThat(lan.run("client", "ping -f 192.168.0.2").output()).startsWith("lvsunit: not supported: ");
        assertThat(lan.run("client", "ping -t 5 -c 1 192.168.0.2").exitStatus()).isEqualTo(2);
    }

    @Test
    void tripTimesUseIputilsPrecision() {
        assertThat(Ping.formatTrip(40)).isEqualTo("0.040");
        assertThat(Ping.formatTrip(999)).isEqualTo("0.999");
        assertThat(Ping.formatTrip(1234)).isEqualTo("1.23");
        assertThat(Ping.formatTrip(9994)).isEqualTo("9.99");
        assertThat(Ping.formatTrip(9995)).isEqualTo("10.0");
        assertThat(Ping.formatTrip(12345)).isEqualTo("12.3");
        assertThat(Ping.formatTrip(99950)).isEqualTo("100");
        assertThat(Ping.llsqrt(324)).isEqualTo(18);
        assertThat(Ping.llsqrt(0)).isZero();
    }

    @Test
    void lossPercentagePrintsLikePrintfG() {
        assertThat(Libc.percent(100.0 / 3)).isEqualTo("33.3333");
        assertThat(Libc.percent(200.0 / 3)).isEqualTo("66.6667");
        assertThat(Libc.percent(50)).isEqualTo("50");
        assertThat(Libc.percent(100)).isEqualTo("100");
        assertThat(Libc.percent(0)).isEqualTo("0");
    }
}
