package dev.lvsunit.tools.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.tools.Execution;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * route against net-tools 2.10 on kernel 6.18. The expected outputs were
 * printed by the real commands, in this order, in a namespace (lvn-e) whose
 * eth0 is 10.0.0.1/24 set by ifconfig.
 */
class RouteTest {

    private static final String USAGE = ""
            + "Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]\n"
            + "       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]\n"
            + "                              [netmask N] [mss Mss] [window W] [irtt I]\n"
            + "                              [mod] [dyn] [reinstate] [[dev] If]\n"
            + "       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject\n"
            + "       inet_route [-FC] flush      NOT supported\n";
    private static final String HEADER = "Kernel IP routing table\n"
            + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n";

    private final Terminal t = Terminal.lan("e");

    @BeforeEach
    void address() {
        t.quiet("e", "ifconfig eth0 10.0.0.1 netmask 255.255.255.0");
    }

    private void table() {
        t.quiet("e", "route add default gw 10.0.0.254");
        t.quiet("e", "route add -net 172.20.0.0 netmask 255.255.0.0 gw 10.0.0.253 metric 5");
        t.quiet("e", "route add -host 10.9.9.9 gw 10.0.0.252 dev eth0");
        t.quiet("e", "route add -net 169.254.0.0/16 dev eth0");
        t.quiet("e", "route add -host 10.0.0.77 reject");
    }

    @Test
    void anEmptyTableIsJustTheHeader() {
        Terminal fresh = Terminal.lan("x");
        fresh.expect("x", "route -n", HEADER);
    }

    @Test
    void theFourLayouts() {
        table();
        t.expect("e", "route -n", HEADER
                + "0.0.0.0         10.0.0.254      0.0.0.0         UG    0      0        0 eth0\n"
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "10.0.0.77       -               255.255.255.255 !H    0      -        0 -\n"
                + "10.9.9.9        10.0.0.252      255.255.255.255 UGH   0      0        0 eth0\n"
                + "169.254.0.0     0.0.0.0         255.255.0.0     U     0      0        0 eth0\n"
                + "172.20.0.0      10.0.0.253      255.255.0.0     UG    5      0        0 eth0\n");
        t.expect("e", "route", HEADER
                + "default         10.0.0.254      0.0.0.0         UG    0      0        0 eth0\n"
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "10.0.0.77       -               255.255.255.255 !H    0      -        0 -\n"
                + "10.9.9.9        10.0.0.252      255.255.255.255 UGH   0      0        0 eth0\n"
                + "link-local      0.0.0.0         255.255.0.0     U     0      0        0 eth0\n"
                + "172.20.0.0      10.0.0.253      255.255.0.0     UG    5      0        0 eth0\n");
        t.expect("e", "route -e", "Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n"
                + "default         10.0.0.254      0.0.0.0         UG        0 0          0 eth0\n"
                + "10.0.0.0        0.0.0.0         255.255.255.0   U         0 0          0 eth0\n"
                + "10.0.0.77       -               255.255.255.255 !H        - -          - -\n"
                + "10.9.9.9        10.0.0.252      255.255.255.255 UGH       0 0          0 eth0\n"
                + "link-local      0.0.0.0         255.255.0.0     U         0 0          0 eth0\n"
                + "172.20.0.0      10.0.0.253      255.255.0.0     UG        0 0          0 eth0\n");
        t.expect("e", "route -ee", "Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n"
                + "default         10.0.0.254      0.0.0.0         UG    0      0        0 eth0     0     0      0\n"
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0     0     0      0\n"
                + "10.0.0.77       -               255.255.255.255 !H    0      -        0 -        -     -      -\n"
                + "10.9.9.9        10.0.0.252      255.255.255.255 UGH   0      0        0 eth0     0     0      0\n"
                + "link-local      0.0.0.0         255.255.0.0     U     0      0        0 eth0     0     0      0\n"
                + "172.20.0.0      10.0.0.253      255.255.0.0     UG    5      0        0 eth0     0     0      0\n");
        t.expect("e", "route -nC", "Kernel IP routing cache\n"
                + "Source          Destination     Gateway         Flags Metric Ref    Use Iface\n");
    }

