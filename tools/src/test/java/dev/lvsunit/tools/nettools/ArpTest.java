package dev.lvsunit.tools.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.tools.Execution;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * arp against net-tools 2.10 on kernel 6.18. Expected outputs were printed by
 * the real commands, in this order, on namespace lvn-e (eth0 10.0.0.1/24)
 * joined to lvn-f (10.0.0.2/24, MAC 02:00:00:00:02:01). The kernel lists
 * entries in hash-bucket order, which varies from boot to boot; where several
 * entries show, the lines are compared as a set.
 */
class ArpTest {

    private static final String HEADER = "Address                  HWtype  HWaddress           Flags Mask            Iface\n";

    private final Terminal t = Terminal.lan("e", "f");

    @BeforeEach
    void addresses() {
        t.quiet("e", "ifconfig eth0 10.0.0.1 netmask 255.255.255.0");
        t.quiet("f", "ifconfig eth0 10.0.0.2 netmask 255.255.255.0");
    }

    private void pings() {
        assertThat(t.run("e", "ping -c 1 -W 1 10.0.0.2").exitStatus()).isZero();
        assertThat(t.run("e", "ping -c 1 -W 1 10.0.0.3").exitStatus()).isEqualTo(1);
    }

    private List<String> lines(String command) {
        Execution e = t.run("e", command);
        assertThat(e.exitStatus()).isZero();
        return e.output().lines().toList();
    }

    @Test
    void anEmptyCache() {
        t.expect("e", "arp -n", "");
        t.expect("e", "arp -n 10.0.0.2", "10.0.0.2 (10.0.0.2) -- no entry\n");
        t.expect("e", "arp -a 10.0.0.2", "arp: in 0 entries no match found.\n");
        t.expect("e", "arp -n -i eth0", "arp: in 0 entries no match found.\n");
    }

    @Test
    void reachableAndIncompleteEntriesInBothStyles() {
        pings();
        t.expect("e", "arp -n", HEADER
                + "10.0.0.3                         (incomplete)                              eth0\n"
                + "10.0.0.2                 ether   02:00:00:00:02:01   C                     eth0\n");
        t.expect("e", "arp", HEADER
                + "10.0.0.3                         (incomplete)                              eth0\n"
                + "10.0.0.2                 ether   02:00:00:00:02:01   C                     eth0\n");
        t.expect("e", "arp -a", ""
                + "? (10.0.0.3) at <incomplete> on eth0\n"
                + "? (10.0.0.2) at 02:00:00:00:02:01 [ether] on eth0\n");
        t.expect("e", "arp -n 10.0.0.2", HEADER
                + "10.0.0.2                 ether   02:00:00:00:02:01   C                     eth0\n");
        t.expect("e", "arp -a 10.0.0.2", "? (10.0.0.2) at 02:00:00:00:02:01 [ether] on eth0\n");
        t.expect("e", "arp -n -a 10.0.0.77", "arp: in 2 entries no match found.\n");
        t.expect("e", "arp -n 10.0.0.77", "10.0.0.77 (10.0.0.77) -- no entry\n");
        t.expect("e", "arp -n -i lo", "arp: in 2 entries no match found.\n");
    }

    @Test
    void settingEntries() {
        pings();
        t.quiet("e", "arp -s 10.0.0.50 02:00:00:00:00:50");
        t.quiet("e", "arp -s 10.0.0.51 2:0:0:0:0:51 temp");
        t.expect("e", "arp -s 10.9.9.9 02:00:00:00:00:52", "SIOCSARP: Network is unreachable\n", 255);
        t.expect("e", "arp -s 10.0.0.1 02:00:00:00:00:52", "SIOCSARP: Invalid argument\n", 255);
        t.quiet("e", "arp -i eth0 -s 10.9.9.9 020000000052");
        t.expect("e", "arp -s 10.0.0.53 02:00:00:00:00:5g", "arp: invalid hardware address\n", 255);
        t.expect("e", "arp -s 10.0.0.53", "arp: need hardware address\n", 255);
        t.expect("e", "arp -s", "arp: need host name\n", 255);
        t.quiet("e", "arp -s 10.0.0.54 02:00:00:00:00:54 -i eth0");
        List<String> out = lines("arp -n");
        assertThat(out.get(0) + "\n").isEqualTo(HEADER);
        assertThat(out.subList(1, out.size())).containsExactlyInAnyOrder(
                "10.0.0.3                         (incomplete)                              eth0",
                "10.0.0.54                ether   02:00:00:00:00:54   CM                    eth0",
                "10.0.0.2                 ether   02:00:00:00:02:01   C                     eth0",
                "10.0.0.51                ether   02:00:00:00:00:51   C                     eth0",
                "10.9.9.9                 ether   02:00:00:00:00:52   CM                    eth0",
                "10.0.0.50                ether   02:00:00:00:00:50   CM                    eth0");
        // real: ip neigh showed 10.0.0.51 STALE (temp) and the others PERMANENT
        assertThat(t.get("e").neigh().entries()).filteredOn(n -> n.address().toString().equals("10.0.0.51"))
                .extracting(n -> n.state()).containsExactly(NudState.NUD_STALE);
        assertThat(lines("arp -a")).contains("? (10.0.0.50) at 02:00:00:00:00:50 [ether] PERM on eth0");
    }

