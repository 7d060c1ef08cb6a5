package dev.lvsunit.tools.ip;

import static dev.lvsunit.tools.ip.Lab.fails;
import static dev.lvsunit.tools.ip.Lab.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.Test;

/**
 * {@code ip address}. Expected texts recorded with iproute2 6.1.0 on Linux
 * 6.18 (see {@link Lab}), running the same commands in a fresh namespace.
 */
class IpAddressTest {

    private final Lab lab = new Lab();

    /** The LVS director and real-server addresses of the recording. */
    private void addAddresses() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0",
                "ip addr add 10.0.0.2/24 dev eth0 label eth0:1",
                "ip addr add 10.0.0.100/32 dev eth0 label eth0:0",
                "ip addr add 10.0.0.3/24 brd + dev eth0",
                "ip addr add 10.0.0.101/32 dev lo",
                "ip addr add 127.0.0.5/8 dev lo",
                "ip addr add 192.168.1.1/24 dev eth0 scope link",
                "ip addr add 172.16.0.1/16 dev eth0 noprefixroute");
    }

    @Test
    void freshHostHasOnlyLoopbackAddress() {
        assertThat(lab.ok("ip addr")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "    inet 127.0.0.1/8 scope host lo",
                "       valid_lft forever preferred_lft forever",
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff"));
    }

    /** Primaries by scope first, secondaries after in insertion order, labels last, brd only when asked. */
    @Test
    void showListsPrimariesThenSecondaries() {
        lab.addUnpluggedEth1();
        addAddresses();
        assertThat(lab.ok("ip addr")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "    inet 127.0.0.1/8 scope host lo",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.101/32 scope global lo",
                "       valid_lft forever preferred_lft forever",
                "    inet 127.0.0.5/8 scope host secondary lo",
                "       valid_lft forever preferred_lft forever",
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff",
                "    inet 192.168.1.1/24 scope link eth0",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.1/24 scope global eth0",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.100/32 scope global eth0:0",
                "       valid_lft forever preferred_lft forever",
                "    inet 172.16.0.1/16 scope global noprefixroute eth0",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.2/24 scope global secondary eth0:1",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.3/24 brd 10.0.0.255 scope global secondary eth0",
                "       valid_lft forever preferred_lft forever",
                "3: eth1: <BROADCAST,MULTICAST> mtu 1500 qdisc fq_codel state DOWN group default qlen 1000",
                "    link/ether 02:00:00:00:01:02 brd ff:ff:ff:ff:ff:ff"));
    }

    @Test
    void familyFourDropsLinkLineAndAddresslessDevices() {
        lab.addUnpluggedEth1();
        addAddresses();
        assertThat(lab.ok("ip -4 addr show scope host")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
                "    inet 127.0.0.1/8 scope host lo",
                "       valid_lft forever preferred_lft forever",
                "    inet 127.0.0.5/8 scope host secondary lo",
                "       valid_lft forever preferred_lft forever"));
        assertThat(lab.ok("ip -4 a s dev eth1")).isEmpty();
    }

    @Test
    void briefListsAddressesOnOneLine() {
        lab.addUnpluggedEth1();
        addAddresses();
        assertThat(lab.ok("ip -br addr")).isEqualTo(lines(
                "lo               UNKNOWN        127.0.0.1/8 10.0.0.101/32 127.0.0.5/8 ",
                "eth0             UP             192.168.1.1/24 10.0.0.1/24 10.0.0.100/32 172.16.0.1/16 10.0.0.2/24 10.0.0.3/24 ",
                "eth1             DOWN           "));
    }

    /** A label filter also hides the device lines, as iproute2 matches it against the device name. */
    @Test
    void labelFilterIsAGlobOverLabels() {
        addAddresses();
        assertThat(lab.ok("ip addr show label 'eth0:*'")).isEqualTo(lines(
                "    inet 10.0.0.100/32 scope global eth0:0",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.2/24 scope global secondary eth0:1",
                "       valid_lft forever preferred_lft forever"));
    }

    /** Without a family, a device with no address at all still shows; one whose addresses all fail does not. */
    @Test
    void flagFilterKeepsAddresslessDevices() {
        lab.addUnpluggedEth1();
        addAddresses();
        lab.quiet("ip addr add 10.9.0.1/24 dev eth1");
        lab.host.addEthernet("eth2", MacAddress.parse("02:00:00:00:01:03"));
        assertThat(lab.ok("ip addr show secondary")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "    inet 127.0.0.5/8 scope host secondary lo",
                "       valid_lft forever preferred_lft forever",
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff",
                "    inet 10.0.0.2/24 scope global secondary eth0:1",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.3/24 brd 10.0.0.255 scope global secondary eth0",
                "       valid_lft forever preferred_lft forever",
                "4: eth2: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc fq_codel state DOWN group default qlen 1000",
                "    link/ether 02:00:00:00:01:03 brd ff:ff:ff:ff:ff:ff"));
    }

    @Test
    void showByNameWithOrWithoutDev() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0");
        String expected = lines(
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff",
                "    inet 10.0.0.1/24 scope global eth0",
                "       valid_lft forever preferred_lft forever");
        assertThat(lab.ok("ip addr show dev eth0")).isEqualTo(expected);
        assertThat(lab.ok("ip address list eth0")).isEqualTo(expected);
        assertThat(lab.ok("ip a s eth0")).isEqualTo(expected);
    }

    /** With promote_secondaries off, deleting a primary takes the secondaries of its subnet along. */
    @Test
    void deletingPrimaryDeletesItsSecondaries() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0",
                "ip addr add 10.0.0.2/24 dev eth0",
                "ip addr add 10.0.0.100/32 dev eth0",
                "ip addr del 10.0.0.1/24 dev eth0");
        assertThat(lab.ok("ip -4 addr show eth0")).isEqualTo(lines(
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    inet 10.0.0.100/32 scope global eth0",
                "       valid_lft forever preferred_lft forever"));
    }

    /** Recorded: with eth0.promote_secondaries=1 the first secondary becomes primary and keeps its label. */
    @Test
    void promoteSecondariesPromotesTheFirst() {
        lab.quiet("ip addr add 10.0.0.50/24 dev eth0",
                "ip addr add 10.0.0.60/24 dev eth0",
                "ip addr add 10.0.0.61/24 dev eth0 label eth0:1",
                "echo 1 > /proc/sys/net/ipv4/conf/eth0/promote_secondaries",
                "ip addr del 10.0.0.50/24 dev eth0");
        assertThat(lab.ok("ip -4 addr show eth0")).isEqualTo(lines(
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    inet 10.0.0.60/24 scope global eth0",
                "       valid_lft forever preferred_lft forever",
                "    inet 10.0.0.61/24 scope global secondary eth0:1",
                "       valid_lft forever preferred_lft forever"));
    }

    /** {@code ip addr del ADDR} without a prefix length deletes whatever length, after a warning. */
    @Test
    void wildcardDeletionWarns() {
        lab.quiet("ip addr add 10.0.0.5/24 dev eth0");
        assertThat(lab.run("ip addr del 10.0.0.5 dev eth0")).isEqualTo(new Execution(lines(
                "Warning: Executing wildcard deletion to stay compatible with old scripts.",
                "         Explicitly specify the prefix length (10.0.0.5/32) to avoid this warning.",
                "         This special behaviour is likely to disappear in further releases,",
                "         fix your scripts!"), 0));
        assertThat(lab.ok("ip -4 addr show eth0")).isEmpty();
    }

    /** The prefix length and the label, when given, must match. */
    @Test
    void deleteMatchesPrefixAndLabel() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0", "ip addr add 10.0.0.2/24 dev eth0 label eth0:1");
        assertThat(lab.run("ip addr del 10.0.0.2/16 dev eth0"))
                .isEqualTo(fails(2, "Error: ipv4: Address not found."));
        assertThat(lab.run("ip addr del 10.0.0.2/24 dev eth0 label eth0:2"))
                .isEqualTo(fails(2, "Error: ipv4: Address not found."));
        lab.quiet("ip addr del 10.0.0.2/24 dev eth0 label eth0:1");
    }

    /** Recorded with -s: each round counts every address the dump matched, secondaries included. */
    @Test
    void flushDeletesEveryAddressOfTheDevice() {
        lab.quiet("ip addr add 10.9.0.1/24 dev eth0", "ip addr add 10.0.0.50/24 dev eth0",
                "ip addr add 10.8.0.1/24 dev eth0", "ip addr add 10.8.0.2/24 dev eth0");
        assertThat(lab.ok("ip -s addr flush dev eth0")).isEqualTo(lines(
                "",
                "*** Round 1, deleting 4 addresses ***",
                "*** Flush is complete after 1 round ***"));
        assertThat(lab.ok("ip -s -s addr flush dev eth0")).isEqualTo(lines("Nothing to flush."));
        lab.quiet("ip addr add 10.8.0.1/24 dev eth0");
        assertThat(lab.ok("ip -s -s addr flush to 10.8.0.0/24")).isEqualTo(lines(
                "2: eth0    inet 10.8.0.1/24 scope global eth0",
                "       valid_lft forever preferred_lft forever",
                "",
                "*** Round 1, deleting 1 addresses ***",
                "*** Flush is complete after 1 round ***"));
        assertThat(lab.ok("ip addr flush dev eth0")).isEmpty();
        assertThat(lab.ok("ip -4 addr show eth0")).isEmpty();
    }

    @Test
    void flushByScopeKeepsOthers() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0", "ip addr add 10.0.0.101/32 dev lo");
        lab.quiet("ip addr flush scope global");
        assertThat(lab.ok("ip -br -4 addr")).isEqualTo(lines("lo               UNKNOWN        127.0.0.1/8 "));
    }

    /** iproute2 reads addresses as inet_aton does: 10.1 is 10.1.0.0 and the mask may be dotted. */
    @Test
    void looseAddressSyntax() {
        lab.quiet("ip addr add 10.1/255.255.0.0 dev eth0");
        assertThat(lab.ok("ip -4 -br addr show eth0")).isEqualTo(lines("eth0             UP             10.1.0.0/16 "));
    }

    // Errors, each recorded on the real kernel.

    @Test
    void duplicateAddress() {
        lab.quiet("ip addr add 10.0.0.100/32 dev lo");
        assertThat(lab.run("ip addr add 10.0.0.100/32 dev lo"))
                .isEqualTo(fails(2, "Error: ipv4: Address already assigned."));
    }

    @Test
    void missingAddress() {
        assertThat(lab.run("ip addr del 10.0.0.200/32 dev lo"))
                .isEqualTo(fails(2, "Error: ipv4: Address not found."));
    }

    @Test
    void badPrefix() {
        assertThat(lab.run("ip addr add 300.1.1.1/24 dev eth0"))
                .isEqualTo(fails(1, "Error: any valid prefix is expected rather than \"300.1.1.1/24\"."));
        assertThat(lab.run("ip addr add 10.0.0.5/33 dev eth0"))
                .isEqualTo(fails(1, "Error: any valid prefix is expected rather than \"10.0.0.5/33\"."));
        assertThat(lab.run("ip -4 addr add 10.0.0.500/24 dev eth0"))
                .isEqualTo(fails(1, "Error: inet prefix is expected rather than \"10.0.0.500/24\"."));
    }

    @Test
    void secondLocalIsGarbage() {
        assertThat(lab.run("ip addr add 10.0.0.5/24 dev eth0 local 1.2.3.4"))
                .isEqualTo(fails(255, "Error: either \"local\" is duplicate, or \"1.2.3.4\" is a garbage."));
        assertThat(lab.run("ip addr add 10.0.0.5/24 dev eth0 x"))
                .isEqualTo(fails(255, "Error: either \"local\" is duplicate, or \"x\" is a garbage."));
    }

    @Test
    void deviceErrors() {
        assertThat(lab.run("ip addr add 10.0.0.1/24 dev eth9")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip addr add 10.0.0.5/24"))
                .isEqualTo(fails(1, "Not enough information: \"dev\" argument is required."));
        assertThat(lab.run("ip addr del 10.0.0.5/24"))
                .isEqualTo(fails(1, "Not enough information: \"dev\" argument is required."));
        assertThat(lab.run("ip addr show dev nosuch")).isEqualTo(fails(1, "Device \"nosuch\" does not exist."));
        assertThat(lab.run("ip addr show nosuch")).isEqualTo(fails(1, "Device \"nosuch\" does not exist."));
        assertThat(lab.run("ip addr flush dev eth9")).isEqualTo(fails(1, "Device \"eth9\" does not exist."));
        assertThat(lab.run("ip addr show eth0 foo"))
                .isEqualTo(fails(255, "Error: either \"dev\" is duplicate, or \"foo\" is a garbage."));
    }

    @Test
    void argumentErrors() {
        assertThat(lab.run("ip addr foo")).isEqualTo(fails(255, "Command \"foo\" is unknown, try \"ip address help\"."));
        assertThat(lab.run("ip addr add 10.0.0.5/24 dev eth0 scope bogus"))
                .isEqualTo(fails(255, "Error: argument \"bogus\" is wrong: invalid scope value."));
        assertThat(lab.run("ip addr add 10.0.0.5 dev eth0 brd"))
                .isEqualTo(fails(255, "Command line is not complete. Try option \"help\""));
        assertThat(lab.run("ip addr add 10.0.0.5/24 dev eth0 brd foo"))
                .isEqualTo(fails(1, "Error: inet address is expected rather than \"foo\"."));
        assertThat(lab.run("ip addr add 10.0.0.50/24 brd 10.0.0.255 brd 10.0.0.255 dev eth0"))
                .isEqualTo(fails(255, "Error: duplicate \"broadcast\": \"10.0.0.255\" is the second value."));
        assertThat(lab.run("ip addr flush")).isEqualTo(fails(1, "Flush requires arguments."));
    }

    @Test
    void kernelRefusals() {
        assertThat(lab.run("ip addr add dev eth0")).isEqualTo(fails(2, "RTNETLINK answers: Operation not supported"));
        assertThat(lab.run("ip -4 addr add dev eth0")).isEqualTo(fails(2, "Error: ipv4: Local address is not supplied."));
        assertThat(lab.run("ip addr add 10.0.0.5/24 dev eth0 label eth0:verylonglabelxx"))
                .isEqualTo(fails(2, "Error: Attribute failed policy validation."));
    }

    /** The last {@code dev} wins; any label is accepted. */
    @Test
    void lastDeviceWinsAndAnyLabelGoes() {
        lab.quiet("ip addr add 10.0.0.5/24 dev nosuch dev eth0 label foo");
        assertThat(lab.ok("ip -4 addr show eth0")).isEqualTo(lines(
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000",
                "    inet 10.0.0.5/24 scope global foo",
                "       valid_lft forever preferred_lft forever"));
    }
}