    @Test
    void kernelErrorsExitSeven() {
        table();
        t.expect("e", "route add default gw 10.0.0.254", "SIOCADDRT: File exists\n", 7);
        t.expect("e", "route add -net 172.30.0.0 netmask 255.255.0.0 gw 10.9.0.1", "SIOCADDRT: Network is unreachable\n", 7);
        t.expect("e", "route add -net 172.31.0.0 netmask 255.255.0.0 dev nosuch", "SIOCADDRT: No such device\n", 7);
        t.expect("e", "route add -net 172.32.0.0/16 dev eth0:5", "SIOCADDRT: No such device\n", 7);
        t.expect("e", "route add -net 10.98.0.1 dev eth0", "SIOCADDRT: Invalid argument\n", 7);
        t.expect("e", "route add -net 10.9.0.0 netmask 255.255.0.0", "SIOCADDRT: No such device\n", 7);
        t.expect("e", "route del -host 10.0.0.55", "SIOCDELRT: No such process\n", 7);
        t.quiet("e", "route del default");
        t.expect("e", "route del -net 172.20.0.0 netmask 255.255.0.0 metric 4", "SIOCDELRT: No such process\n", 7);
        t.quiet("e", "route del -net 172.20.0.0 netmask 255.255.0.0 metric 5");
        t.quiet("e", "route del -host 10.0.0.77 reject");
        t.expect("e", "route -n", HEADER
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "10.9.9.9        10.0.0.252      255.255.255.255 UGH   0      0        0 eth0\n"
                + "169.254.0.0     0.0.0.0         255.255.0.0     U     0      0        0 eth0\n");
    }

    @Test
    void aDownDeviceTakesItsRoutesAndRefusesNewOnes() {
        table();
        t.quiet("e", "ifconfig eth0 down");
        t.expect("e", "route -n", HEADER + "10.0.0.77       -               255.255.255.255 !H    0      -        0 -\n");
        t.expect("e", "route add -net 10.60.0.0/16 dev eth0", "SIOCADDRT: Network is down\n", 7);
        t.quiet("e", "ifconfig eth0 up");
        t.expect("e", "route -n", HEADER
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "10.0.0.77       -               255.255.255.255 !H    0      -        0 -\n");
    }

    @Test
    void syntaxErrorsPrintTheInetUsageAndExitThree() {
        t.expect("e", "route add -host 10.0.0.99 netmask 255.255.255.0 dev eth0",
                "route: netmask 000000ff doesn't make sense with host route\n" + USAGE, 3);
        t.expect("e", "route add -net 10.99.0.0 netmask 255.0.255.0 dev eth0",
                "route: bogus netmask 255.0.255.0\n" + USAGE, 3);
        t.expect("e", "route add -net 10.99.0.0/33 dev eth0", "route: netmask doesn't match route address\n" + USAGE, 3);
        t.expect("e", "route add -net 172.20.0.1 netmask 255.255.0.0 gw 10.0.0.253",
                "route: netmask doesn't match route address\n" + USAGE, 3);
        t.expect("e", "route add -net 10.50.0.0/16 gw link-local",
                "route: link-local: cannot use a NETWORK as gateway!\n" + USAGE, 3);
        t.expect("e", "route add -net foo dev eth0", "foo: Host name lookup failure\n", 6);
        t.expect("e", "route add -host 10.99.0.1 gw foo", "foo: Unknown host\n", 6);
        // real (lvn-a): bare add prints the usage and exits 0; missing target, trailing words, metric x exit 3
        t.expect("e", "route add", USAGE, 0);
        t.expect("e", "route add -host", USAGE, 3);
        t.expect("e", "route add -host 10.0.0.99 eth0 foo", USAGE, 3);
        t.expect("e", "route add -net 10.99.0.0 netmask 255.255.0.0 metric x dev eth0", USAGE, 3);
        t.expect("e", "route flush", "Flushing `inet' routing table not supported\n" + USAGE, 3);
        Execution e = t.run("e", "route foo");
        assertThat(e.exitStatus()).isEqualTo(3);
        assertThat(e.output()).startsWith("Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n");
        e = t.run("e", "route -z");
        assertThat(e.exitStatus()).isZero();
        assertThat(e.output()).startsWith("route: invalid option -- 'z'\nUsage: route [-nNvee]");
    }

    @Test
    void aHostRouteWithoutDashHostAndTheLastWordAsDevice() {
        // real (lvn-a): route add 10.99.0.1 dev eth0 / route add -host 10.0.0.99 eth0
        t.quiet("e", "route add 10.99.0.1 dev eth0");
        t.quiet("e", "route add -host 10.0.0.99 eth0");
        t.quiet("e", "route add -host 10.77.0.1/32 dev eth0");
        t.expect("e", "route -n", HEADER
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "10.0.0.99       0.0.0.0         255.255.255.255 UH    0      0        0 eth0\n"
                + "10.77.0.1       0.0.0.0         255.255.255.255 UH    0      0        0 eth0\n"
                + "10.99.0.1       0.0.0.0         255.255.255.255 UH    0      0        0 eth0\n");
    }

