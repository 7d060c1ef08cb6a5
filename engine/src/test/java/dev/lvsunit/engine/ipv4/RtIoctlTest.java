package dev.lvsunit.engine.ipv4;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The route ioctls ({@code ip_rt_ioctl}, {@code rtentry_to_fib_config}) and the
 * insertion order of {@code fib_table_insert}; errnos as net-tools' route
 * reports them on 6.18 ({@code SIOCADDRT: No route to host} and friends).
 */
class RtIoctlTest {

    private final World world = new World();
    private final Host host = world.addHost("cl");
    private final NetDevice eth0 = nic(host, "eth0");
    private final NetDevice eth1 = nic(host, "eth1");
    private final FibFrontend frontend = new FibFrontend(host);

    RtIoctlTest() {
        host.setUp(eth0, true);
        host.setUp(eth1, true);
        addr(eth0, "10.0.0.1/24");
        addr(eth1, "10.0.1.1/24");
    }

    private static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    /** {@code route add -net DST netmask MASK [gw GW] [dev DEV] [metric N] [reject]}. */
    private static RtEntry net(String dst, String mask, String gw, String dev, int metric, boolean reject) {
        int flags = RtEntry.RTF_UP | (gw != null ? RtEntry.RTF_GATEWAY : 0) | (reject ? RtEntry.RTF_REJECT : 0);
        return new RtEntry(ip(dst), gw == null ? Ipv4Address.ANY : ip(gw), ip(mask), flags,
                metric < 0 ? 0 : metric + 1, dev);
    }

    private void add(RtEntry rt) throws KernelException {
        frontend.ipRtIoctl(FibFrontend.SIOCADDRT, rt);
    }

    private void del(RtEntry rt) throws KernelException {
        frontend.ipRtIoctl(FibFrontend.SIOCDELRT, rt);
    }

    private List<String> main(String prefix) {
        Ipv4Prefix p = Ipv4Prefix.parse(prefix);
        return host.fib().dump(Fib.RT_TABLE_MAIN).stream()
                .filter(r -> r.destination().equals(p))
                .map(r -> r.type().label() + (r.gateway() != null ? " via " + r.gateway() : "")
                        + (r.device() != null ? " dev " + r.device().name() : "")
                        + " scope " + r.scope().label() + " metric " + r.priority()
                        + (r.prefsrc() != null ? " src " + r.prefsrc() : "") + " proto " + r.protocol())
                .collect(Collectors.toList());
    }

