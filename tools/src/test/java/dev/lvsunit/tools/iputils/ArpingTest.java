package dev.lvsunit.tools.iputils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.tcpdump.Tcpdump;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * arping end to end: the LVS-DR example of the spec format (a VIP on the
 * director's eth0 and on a real server's lo). Texts, exit statuses and the
 * frames on the wire are those of iputils 20221126 on Linux 6.18 in network
 * namespaces; times come from the virtual clock. arping's reply time adds
 * half a millisecond below 1 ms, as the real one does (40 µs prints 0.540).
 */
class ArpingTest {

    private Lan lan;

    @BeforeEach
    void lan() {
        lan = new Lan("client", "director", "rs1");
        lan.addr("director", "eth0", "192.168.0.2/24").addr("director", "eth0", "192.168.0.101/32")
                .addr("rs1", "eth0", "192.168.0.8/24").addr("rs1", "lo", "192.168.0.101/32")
                .addr("client", "eth0", "192.168.0.50/24");
    }

    private void assertRun(String line, String expected, int status) {
        Execution e = lan.run("client", line);
        assertThat(e.output()).isEqualTo(expected);
        assertThat(e.exitStatus()).as("exit status").isEqualTo(status);
    }

    private List<String> wire(int from) {
        List<CapturedFrame> all = lan.net0.capture();
        String out = Tcpdump.dump(all.subList(from, all.size()), List.of("-e")).output();
        return out.lines().map(l -> l.substring(16)).toList();
    }

    @Test
    void twoOwnersAnswerOneBroadcastAndArpingExitsOne() {
        assertRun("arping -c 1 -I eth0 192.168.0.101", """
                ARPING 192.168.0.101 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.540ms
                Sent 1 probes (1 broadcast(s))
                Received 2 response(s)
                """, 1);
        assertThat(lan.lastDuration).isEqualTo(1_000_000_000L);
    }

    @Test
    void arpIgnoreLeavesTheDirector() {
        lan.run("rs1", "echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore");
        assertRun("arping -c 1 -I eth0 192.168.0.101", """
                ARPING 192.168.0.101 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.540ms
                Sent 1 probes (1 broadcast(s))
                Received 1 response(s)
                """, 0);
    }

    @Test
    void afterAReplyProbesGoUnicastToTheReplier() {
        int from = lan.net0.capture().size();
        assertRun("arping -c 3 -I eth0 192.168.0.8", """
                ARPING 192.168.0.8 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Sent 3 probes (1 broadcast(s))
                Received 3 response(s)
                """, 0);
        assertThat(wire(from)).containsExactly(
                "02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: "
                        + "Request who-has 192.168.0.8 (ff:ff:ff:ff:ff:ff) tell 192.168.0.50, length 28",
                "02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: "
                        + "Reply 192.168.0.8 is-at 02:00:00:00:03:01, length 28",
                "02:00:00:00:01:01 > 02:00:00:00:03:01, ethertype ARP (0x0806), length 42: "
                        + "Request who-has 192.168.0.8 (02:00:00:00:03:01) tell 192.168.0.50, length 28",
                "02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: "
                        + "Reply 192.168.0.8 is-at 02:00:00:00:03:01, length 28",
                "02:00:00:00:01:01 > 02:00:00:00:03:01, ethertype ARP (0x0806), length 42: "
                        + "Request who-has 192.168.0.8 (02:00:00:00:03:01) tell 192.168.0.50, length 28",
                "02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: "
                        + "Reply 192.168.0.8 is-at 02:00:00:00:03:01, length 28");
    }

    @Test
    void arpingDoesNotFillTheArpCache() {
        lan.run("client", "arping -c 1 -I eth0 192.168.0.8");
        var client = lan.world.host("client").orElseThrow();
        assertThat(client.neigh().lookup(dev.lvsunit.engine.net.Ipv4Address.parse("192.168.0.8"),
                client.device("eth0").orElseThrow())).isEmpty();
    }

    @Test
    void keepBroadcasting() {
        assertRun("arping -b -c 2 -I eth0 192.168.0.8", """
                ARPING 192.168.0.8 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Sent 2 probes (2 broadcast(s))
                Received 2 response(s)
                """, 0);
    }

    @Test
    void noAnswer() {
        assertRun("arping -c 2 -I eth0 192.168.0.99", """
                ARPING 192.168.0.99 from 192.168.0.50 eth0
                Sent 2 probes (2 broadcast(s))
                Received 0 response(s)
                """, 1);
        assertRun("arping -q -c 1 -I eth0 192.168.0.99", "", 1);
    }

    @Test
    void deadline() {
        // the probe due with the deadline still goes out; its reply is not awaited
        assertRun("arping -w 2 -I eth0 192.168.0.8", """
                ARPING 192.168.0.8 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Sent 3 probes (1 broadcast(s))
                Received 2 response(s)
                """, 0);
        assertThat(lan.lastDuration).isEqualTo(2_000_000_000L);
        assertRun("arping -c 3 -w 2 -I eth0 192.168.0.8", """
                ARPING 192.168.0.8 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Sent 3 probes (1 broadcast(s))
                Received 2 response(s)
                """, 1);
        // -c with -w stops at the count-th reply, which two owners reach at once
        assertRun("arping -c 2 -w 5 -I eth0 192.168.0.101", """
                ARPING 192.168.0.101 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  0.540ms
                Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.540ms
                Sent 1 probes (1 broadcast(s))
                Received 2 response(s)
                """, 1);
        assertThat(lan.lastDuration).isEqualTo(40_000L);
    }