    /**
     * kernel-surprises 15 (recorded in lvn-a): the alias makes the kernel set
     * the VIP as the route's source, so the same route through lo is a second
     * route, put first; the next identical one is EEXIST; route del takes the
     * first.
     */
    @Test
    void devLoColonZeroIsNotDevLo() {
        t.quiet("e", "ifconfig lo:0 192.168.0.101 broadcast 192.168.0.101 netmask 255.255.255.255 up");
        t.quiet("e", "route add -host 192.168.0.101 dev lo:0");
        t.quiet("e", "route add -host 192.168.0.101 dev lo");
        t.expect("e", "route add -host 192.168.0.101 dev lo", "SIOCADDRT: File exists\n", 7);
        t.expect("e", "route -n", HEADER
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "192.168.0.101   0.0.0.0         255.255.255.255 UH    0      0        0 lo\n"
                + "192.168.0.101   0.0.0.0         255.255.255.255 UH    0      0        0 lo\n");
        List<FibRoute> vip = vipRoutes();
        assertThat(vip).extracting(r -> String.valueOf(r.prefsrc())).containsExactly("null", "192.168.0.101");
        assertThat(vip).allSatisfy(r -> {
            assertThat(r.scope()).isEqualTo(RtScope.LINK);
            assertThat(r.protocol()).isEqualTo(FibRoute.PROTO_BOOT);
        });
        t.quiet("e", "route del -host 192.168.0.101");
        assertThat(vipRoutes()).extracting(r -> String.valueOf(r.prefsrc())).containsExactly("192.168.0.101");
        t.quiet("e", "route del -host 192.168.0.101");
        t.expect("e", "route del -host 192.168.0.101", "SIOCDELRT: No such process\n", 7);
    }

    @Test
    void aRouteThroughAnAliasThatHasNoAddressIsNoSuchDevice() {
        t.expect("e", "route add -host 192.168.0.101 dev lo:0", "SIOCADDRT: No such device\n", 7);
    }

    @Test
    void routesOfOnePrefixOrderByMetricThenNewestFirst() {
        // real (lvn-a): metric 3 via .254, metric 3 via .253, metric 1 via .253
        t.quiet("e", "route add -net 10.12.0.0 netmask 255.255.0.0 gw 10.0.0.254 metric 3");
        t.quiet("e", "route add -net 10.12.0.0 netmask 255.255.0.0 gw 10.0.0.253 metric 3");
        t.quiet("e", "route add -net 10.12.0.0 netmask 255.255.0.0 gw 10.0.0.253 metric 1");
        t.quiet("e", "route add -host 10.0.0.9 gw 10.0.0.1");
        t.expect("e", "route -n", HEADER
                + "10.0.0.0        0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                + "10.0.0.9        10.0.0.1        255.255.255.255 UGH   0      0        0 eth0\n"
                + "10.12.0.0       10.0.0.253      255.255.0.0     UG    1      0        0 eth0\n"
                + "10.12.0.0       10.0.0.253      255.255.0.0     UG    3      0        0 eth0\n"
                + "10.12.0.0       10.0.0.254      255.255.0.0     UG    3      0        0 eth0\n");
        t.quiet("e", "route del -net 10.12.0.0 netmask 255.255.0.0 metric 3");
        t.expect("e", "route del -net 10.12.0.0 netmask 255.255.0.0 gw 10.0.0.99", "SIOCDELRT: No such process\n", 7);
        assertThat(t.get("e").fib().dump(Fib.RT_TABLE_MAIN)).extracting(r -> r.priority() + " " + r.gateway())
                .contains("1 10.0.0.253", "3 10.0.0.254").doesNotContain("3 10.0.0.253");
    }

    @Test
    void theConnectedRouteCanBeShadowedAndDeleted() {
        // real (lvn-a): the boot route goes before the kernel one; route del takes it first
        t.quiet("e", "route add -net 10.0.0.0 netmask 255.255.255.0 dev eth0");
        t.expect("e", "route add -net 10.0.0.0 netmask 255.255.255.0 dev eth0", "SIOCADDRT: File exists\n", 7);
        assertThat(t.get("e").fib().dump(Fib.RT_TABLE_MAIN)).extracting(FibRoute::protocol)
                .containsExactly(FibRoute.PROTO_BOOT, FibRoute.PROTO_KERNEL);
        t.quiet("e", "route del -net 10.0.0.0 netmask 255.255.255.0");
        assertThat(t.get("e").fib().dump(Fib.RT_TABLE_MAIN)).extracting(FibRoute::protocol)
                .containsExactly(FibRoute.PROTO_KERNEL);
    }

    private List<FibRoute> vipRoutes() {
        return t.get("e").fib().dump(Fib.RT_TABLE_MAIN).stream()
                .filter(r -> r.destination().toString().equals("192.168.0.101/32")).toList();
    }
}