    @Test
    void deletingEntries() {
        pings();
        t.quiet("e", "arp -s 10.0.0.50 02:00:00:00:00:50");
        t.quiet("e", "arp -i eth0 -s 10.9.9.9 02:00:00:00:00:52");
        t.quiet("e", "arp -d 10.0.0.50");
        // kernel-surprises 17: a missing entry exits 255, the message on standard output
        t.expect("e", "arp -d 10.0.0.50", "No ARP entry for 10.0.0.50\n", 255);
        t.expect("e", "arp -d 10.9.9.9", "SIOCDARP(dontpub): Network is unreachable\n", 255);
        t.quiet("e", "arp -i eth0 -d 10.9.9.9");
        t.quiet("e", "arp -d 10.0.0.3");
        t.expect("e", "arp -d", "arp: need host name\n", 255);
        t.expect("e", "arp -d foo", "foo: Host name lookup failure\n", 255);
        t.expect("e", "arp -i nosuch -d 10.0.0.2", "SIOCDARP(dontpub): No such device\n", 255);
        t.expect("e", "arp -i nosuch -s 10.0.0.2 02:00:00:00:00:99", "SIOCSARP: No such device\n", 255);
        t.expect("e", "arp -n", HEADER + "10.0.0.2                 ether   02:00:00:00:02:01   C                     eth0\n");
    }

    /** Recorded on lvn-d (eth0 02:00:00:00:01:01, 192.168.0.178/24). */
    @Test
    void publishedEntries() {
        Terminal d = Terminal.lan("d");
        d.quiet("d", "ifconfig eth0 192.168.0.178 netmask 255.255.255.0");
        d.quiet("d", "arp -s 10.0.0.60 02:00:00:00:01:01 pub");
        d.expect("d", "arp -s 10.0.0.61 02:00:00:00:99:99 pub", "SIOCSARP: No such device\n", 255);
        d.quiet("d", "arp -i eth0 -s 10.0.0.62 02:00:00:00:99:99 pub");
        // an Ethernet address on a named loopback device: arp_req_dev_by_name's type check (6.18)
        d.expect("d", "arp -i lo -s 10.0.0.63 02:00:00:00:01:01 pub", "SIOCSARP: Invalid argument\n", 255);
        d.expect("d", "arp -n 10.0.0.60", HEADER
                + "10.0.0.60                *       <from_interface>    MP                    eth0\n");
        assertThat(d.run("d", "arp -a").output().lines()).containsExactlyInAnyOrder(
                "? (10.0.0.60) at <from_interface> PERM PUB on eth0",
                "? (10.0.0.62) at <from_interface> PERM PUB on eth0");
        d.expect("d", "arp -d 10.0.0.60", "SIOCDARP(dontpub): Network is unreachable\n", 255);
        d.quiet("d", "arp -i eth0 -d 10.0.0.60");
        d.expect("d", "arp -d 10.0.0.62 pub", "No ARP entry for 10.0.0.62\n", 255);
        d.expect("d", "arp -i eth0 -d 10.0.0.62 priv", "No ARP entry for 10.0.0.62\n", 255);
        d.quiet("d", "arp -i eth0 -d 10.0.0.62 pub");
        d.expect("d", "arp -n", "");
    }

    @Test
    void optionErrors() {
        Execution e = t.run("e", "arp -z");
        assertThat(e.exitStatus()).isEqualTo(3);
        assertThat(e.output()).startsWith("arp: invalid option -- 'z'\nUsage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]");
        e = t.run("e", "arp -i");
        assertThat(e.exitStatus()).isEqualTo(3);
        assertThat(e.output()).startsWith("arp: option requires an argument -- 'i'\nUsage:\n");
        e = t.run("e", "arp -s 10.0.0.53 02:00:00:00:00:53 bogus");
        assertThat(e.exitStatus()).isEqualTo(3);
        assertThat(e.output()).startsWith("Usage:\n").endsWith("    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) \n");
    }
}
