package dev.lvsunit.engine.ipv4;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static dev.lvsunit.engine.TestWorlds.sysctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import org.junit.jupiter.api.Test;

/**
 * Output routes and source selection ({@code ip_route_output_key},
 * {@code fib_select_path}) and input classification with rp_filter
 * ({@code ip_route_input_slow}, {@code fib_validate_source}); cases from the
 * reference's §6, §7 and Appendix A (A10, A12, A24, A25).
 */
class RouteTest {

    private final World world = new World();
    private final Host rs = world.addHost("rs");
    private final NetDevice eth0 = nic(rs, "eth0");

    private static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    private void addRoute(String dst, String gw, NetDevice dev, Ipv4Address src) {
        rs.fib().insert(new FibRoute(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse(dst).network(), 0, 0,
                dev, gw == null ? null : ip(gw), src, gw == null ? RtScope.LINK : RtScope.UNIVERSE, FibRoute.PROTO_BOOT));
    }

    @Test
    void aConnectedDestinationLeavesFromTheRoutesPreferredSource() throws Exception {
        addr(eth0, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
        FibResult r = rs.route().output(ip("10.0.0.50"), Ipv4Address.ANY, null);
        assertThat(r.device()).isSameAs(eth0);
        assertThat(r.source()).isEqualTo(ip("10.0.0.179"));
        assertThat(r.nextHop()).isEqualTo(ip("10.0.0.50"));
    }

    @Test
    void aLocalDestinationGoesThroughLoWithItselfAsSource() throws Exception {
        addr(eth0, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
        FibResult r = rs.route().output(ip("10.0.0.101"), Ipv4Address.ANY, null);
        assertThat(r.type()).isEqualTo(RouteType.LOCAL);
        assertThat(r.device()).isSameAs(rs.loopback());
        assertThat(r.source()).isEqualTo(ip("10.0.0.101"));
    }

    @Test
    void aDefaultRouteUsesTheGatewayAsNextHopAndSelectsTheSourceTowardsIt() throws Exception {
        addr(eth0, "10.0.0.11/24");
        addRoute("0.0.0.0/0", "10.0.0.1", eth0, null);
        FibResult r = rs.route().output(ip("192.0.2.5"), Ipv4Address.ANY, null);
        assertThat(r.nextHop()).isEqualTo(ip("10.0.0.1"));
        assertThat(r.source()).isEqualTo(ip("10.0.0.11"));
    }

    @Test
    void noRouteIsNetworkUnreachableAndAForeignSourceIsRefused() {
        addr(eth0, "10.0.0.11/24");
        assertThatThrownBy(() -> rs.route().output(ip("192.0.2.5"), Ipv4Address.ANY, null))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH));
        // ip route get 10.0.0.50 from 10.0.0.99 on 6.18: "RTNETLINK answers: Network is unreachable"
        assertThatThrownBy(() -> rs.route().output(ip("10.0.0.50"), ip("10.0.0.99"), null))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH));
    }

    @Test
    void theSourceOfABoundSocketDoesNotChooseTheDevice() throws Exception {
        addr(eth0, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
        FibResult r = rs.route().output(ip("10.0.0.50"), ip("10.0.0.101"), null);
        assertThat(r.device()).isSameAs(eth0);
        assertThat(r.source()).isEqualTo(ip("10.0.0.101"));
    }

    @Test
    void ofThreeEqualConnectedRoutesTheFirstAddedWins() throws Exception {
        NetDevice eth1 = nic(rs, "eth1");
        NetDevice eth2 = nic(rs, "eth2");
        addr(eth0, "10.0.0.11/24");
        addr(eth1, "10.0.0.12/24");
        addr(eth2, "10.0.0.13/24");
        FibResult r = rs.route().output(ip("10.0.0.50"), ip("10.0.0.13"), null);
        assertThat(r.device()).isSameAs(eth0);
    }

    @Test
    void aHostRouteToALocalVipChangesNothingTheLocalTableComesFirst() throws Exception {
        addr(eth0, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
        addRoute("10.0.0.101/32", null, rs.loopback(), null);
        assertThat(rs.route().output(ip("10.0.0.101"), Ipv4Address.ANY, null).type()).isEqualTo(RouteType.LOCAL);
    }

    @Test
    void withoutRulesLocalAndMainAreOneLongestPrefixMatch() throws Exception {
        addr(eth0, "10.0.0.179/24");
        rs.fib().insert(new FibRoute(Fib.RT_TABLE_LOCAL, RouteType.LOCAL, Ipv4Prefix.parse("10.7.0.0/16"), 0, 0,
                rs.loopback(), null, null, RtScope.HOST, FibRoute.PROTO_BOOT));
        addRoute("10.7.7.0/24", null, eth0, null);
        assertThat(rs.route().output(ip("10.7.7.1"), Ipv4Address.ANY, null).type()).isEqualTo(RouteType.UNICAST);
        assertThat(rs.route().output(ip("10.7.8.1"), Ipv4Address.ANY, null).type()).isEqualTo(RouteType.LOCAL);
    }

    @Test
    void inputAcceptsALocalAddressOfAnyInterfaceTheWeakHostModel() throws Exception {
        addr(eth0, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
        assertThat(rs.route().input(ip("10.0.0.101"), ip("10.0.0.50"), eth0).type()).isEqualTo(RouteType.LOCAL);
    }

    @Test
    void inputRefusesOurOwnAddressAsSourceAndForeignDestinationsWithoutForwarding() {
        addr(eth0, "10.0.0.179/24");
        assertThatThrownBy(() -> rs.route().input(ip("10.0.0.179"), ip("10.0.0.179"), eth0))
                .isInstanceOf(KernelException.class);
        assertThatThrownBy(() -> rs.route().input(ip("10.0.0.77"), ip("10.0.0.50"), eth0))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EHOSTUNREACH));
        sysctl(rs, "net.ipv4.ip_forward", "1");
        assertThat(catchType(() -> rs.route().input(ip("10.0.0.77"), ip("10.0.0.50"), eth0)))
                .isEqualTo(RouteType.UNICAST);
    }

    @Test
    void strictRpFilterRefusesPacketsArrivingOnAnotherNicThanTheRouteBackLooseAcceptsThem() throws Exception {
        NetDevice eth1 = nic(rs, "eth1");
        addr(eth0, "10.0.0.11/24");
        addr(eth1, "10.0.0.12/24");
        sysctl(rs, "net.ipv4.conf.all.rp_filter", "1");
        assertThat(rs.route().input(ip("10.0.0.12"), ip("10.0.0.50"), eth0).type()).isEqualTo(RouteType.LOCAL);
        assertThatThrownBy(() -> rs.route().input(ip("10.0.0.12"), ip("10.0.0.50"), eth1))
                .isInstanceOf(KernelException.class);
        sysctl(rs, "net.ipv4.conf.all.rp_filter", "2");
        assertThat(rs.route().input(ip("10.0.0.12"), ip("10.0.0.50"), eth1).type()).isEqualTo(RouteType.LOCAL);
    }

    @Test
    void theLimitedBroadcastLeavesAsABroadcastThroughTheRoutesDevice() throws Exception {
        addr(eth0, "10.0.0.11/24");
        addRoute("0.0.0.0/0", "10.0.0.1", eth0, null);
        FibResult r = rs.route().output(Ipv4Address.BROADCAST, Ipv4Address.ANY, null);
        assertThat(r.type()).isEqualTo(RouteType.BROADCAST);
        assertThat(r.device()).isSameAs(eth0);
    }

    private static RouteType catchType(ThrowingSupplier s) {
        try {
            return s.get().type();
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }

    private interface ThrowingSupplier {
        FibResult get() throws KernelException;
    }
}
