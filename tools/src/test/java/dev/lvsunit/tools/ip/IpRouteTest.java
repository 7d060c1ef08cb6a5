package dev.lvsunit.tools.ip;

import static dev.lvsunit.tools.ip.Lab.fails;
import static dev.lvsunit.tools.ip.Lab.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.Test;

/**
 * {@code ip route}. Expected texts recorded with iproute2 6.1.0 on Linux 6.18
 * (see {@link Lab}) after the same commands in a fresh namespace.
 */
class IpRouteTest {

    private final Lab lab = new Lab();

    private void addAddresses() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0",
                "ip addr add 10.0.0.2/24 dev eth0 label eth0:1",
                "ip addr add 10.0.0.100/32 dev eth0 label eth0:0",
                "ip addr add 10.0.0.101/32 dev lo",
                "ip addr add 192.168.1.1/24 brd + dev eth0");
    }

    private void addRoutes() {
        lab.quiet("ip route add default via 10.0.0.254",
                "ip route add 192.168.5.0/24 via 10.0.0.253 dev eth0",
                "ip route add 192.168.6.0/24 dev eth0 src 10.0.0.2",
                "ip route add 192.168.7.0/24 via 10.0.0.254 metric 100",
                "ip route add 192.168.7.0/24 via 10.0.0.253 metric 200 proto static",
                "ip route add blackhole 192.168.8.0/24",
                "ip route add unreachable 192.168.9.0/24",
                "ip route add prohibit 192.168.10.0/24",
                "ip route add local 10.7.0.0/16 dev lo",
                "ip route add 10.0.0.101 dev lo",
                "ip route add 192.168.12.0/24 via 10.0.0.254 table 100");
    }

    /** Every line ends with a space: iproute2 prints each field as "%s ". */
    @Test
    void addressesMakeConnectedRoutesInMain() {
        addAddresses();
        assertThat(lab.ok("ip route")).isEqualTo(lines(
                "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 ",
                "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1 "));
    }

    /** Secondaries' local routes take the primary as source; /32 and lo addresses get no prefix route. */
    @Test
    void addressesMakeLocalAndBroadcastRoutes() {
        addAddresses();
        assertThat(lab.ok("ip route show table local")).isEqualTo(lines(
                "local 10.0.0.1 dev eth0 proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.2 dev eth0 proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.100 dev eth0 proto kernel scope host src 10.0.0.100 ",
                "local 10.0.0.101 dev lo proto kernel scope host src 10.0.0.101 ",
                "broadcast 10.0.0.255 dev eth0 proto kernel scope link src 10.0.0.1 ",
                "local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ",
                "local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ",
                "broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 ",
                "local 192.168.1.1 dev eth0 proto kernel scope host src 192.168.1.1 ",
                "broadcast 192.168.1.255 dev eth0 proto kernel scope link src 192.168.1.1 "));
    }

    @Test
    void tableAllNamesEveryTableButMain() {
        addAddresses();
        lab.quiet("ip route add 192.168.12.0/24 via 10.0.0.254 table 100");
        assertThat(lab.ok("ip route show table all")).isEqualTo(lines(
                "192.168.12.0/24 via 10.0.0.254 dev eth0 table 100 ",
                "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 ",
                "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1 ",
                "local 10.0.0.1 dev eth0 table local proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.2 dev eth0 table local proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.100 dev eth0 table local proto kernel scope host src 10.0.0.100 ",
                "local 10.0.0.101 dev lo table local proto kernel scope host src 10.0.0.101 ",
                "broadcast 10.0.0.255 dev eth0 table local proto kernel scope link src 10.0.0.1 ",
                "local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 ",
                "local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 ",
                "broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 ",
                "local 192.168.1.1 dev eth0 table local proto kernel scope host src 192.168.1.1 ",
                "broadcast 192.168.1.255 dev eth0 table local proto kernel scope link src 192.168.1.1 "));
    }

    /** Hand-made routes are proto boot (not printed); scope link when there is no gateway. */
    @Test
    void addedRoutesInDumpOrder() {
        addAddresses();
        addRoutes();
        assertThat(lab.ok("ip route")).isEqualTo(lines(
                "default via 10.0.0.254 dev eth0 ",
                "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 ",
                "10.0.0.101 dev lo scope link ",
                "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1 ",
                "192.168.5.0/24 via 10.0.0.253 dev eth0 ",
                "192.168.6.0/24 dev eth0 scope link src 10.0.0.2 ",
                "192.168.7.0/24 via 10.0.0.254 dev eth0 metric 100 ",
                "192.168.7.0/24 via 10.0.0.253 dev eth0 proto static metric 200 ",
                "blackhole 192.168.8.0/24 ",
                "unreachable 192.168.9.0/24 ",
                "prohibit 192.168.10.0/24 "));
        assertThat(lab.ok("ip route show table 100")).isEqualTo(lines("192.168.12.0/24 via 10.0.0.254 dev eth0 "));
        assertThat(lab.ok("ip r s t local type local")).isEqualTo(lines(
                "local 10.0.0.1 dev eth0 proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.2 dev eth0 proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.100 dev eth0 proto kernel scope host src 10.0.0.100 ",
                "local 10.0.0.101 dev lo proto kernel scope host src 10.0.0.101 ",
                "local 10.7.0.0/16 dev lo scope host ",
                "local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 ",
                "local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 ",
                "local 192.168.1.1 dev eth0 proto kernel scope host src 192.168.1.1 "));
    }

    /** A selector leaves its field out of the lines. */
    @Test
    void selectors() {
        addAddresses();
        addRoutes();
        assertThat(lab.ok("ip route show dev eth0")).isEqualTo(lines(
                "default via 10.0.0.254 ",
                "10.0.0.0/24 proto kernel scope link src 10.0.0.1 ",
                "192.168.1.0/24 proto kernel scope link src 192.168.1.1 ",
                "192.168.5.0/24 via 10.0.0.253 ",
                "192.168.6.0/24 scope link src 10.0.0.2 ",
                "192.168.7.0/24 via 10.0.0.254 metric 100 ",
                "192.168.7.0/24 via 10.0.0.253 proto static metric 200 "));
        assertThat(lab.ok("ip route list proto kernel")).isEqualTo(lines(
                "10.0.0.0/24 dev eth0 scope link src 10.0.0.1 ",
                "192.168.1.0/24 dev eth0 scope link src 192.168.1.1 "));
        assertThat(lab.ok("ip route show scope link")).isEqualTo(lines(
                "10.0.0.0/24 dev eth0 proto kernel src 10.0.0.1 ",
                "10.0.0.101 dev lo ",
                "192.168.1.0/24 dev eth0 proto kernel src 192.168.1.1 ",
                "192.168.6.0/24 dev eth0 src 10.0.0.2 "));
        assertThat(lab.ok("ip route show match 10.0.0.7")).isEqualTo(lines(
                "default via 10.0.0.254 dev eth0 ",
                "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 "));
        assertThat(lab.ok("ip route show root 192.168.0.0/16")).isEqualTo(lines(
                "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1 ",
                "192.168.5.0/24 via 10.0.0.253 dev eth0 ",
                "192.168.6.0/24 dev eth0 scope link src 10.0.0.2 ",
                "192.168.7.0/24 via 10.0.0.254 dev eth0 metric 100 ",
                "192.168.7.0/24 via 10.0.0.253 dev eth0 proto static metric 200 ",
                "blackhole 192.168.8.0/24 ",
                "unreachable 192.168.9.0/24 ",
                "prohibit 192.168.10.0/24 "));
        assertThat(lab.ok("ip route show 192.168.7.0/24")).isEqualTo(lines(
                "192.168.7.0/24 via 10.0.0.254 dev eth0 metric 100 ",
                "192.168.7.0/24 via 10.0.0.253 dev eth0 proto static metric 200 "));
        assertThat(lab.ok("ip route show default")).isEqualTo(lines("default via 10.0.0.254 dev eth0 "));
        assertThat(lab.ok("ip route show via 10.0.0.254")).isEqualTo(lines(
                "default dev eth0 ",
                "192.168.7.0/24 dev eth0 metric 100 "));
    }

    /** A gateway that is a local address gives the route that address's device. */
    @Test
    void gatewayOnLocalAddressUsesItsDevice() {
        addAddresses();
        lab.quiet("ip route add 172.16.0.0/16 via 10.0.0.101");
        assertThat(lab.ok("ip route show 172.16.0.0/16")).isEqualTo(lines("172.16.0.0/16 via 10.0.0.101 dev lo "));
    }

    @Test
    void replaceAppendDelete() {
        addAddresses();
        lab.quiet("ip route replace 1.2.4.0/24 dev eth0",
                "ip route replace 1.2.4.0/24 dev eth0 src 10.0.0.1",
                "ip route append 1.2.4.0/24 via 10.0.0.9");
        assertThat(lab.run("ip route append 1.2.4.0/24 via 10.0.0.9")).isEqualTo(fails(2, "RTNETLINK answers: File exists"));
        assertThat(lab.ok("ip route show 1.2.4.0/24")).isEqualTo(lines(
                "1.2.4.0/24 dev eth0 scope link src 10.0.0.1 ",
                "1.2.4.0/24 via 10.0.0.9 dev eth0 "));
        lab.quiet("ip route del 1.2.4.0/24 via 10.0.0.9");
        assertThat(lab.ok("ip route show 1.2.4.0/24")).isEqualTo(lines("1.2.4.0/24 dev eth0 scope link src 10.0.0.1 "));
        assertThat(lab.run("ip route del 1.2.4.0/24 metric 5")).isEqualTo(fails(2, "RTNETLINK answers: No such process"));
        lab.quiet("ip route del 1.2.4.0/24");
        assertThat(lab.ok("ip route show 1.2.4.0/24")).isEmpty();
        assertThat(lab.run("ip route change 1.2.4.0/24 dev eth0"))
                .isEqualTo(fails(2, "RTNETLINK answers: No such file or directory"));
    }

    @Test
    void deleteByTypeDeviceAndDefault() {
        addAddresses();
        addRoutes();
        lab.quiet("ip route del local 10.7.0.0/16", "ip route del default");
        assertThat(lab.ok("ip route show table local 10.7.0.0/16")).isEmpty();
        assertThat(lab.run("ip route del 10.0.0.101 dev eth0")).isEqualTo(fails(2, "RTNETLINK answers: No such process"));
        lab.quiet("ip route del 10.0.0.101 dev lo");
        assertThat(lab.ok("ip route show 10.0.0.101")).isEmpty();
    }

    @Test
    void flushBySelector() {
        addAddresses();
        addRoutes();
        assertThat(lab.ok("ip -s route flush 192.168.7.0/24")).isEqualTo(lines(
                "",
                "*** Round 1, deleting 2 entries ***",
                "*** Flush is complete after 1 round ***"));
        lab.quiet("ip route add 10.66.0.0/16 dev eth0");
        assertThat(lab.ok("ip -s -s route flush 10.66.0.0/16")).isEqualTo(lines(
                "10.66.0.0/16 dev eth0 scope link ",
                "",
                "*** Round 1, deleting 1 entries ***",
                "*** Flush is complete after 1 round ***"));
        assertThat(lab.ok("ip route flush cache")).isEmpty();
        assertThat(lab.ok("ip -s route flush cache")).isEqualTo(lines("*** IPv4 routing cache is flushed."));
        lab.quiet("ip route flush table main");
        assertThat(lab.ok("ip route")).isEmpty();
    }

    /**
     * Down, a device keeps only the local routes of its addresses; routes
     * through it (in any table) go and do not come back. Up without carrier,
     * its routes are marked linkdown, local ones excepted.
     */
    @Test
    void deviceDownAndNoCarrier() {
        lab.addUnpluggedEth1();
        addAddresses();
        addRoutes();
        lab.quiet("ip route add 172.16.0.0/16 via 10.0.0.101", "ip link set eth1 up",
                "ip addr add 10.9.0.1/24 dev eth1", "ip route flush 192.168.7.0/24",
                "ip route del local 10.7.0.0/16", "ip route del 10.0.0.101 dev lo",
                "ip link set eth0 down");
        assertThat(lab.ok("ip route show table all")).isEqualTo(lines(
                "10.9.0.0/24 dev eth1 proto kernel scope link src 10.9.0.1 linkdown ",
                "172.16.0.0/16 via 10.0.0.101 dev lo ",
                "blackhole 192.168.8.0/24 ",
                "unreachable 192.168.9.0/24 ",
                "prohibit 192.168.10.0/24 ",
                "local 10.0.0.1 dev eth0 table local proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.2 dev eth0 table local proto kernel scope host src 10.0.0.1 ",
                "local 10.0.0.100 dev eth0 table local proto kernel scope host src 10.0.0.100 ",
                "local 10.0.0.101 dev lo table local proto kernel scope host src 10.0.0.101 ",
                "local 10.9.0.1 dev eth1 table local proto kernel scope host src 10.9.0.1 ",
                "broadcast 10.9.0.255 dev eth1 table local proto kernel scope link src 10.9.0.1 linkdown ",
                "local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 ",
                "local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 ",
                "broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 ",
                "local 192.168.1.1 dev eth0 table local proto kernel scope host src 192.168.1.1 "));
        lab.quiet("ip link set eth0 up");
        assertThat(lab.ok("ip route")).isEqualTo(lines(
                "10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 ",
                "10.9.0.0/24 dev eth1 proto kernel scope link src 10.9.0.1 linkdown ",
                "172.16.0.0/16 via 10.0.0.101 dev lo ",
                "192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.1 ",
                "blackhole 192.168.8.0/24 ",
                "unreachable 192.168.9.0/24 ",
                "prohibit 192.168.10.0/24 "));
    }

    // ip route get

    @Test
    void getPicksSourceByRoute() {
        addAddresses();
        addRoutes();
        assertThat(lab.ok("ip route get 10.0.0.7")).isEqualTo(lines("10.0.0.7 dev eth0 src 10.0.0.1 uid 0 ", "    cache "));
        assertThat(lab.ok("ip route get 192.168.5.9"))
                .isEqualTo(lines("192.168.5.9 via 10.0.0.253 dev eth0 src 10.0.0.1 uid 0 ", "    cache "));
        assertThat(lab.ok("ip route get 8.8.8.8"))
                .isEqualTo(lines("8.8.8.8 via 10.0.0.254 dev eth0 src 10.0.0.1 uid 0 ", "    cache "));
        assertThat(lab.ok("ip route get 192.168.6.1"))
                .isEqualTo(lines("192.168.6.1 dev eth0 src 10.0.0.2 uid 0 ", "    cache "));
        assertThat(lab.ok("ip route get 10.0.0.7 from 10.0.0.2"))
                .isEqualTo(lines("10.0.0.7 from 10.0.0.2 dev eth0 uid 0 ", "    cache "));
        assertThat(lab.ok("ip route get 10.0.0.7 oif lo"))
                .isEqualTo(lines("10.0.0.7 dev lo src 10.0.0.101 uid 0 ", "    cache <local> "));
    }

    @Test
    void getLocalAndBroadcast() {
        addAddresses();
        addRoutes();
        assertThat(lab.ok("ip route get 10.0.0.1")).isEqualTo(lines("local 10.0.0.1 dev lo src 10.0.0.1 uid 0 ", "    cache <local> "));
        assertThat(lab.ok("ip route get 10.0.0.2")).isEqualTo(lines("local 10.0.0.2 dev lo src 10.0.0.1 uid 0 ", "    cache <local> "));
        assertThat(lab.ok("ip route get 10.0.0.101"))
                .isEqualTo(lines("local 10.0.0.101 dev lo src 10.0.0.101 uid 0 ", "    cache <local> "));
        assertThat(lab.ok("ip route get 10.0.0.255"))
                .isEqualTo(lines("broadcast 10.0.0.255 dev eth0 src 10.0.0.1 uid 0 ", "    cache <local,brd> "));
        assertThat(lab.ok("ip route get 127.1.2.3"))
                .isEqualTo(lines("local 127.1.2.3 dev lo src 127.0.0.1 uid 0 ", "    cache <local> "));
        assertThat(lab.ok("ip route get 10.7.1.1")).isEqualTo(lines("local 10.7.1.1 dev lo src 10.7.1.1 uid 0 ", "    cache <local> "));
        assertThat(lab.ok("ip route get 0.0.0.0")).isEqualTo(lines("local 0.0.0.0 dev lo src 127.0.0.1 uid 0 ", "    cache <local> "));
    }

    @Test
    void getAsIfReceived() {
        addAddresses();
        assertThat(lab.ok("ip route get 10.0.0.101 from 10.0.0.10 iif eth0"))
                .isEqualTo(lines("local 10.0.0.101 from 10.0.0.10 dev lo ", "    cache <local> iif eth0 "));
        assertThat(lab.ok("ip route get 10.0.0.255 from 10.0.0.10 iif eth0"))
                .isEqualTo(lines("broadcast 10.0.0.255 from 10.0.0.10 dev lo ", "    cache <local,brd> iif eth0 "));
        assertThat(lab.run("ip route get 10.0.0.7 from 10.0.0.10 iif eth0")).isEqualTo(fails(2, "RTNETLINK answers: No route to host"));
        assertThat(lab.run("ip route get 10.0.0.7 iif eth0")).isEqualTo(fails(2, "RTNETLINK answers: Invalid argument"));
        assertThat(lab.run("ip route get 10.0.0.1 from 10.0.0.1 iif eth0")).isEqualTo(fails(2, "RTNETLINK answers: Invalid argument"));
    }

    @Test
    void getErrors() {
        addAddresses();
        addRoutes();
        assertThat(lab.run("ip route get 192.168.8.1")).isEqualTo(fails(2, "RTNETLINK answers: Invalid argument"));
        assertThat(lab.run("ip route get 192.168.9.1")).isEqualTo(fails(2, "RTNETLINK answers: No route to host"));
        assertThat(lab.run("ip route get 192.168.10.1")).isEqualTo(fails(2, "RTNETLINK answers: Permission denied"));
        assertThat(lab.run("ip route get 10.0.0.7 oif eth9")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip route get 300.1.1.1"))
                .isEqualTo(fails(1, "Error: any valid prefix is expected rather than \"300.1.1.1\"."));
        assertThat(lab.run("ip route get")).isEqualTo(fails(1, "need at least a destination address"));
        assertThat(lab.run("ip route get 10.0.0.7 foo"))
                .isEqualTo(fails(1, "Error: inet prefix is expected rather than \"foo\"."));
        assertThat(lab.run("ip route get 10.0.0.0/24")).isEqualTo(new Execution(lines(
                "Warning: /24 as prefix is invalid, only /32 (or none) is supported.",
                "10.0.0.0 dev eth0 src 10.0.0.1 uid 0 ",
                "    cache "), 0));
    }

    @Test
    void getWithoutRoute() {
        assertThat(lab.run("ip route get 8.8.8.8")).isEqualTo(fails(2, "RTNETLINK answers: Network is unreachable"));
    }

    // Errors of add and del, each recorded on the real kernel.

    @Test
    void kernelRefusesRoutes() {
        addAddresses();
        addRoutes();
        assertThat(lab.run("ip route add 10.0.0.0/24 dev eth0")).isEqualTo(fails(2, "RTNETLINK answers: File exists"));
        assertThat(lab.run("ip route del 172.16.0.0/16")).isEqualTo(fails(2, "RTNETLINK answers: No such process"));
        assertThat(lab.run("ip route add 172.16.0.0/16 via 10.5.5.5")).isEqualTo(fails(2, "Error: Nexthop has invalid gateway."));
        // a gateway reached only through another gateway is no nexthop
        assertThat(lab.run("ip route add 172.17.0.0/16 via 192.168.5.1")).isEqualTo(fails(2, "Error: Nexthop has invalid gateway."));
        assertThat(lab.run("ip route add 172.18.0.0/16 dev eth0 src 1.2.3.4")).isEqualTo(fails(2, "Error: Invalid prefsrc address."));
        assertThat(lab.run("ip route add 172.18.0.0/16")).isEqualTo(fails(2, "RTNETLINK answers: No such device"));
        assertThat(lab.run("ip route add 172.18.0.1/16 dev eth0"))
                .isEqualTo(fails(2, "Error: Invalid prefix for given prefix length."));
        assertThat(lab.run("ip route add local 1.2.5.5 dev lo scope link")).isEqualTo(fails(2, "Error: Invalid scope."));
        assertThat(lab.run("ip route add blackhole 1.2.6.0/24 dev eth0"))
                .isEqualTo(fails(2, "Error: Gateway, device and multipath can not be specified for this route type."));
        assertThat(lab.run("ip route add 1.2.7.0/24 via 10.0.0.9 scope host"))
                .isEqualTo(fails(2, "Error: Route with host scope can not have a gateway."));
        assertThat(lab.run("ip route del 1.2.3.0/24 table 77")).isEqualTo(fails(2, "Error: FIB table does not exist."));
        assertThat(lab.run("ip route show table 77"))
                .isEqualTo(fails(2, "Error: ipv4: FIB table does not exist.", "Dump terminated"));
    }

    /** Recorded on a namespace where eth1's peer was down (no carrier) and then eth1 down. */
    @Test
    void nexthopDeviceDown() {
        lab.addUnpluggedEth1();
        lab.quiet("ip addr add 10.9.0.1/24 dev eth1");
        assertThat(lab.run("ip route add 172.16.0.0/16 dev eth1")).isEqualTo(fails(2, "Error: Device for nexthop is not up."));
        assertThat(lab.run("ip route add 172.16.0.0/16 via 10.9.0.5")).isEqualTo(fails(2, "Error: Nexthop has invalid gateway."));
    }

    @Test
    void usageErrors() {
        assertThat(lab.run("ip route add 172.16.0.0/16 dev eth9")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip route add 300.0.0.0/8 dev eth0"))
                .isEqualTo(fails(1, "Error: any valid prefix is expected rather than \"300.0.0.0/8\"."));
        assertThat(lab.run("ip route add 172.16.0.0/16 dev eth0 metric abc"))
                .isEqualTo(fails(255, "Error: argument \"abc\" is wrong: \"metric\" value is invalid", ""));
        assertThat(lab.run("ip route add 172.18.0.0/16 dev eth0 table main foo"))
                .isEqualTo(fails(255, "Error: either \"to\" is duplicate, or \"foo\" is a garbage."));
        assertThat(lab.run("ip route add 172.18.0.0/16 dev eth0 proto bogus"))
                .isEqualTo(fails(255, "Error: argument \"bogus\" is wrong: \"protocol\" value is invalid", ""));
        assertThat(lab.run("ip route add 172.18.0.0/16 dev eth0 scope bogus"))
                .isEqualTo(fails(255, "Error: argument \"bogus\" is wrong: invalid \"scope\" value", ""));
        assertThat(lab.run("ip route show table nosuch"))
                .isEqualTo(fails(255, "Error: argument \"nosuch\" is wrong: table id value is invalid", ""));
        assertThat(lab.run("ip route show type bogus"))
                .isEqualTo(fails(255, "Error: argument \"bogus\" is wrong: node type value is invalid", ""));
        assertThat(lab.run("ip route show dev eth9")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip route flush")).isEqualTo(fails(1, "\"ip route flush\" requires arguments."));
        assertThat(lab.run("ip route foo")).isEqualTo(fails(255, "Command \"foo\" is unknown, try \"ip route help\"."));
        Execution usage = lab.run("ip route add");
        assertThat(usage.exitStatus()).isEqualTo(255);
        assertThat(usage.output()).startsWith("Usage: ip route { list | flush } SELECTOR\n")
                .endsWith("ROUTE_GET_FLAGS := [ fibmatch ]\n").hasLineCount(56);
    }
}