    @Test
    void quitOnFirstReply() {
        assertRun("arping -f -c 3 -I eth0 192.168.0.101", """
                ARPING 192.168.0.101 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  0.540ms
                Sent 1 probes (1 broadcast(s))
                Received 1 response(s)
                """, 0);
    }

    @Test
    void duplicateAddressDetection() {
        int from = lan.net0.capture().size();
        assertRun("arping -D -c 2 -I eth0 192.168.0.8", """
                ARPING 192.168.0.8 from 0.0.0.0 eth0
                Unicast reply from 192.168.0.8 [02:00:00:00:03:01]  0.540ms
                Sent 1 probes (1 broadcast(s))
                Received 1 response(s)
                """, 1);
        assertThat(wire(from).get(0)).endsWith("Request who-has 192.168.0.8 (ff:ff:ff:ff:ff:ff) tell 0.0.0.0, length 28");
        assertRun("arping -D -c 2 -I eth0 192.168.0.98", """
                ARPING 192.168.0.98 from 0.0.0.0 eth0
                Sent 2 probes (2 broadcast(s))
                Received 0 response(s)
                """, 0);
    }

    @Test
    void gratuitous() {
        int from = lan.net0.capture().size();
        assertRun("arping -U -c 1 -I eth0 192.168.0.50", """
                ARPING 192.168.0.50 from 192.168.0.50 eth0
                Sent 1 probes (1 broadcast(s))
                Received 0 response(s)
                """, 0);
        assertRun("arping -A -c 1 -I eth0 192.168.0.50", """
                ARPING 192.168.0.50 from 192.168.0.50 eth0
                Sent 1 probes (1 broadcast(s))
                Received 0 response(s)
                """, 0);
        List<String> wire = wire(from);
        assertThat(wire.get(0)).isEqualTo("02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: "
                + "Request who-has 192.168.0.50 (ff:ff:ff:ff:ff:ff) tell 192.168.0.50, length 28");
        assertThat(wire).contains("02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: "
                + "Reply 192.168.0.50 is-at 02:00:00:00:01:01, length 28");
        assertRun("arping -U -c 1 192.168.0.8", "arping: bind: Cannot assign requested address\n", 2);
    }

    @Test
    void sourceAndDevice() {
        // without -I the device is the route's; with -s the source is that address
        assertThat(lan.run("client", "arping -c 1 192.168.0.8").output())
                .startsWith("ARPING 192.168.0.8 from 192.168.0.50 eth0\n");
        assertThat(lan.run("client", "arping -c 1 -s 192.168.0.50 192.168.0.8").output())
                .startsWith("ARPING 192.168.0.8 from 192.168.0.50 eth0\n");
        assertRun("arping -c 1 -I eth0 -s 192.168.0.9 192.168.0.8", "arping: bind: Cannot assign requested address\n", 2);
        assertRun("arping -c 1 -I eth0 -s bogus 192.168.0.8", "arping: invalid source bogus\n", 2);
        assertRun("arping -c 2 -I eth9 192.168.0.8", "arping: Device eth9 not available.\n", 2);
        assertRun("arping -q -c 2 -I eth9 192.168.0.8", "arping: Device eth9 not available.\n", 2);
        assertRun("arping -c 1 -I lo 192.168.0.8", "Interface \"lo\" is not ARPable\n", 2);
        assertRun("arping -c 1 192.168.0.50", "Interface \"lo\" is not ARPable\n", 2);
        assertRun("arping -c 1 10.1.1.1", "arping: NETLINK_ROUTE unexpected iov element\n", 1);
        assertRun("arping -c 1 server", "arping: server: Temporary failure in name resolution\n", 2);
    }

    @Test
    void anInterfaceWithoutAddress() {
        Lan bare = new Lan("a", "b");
        bare.addr("b", "eth0", "192.168.0.2/24");
        Execution e = bare.run("a", "arping -c 1 -I eth0 192.168.0.2");
        assertThat(e.output()).isEqualTo("ARPING 192.168.0.2 from 0.0.0.0 eth0\narping: no source address in not-DAD mode\n");
        assertThat(e.exitStatus()).isEqualTo(2);
    }

    @Test
    void badArguments() {
        assertRun("arping -c 0 192.168.0.8",
                "arping: invalid argument: '0': out of range: 1 <= value <= 2147483647\n", 1);
        assertRun("arping -c abc 192.168.0.8", "arping: invalid argument: 'abc'\n", 1);
        assertRun("arping -w -1 192.168.0.8",
                "arping: invalid argument: '-1': out of range: 0 <= value <= 2147483647\n", 1);
        Execution usage = lan.run("client", "arping");
        assertThat(usage.output()).startsWith("\nUsage:\n  arping [options] <destination>\n")
                .endsWith("\nFor more details see arping(8).\n");
        assertThat(usage.exitStatus()).isEqualTo(2);
        assertThat(lan.run("client", "arping -z 192.168.0.8").output()).startsWith("arping: invalid option -- 'z'\n\nUsage:\n");
        assertThat(lan.run("client", "arping -I eth0 192.168.0.8").output()).startsWith("lvsunit: not supported: ");
    }
}