    private void failsWith(RtEntry rt, Errno errno) {
        assertThatThrownBy(() -> add(rt)).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @Test
    void aGatewayRouteTakesUniverseScopeBootProtocolAndTheGatewaysDevice() throws Exception {
        add(net("172.16.0.0", "255.255.0.0", "10.0.1.9", null, -1, false));
        add(net("172.17.0.0", "255.255.0.0", null, "eth0", 4, false));
        assertThat(main("172.16.0.0/16")).containsExactly("unicast via 10.0.1.9 dev eth1 scope global metric 0 proto 3");
        assertThat(main("172.17.0.0/16")).containsExactly("unicast dev eth0 scope link metric 4 proto 3");
    }

    @Test
    void rejectMakesAnUnreachableHostScopeRouteWithoutDevice() throws Exception {
        add(net("10.8.0.0", "255.255.0.0", null, "lo", -1, true));
        assertThat(main("10.8.0.0/16")).containsExactly("unreachable scope host metric 0 proto 3");
        del(net("10.8.0.0", "255.255.0.0", null, "lo", -1, true));
        assertThat(main("10.8.0.0/16")).isEmpty();
    }

    @Test
    void anAliasDeviceGivesItsAddressAsPreferredSource() throws Exception {
        addr(host.loopback(), "192.168.0.101/32", "lo:0");
        add(new RtEntry(ip("192.168.0.101"), Ipv4Address.ANY, Ipv4Address.BROADCAST,
                RtEntry.RTF_UP | RtEntry.RTF_HOST, 0, "lo:0"));
        assertThat(main("192.168.0.101/32")).containsExactly(
                "unicast dev lo scope link metric 0 src 192.168.0.101 proto 3");
        failsWith(net("172.32.0.0", "255.255.0.0", null, "eth0:5", -1, false), Errno.ENODEV);
    }

    @Test
    void aNewRouteGoesFirstAmongThoseOfItsKeyAndAnIdenticalOneFails() throws Exception {
        add(net("10.20.0.0", "255.255.0.0", null, "eth0", -1, false));
        add(net("10.20.0.0", "255.255.0.0", "10.0.1.5", null, -1, false));
        add(net("10.20.0.0", "255.255.0.0", "10.0.0.7", null, -1, false));
        assertThat(main("10.20.0.0/16")).containsExactly(
                "unicast via 10.0.0.7 dev eth0 scope global metric 0 proto 3",
                "unicast via 10.0.1.5 dev eth1 scope global metric 0 proto 3",
                "unicast dev eth0 scope link metric 0 proto 3");
        failsWith(net("10.20.0.0", "255.255.0.0", "10.0.1.5", null, -1, false), Errno.EEXIST);
    }

    @Test
    void aGatewayNoRouteReachesIsUnreachableAndOneInAnErrorRouteGetsThatRoutesError() throws Exception {
        add(net("10.8.0.0", "255.255.0.0", null, null, -1, true));
        errorRoute(RouteType.BLACKHOLE, "10.11.0.0/16");
        errorRoute(RouteType.PROHIBIT, "10.13.0.0/16");
        errorRoute(RouteType.THROW, "10.30.0.0/16");
        failsWith(net("10.15.0.0", "255.255.0.0", "10.99.0.1", null, -1, false), Errno.ENETUNREACH);
        failsWith(net("10.9.0.0", "255.255.0.0", "10.8.0.1", null, -1, false), Errno.EHOSTUNREACH);
        // an error route matches before the nexthop's device is looked at
        failsWith(net("10.9.0.0", "255.255.0.0", "10.11.0.1", "eth1", -1, false), Errno.EINVAL);
        failsWith(net("10.9.0.0", "255.255.0.0", "10.13.0.1", null, -1, false), Errno.EACCES);
        // fib_lookup turns the -EAGAIN of throw into -ENETUNREACH
        failsWith(net("10.9.0.0", "255.255.0.0", "10.30.0.1", null, -1, false), Errno.ENETUNREACH);
    }

    /** {@code ip route add TYPE PREFIX scope host}: scope host, so a gateway lookup at link scope sees it. */
    private void errorRoute(RouteType type, String prefix) throws KernelException {
        frontend.newRoute(new FibConfig(Fib.RT_TABLE_MAIN, type, Ipv4Prefix.parse(prefix), 0, 0, FibRoute.PROTO_BOOT,
                RtScope.HOST, null, null, null), FibConfig.NLM_F_CREATE | FibConfig.NLM_F_EXCL);
    }

    @Test
    void aBadMaskADeviceDownOrMissingAndAGatewayFlagWithoutGatewayAreRefused() throws Exception {
        failsWith(net("10.98.0.1", "255.255.0.0", null, "eth0", -1, false), Errno.EINVAL);
        failsWith(net("10.98.0.0", "255.0.255.0", null, "eth0", -1, false), Errno.EINVAL);
        failsWith(net("10.9.0.0", "255.255.0.0", null, null, -1, false), Errno.ENODEV);
        failsWith(net("10.9.0.0", "255.255.0.0", null, "nosuch", -1, false), Errno.ENODEV);
        failsWith(new RtEntry(ip("10.9.0.0"), Ipv4Address.ANY, ip("255.255.0.0"),
                RtEntry.RTF_UP | RtEntry.RTF_GATEWAY, 0, null), Errno.EINVAL);
        host.setUp(eth1, false);
        failsWith(net("10.60.0.0", "255.255.0.0", null, "eth1", -1, false), Errno.ENETDOWN);
    }

    @Test
    void deletionTakesTheFirstRouteMatchingWhatWasGiven() throws Exception {
        add(net("10.12.0.0", "255.255.0.0", "10.0.0.9", null, -1, false));
        add(net("10.12.0.0", "255.255.0.0", "10.0.1.9", null, -1, false));
        add(net("10.12.0.0", "255.255.0.0", "10.0.0.9", null, 3, false));
        assertThatThrownBy(() -> del(net("10.12.0.0", "255.255.0.0", "10.0.0.99", null, -1, false)))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
        del(net("10.12.0.0", "255.255.0.0", null, null, 3, false));
        del(net("10.12.0.0", "255.255.0.0", null, null, -1, false));
        assertThat(main("10.12.0.0/16")).containsExactly("unicast via 10.0.0.9 dev eth0 scope global metric 0 proto 3");
    }

    @Test
    void netlinkReplaceKeepsThePlaceAndACreateWithoutAppendGoesFirst() throws Exception {
        FibConfig a = new FibConfig(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse("10.20.0.0/16"), 0, 0,
                FibRoute.PROTO_BOOT, RtScope.LINK, null, null, eth0);
        FibConfig b = new FibConfig(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse("10.20.0.0/16"), 0, 0,
                FibRoute.PROTO_BOOT, RtScope.LINK, null, null, eth1);
        FibConfig c = new FibConfig(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse("10.20.0.0/16"), 0, 0,
                FibRoute.PROTO_BOOT, RtScope.UNIVERSE, null, ip("10.0.0.5"), null);
        FibConfig d = new FibConfig(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse("10.20.0.0/16"), 0, 0,
                FibRoute.PROTO_BOOT, RtScope.UNIVERSE, null, ip("10.0.1.5"), null);
        frontend.newRoute(a, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_EXCL);
        frontend.newRoute(b, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_APPEND);
        frontend.newRoute(c, FibConfig.NLM_F_CREATE); // ip route prepend
        assertThat(main("10.20.0.0/16")).containsExactly(
                "unicast via 10.0.0.5 dev eth0 scope global metric 0 proto 3",
                "unicast dev eth0 scope link metric 0 proto 3",
                "unicast dev eth1 scope link metric 0 proto 3");
        frontend.newRoute(d, FibConfig.NLM_F_CREATE | FibConfig.NLM_F_REPLACE);
        assertThat(main("10.20.0.0/16")).containsExactly(
                "unicast via 10.0.1.5 dev eth1 scope global metric 0 proto 3",
                "unicast dev eth0 scope link metric 0 proto 3",
                "unicast dev eth1 scope link metric 0 proto 3");
    }
}
