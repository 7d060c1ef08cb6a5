package dev.lvsunit.tools.ip;

import static dev.lvsunit.tools.ip.Lab.fails;
import static dev.lvsunit.tools.ip.Lab.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import org.junit.jupiter.api.Test;

/**
 * {@code ip link}. Expected texts recorded with iproute2 6.1.0 on Linux 6.18
 * (see {@link Lab}).
 */
class IpLinkTest {

    private final Lab lab = new Lab();

    @Test
    void showHasModeDefault() {
        lab.addUnpluggedEth1();
        assertThat(lab.ok("ip link")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP mode DEFAULT group default qlen 1000",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff",
                "3: eth1: <BROADCAST,MULTICAST> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000",
                "    link/ether 02:00:00:00:01:02 brd ff:ff:ff:ff:ff:ff"));
    }

    @Test
    void briefShowsMacAndFlags() {
        assertThat(lab.ok("ip -br link")).isEqualTo(lines(
                "lo               UNKNOWN        00:00:00:00:00:00 <LOOPBACK,UP,LOWER_UP> ",
                "eth0             UP             02:00:00:00:01:01 <BROADCAST,MULTICAST,UP,LOWER_UP> "));
    }

    /** Up without carrier: NO-CARRIER first, no LOWER_UP, state DOWN. */
    @Test
    void upWithoutCarrier() {
        lab.addUnpluggedEth1();
        lab.quiet("ip link set eth1 up");
        assertThat(lab.ok("ip link show eth1")).isEqualTo(lines(
                "3: eth1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000",
                "    link/ether 02:00:00:00:01:02 brd ff:ff:ff:ff:ff:ff"));
        assertThat(lab.ok("ip -br link show eth1"))
                .isEqualTo(lines("eth1             DOWN           02:00:00:00:01:02 <NO-CARRIER,BROADCAST,MULTICAST,UP> "));
    }

    @Test
    void setDownAndUp() {
        lab.quiet("ip link set eth0 down");
        assertThat(lab.ok("ip link show dev eth0")).isEqualTo(lines(
                "2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc fq_codel state DOWN mode DEFAULT group default qlen 1000",
                "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff"));
        assertThat(lab.ok("ip -br link show eth0"))
                .isEqualTo(lines("eth0             DOWN           02:00:00:00:01:01 <BROADCAST,MULTICAST> "));
        lab.quiet("ip link set dev eth0 up");
        assertThat(lab.eth0.isUp()).isTrue();
        // the last of up/down wins
        lab.quiet("ip link set eth0 up down");
        assertThat(lab.eth0.isUp()).isFalse();
    }

    @Test
    void setMtuAndAddress() {
        lab.quiet("ip link set eth0 mtu 1400 address 02:00:00:00:01:09");
        assertThat(lab.ok("ip link show eth0")).isEqualTo(lines(
                "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1400 qdisc fq_codel state UP mode DEFAULT group default qlen 1000",
                "    link/ether 02:00:00:00:01:09 brd ff:ff:ff:ff:ff:ff"));
    }

    @Test
    void loopbackDown() {
        lab.quiet("ip link set lo down");
        assertThat(lab.ok("ip link show lo")).isEqualTo(lines(
                "1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN mode DEFAULT group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00"));
        assertThat(lab.ok("ip addr show lo")).isEqualTo(lines(
                "1: lo: <LOOPBACK> mtu 65536 qdisc noqueue state DOWN group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "    inet 127.0.0.1/8 scope host lo",
                "       valid_lft forever preferred_lft forever"));
    }

    @Test
    void errors() {
        assertThat(lab.run("ip link set eth9 up")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip link set dev eth9 up")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip link set eth0 mtu abc")).isEqualTo(fails(255, "Error: argument \"abc\" is wrong: Invalid \"mtu\" value", ""));
        assertThat(lab.run("ip link set eth0 mtu 1500 mtu 1400"))
                .isEqualTo(fails(255, "Error: duplicate \"mtu\": \"1400\" is the second value."));
        assertThat(lab.run("ip link set eth0 address zz")).isEqualTo(fails(1, "\"zz\" is invalid lladdr."));
        // recorded on 6.18 (iproute2 6.1.0) on a veth: dev_validate_mtu and eth_prepare_mac_addr_change
        assertThat(lab.run("ip link set eth0 mtu 60")).isEqualTo(fails(2, "Error: mtu less than device minimum."));
        assertThat(lab.run("ip link set eth0 mtu 70000")).isEqualTo(fails(2, "Error: mtu greater than device maximum."));
        assertThat(lab.run("ip link set eth0 address 01:00:00:00:00:01"))
                .isEqualTo(fails(2, "RTNETLINK answers: Cannot assign requested address"));
        assertThat(lab.run("ip link set eth0 address 00:00:00:00:00:00"))
                .isEqualTo(fails(2, "RTNETLINK answers: Cannot assign requested address"));
        assertThat(lab.run("ip link set eth0 address 02:00:00:00:01")).isEqualTo(fails(1, "Invalid address length 5 - must be 6 bytes"));
        assertThat(lab.run("ip link set")).isEqualTo(fails(255, "Not enough information: \"dev\" argument is required."));
        assertThat(lab.run("ip link set eth0 foo")).isEqualTo(fails(255, "Error: either \"dev\" is duplicate, or \"foo\" is a garbage."));
        assertThat(lab.run("ip link show eth9")).isEqualTo(fails(1, "Device \"eth9\" does not exist."));
        assertThat(lab.run("ip link show dev eth0 foo")).isEqualTo(fails(255, "Error: either \"dev\" is duplicate, or \"foo\" is a garbage."));
        assertThat(lab.run("ip link foo")).isEqualTo(fails(255, "Command \"foo\" is unknown, try \"ip link help\"."));
        assertThat(lab.ok("ip link set eth0")).isEmpty();
    }

    /** {@code -s}: the counter tables, right-aligned under their headers (recorded on lo, nothing sent). */
    @Test
    void statistics() {
        assertThat(lab.ok("ip -s link show lo")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "    RX:  bytes packets errors dropped  missed   mcast           ",
                "             0       0      0       0       0       0 ",
                "    TX:  bytes packets errors dropped carrier collsns           ",
                "             0       0      0       0       0       0 "));
        assertThat(lab.ok("ip -4 -s addr show lo")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000",
                "    inet 127.0.0.1/8 scope host lo",
                "       valid_lft forever preferred_lft forever",
                "    RX:  bytes packets errors dropped  missed   mcast           ",
                "             0       0      0       0       0       0 ",
                "    TX:  bytes packets errors dropped carrier collsns           ",
                "             0       0      0       0       0       0 "));
    }

    @Test
    void statisticsWithErrors() {
        assertThat(lab.ok("ip -s -s link show lo")).isEqualTo(lines(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000",
                "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00",
                "    RX:  bytes packets errors dropped  missed   mcast           ",
                "             0       0      0       0       0       0 ",
                "    RX errors:  length    crc   frame    fifo overrun",
                "                     0      0       0       0       0 ",
                "    TX:  bytes packets errors dropped carrier collsns           ",
                "             0       0      0       0       0       0 ",
                "    TX errors: aborted   fifo  window heartbt transns",
                "                     0      0       0       0       0 "));
    }

    /** Counters are right-aligned in their columns (42-byte ARP frames looped back). */
    @Test
    void statisticsCountFrames() {
        ArpPacket arp = new ArpPacket(ArpPacket.REQUEST, MacAddress.ZERO, Ipv4Address.ANY, MacAddress.ZERO, Ipv4Address.ANY);
        for (int i = 0; i < 200_000; i++) {
            lab.host.loopback().transmit(new EthernetFrame(MacAddress.ZERO, MacAddress.ZERO, arp));
        }
        lab.world.runFor(1_000_000_000L);
        assertThat(lab.ok("ip -s link show lo").lines().skip(2)).containsExactly(
                "    RX:  bytes packets errors dropped  missed   mcast           ",
                "       8400000  200000      0       0       0       0 ",
                "    TX:  bytes packets errors dropped carrier collsns           ",
                "       8400000  200000      0       0       0       0 ");
    }

    /** size_columns widens a column to a value's digit count, which it reckons with {@code powi < val}. */
    @Test
    void columnsGrowToFitValues() {
        int[] cols = {10, 7, 6, 7, 7, 7, 10};
        LinkFormat.sizeColumns(cols, new long[] {123_456_789_012L, 10_000_000L, 0, 0, 0, 0, 0});
        assertThat(cols).containsExactly(12, 7, 6, 7, 7, 7, 10);
        LinkFormat.sizeColumns(cols, new long[] {0, 10_000_001L, 0, 0, 0, 0, 0});
        assertThat(cols).containsExactly(12, 8, 6, 7, 7, 7, 10);
    }
}
