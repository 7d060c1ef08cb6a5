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
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Address lists and the routes the kernel keeps for them
 * ({@code __inet_insert_ifa}, {@code __inet_del_ifa}, {@code fib_add_ifaddr});
 * expectations from the reference's Appendix A (A1, A24, A27–A29, A32), seen on 6.18.
 */
class DevinetTest {

    private final World world = new World();
    private final Host host = world.addHost("cl");
    private final NetDevice eth0 = nic(host, "eth0");

    private List<String> table(int table) {
        return host.fib().dump(table).stream().map(DevinetTest::describe).collect(Collectors.toList());
    }

    private static String describe(FibRoute r) {
        return r.type().label() + " " + r.destination() + " dev " + r.device().name()
                + " scope " + r.scope().label() + " src " + r.prefsrc();
    }

    private List<String> addresses(NetDevice dev) {
        return dev.inDevice().addresses().stream()
                .map(a -> a.prefix() + " " + a.label() + (a.secondary() ? " secondary" : ""))
                .collect(Collectors.toList());
    }

    @Test
    void aPrimaryAddressGetsLocalBroadcastAndPrefixRoutes() {
        addr(eth0, "10.0.0.179/24");
        assertThat(table(Fib.RT_TABLE_MAIN)).containsExactly(
                "unicast 10.0.0.0/24 dev eth0 scope link src 10.0.0.179");
        assertThat(table(Fib.RT_TABLE_LOCAL)).containsExactly(
                "local 10.0.0.179/32 dev eth0 scope host src 10.0.0.179",
                "broadcast 10.0.0.255/32 dev eth0 scope link src 10.0.0.179",
                "local 127.0.0.0/8 dev lo scope host src 127.0.0.1",
                "local 127.0.0.1/32 dev lo scope host src 127.0.0.1",
                "broadcast 127.255.255.255/32 dev lo scope link src 127.0.0.1");
    }

    @Test
    void aVipOnLoAsSlash32GetsOnlyItsLocalRoute() {
        addr(host.loopback(), "10.0.0.101/32");
        assertThat(table(Fib.RT_TABLE_LOCAL)).contains("local 10.0.0.101/32 dev lo scope host src 10.0.0.101")
                .hasSize(4);
        assertThat(table(Fib.RT_TABLE_MAIN)).isEmpty();
    }

    @Test
    void aVipOnLoWithAShorterMaskMakesTheWholePrefixLocal() {
        addr(host.loopback(), "10.0.0.101/24");
        assertThat(table(Fib.RT_TABLE_LOCAL)).contains("local 10.0.0.0/24 dev lo scope host src 10.0.0.101");
        assertThat(host.fib().addressType(Ipv4Address.parse("10.0.0.7"))).isEqualTo(RouteType.LOCAL);
    }

    @Test
    void addressesInAnExistingSubnetAreSecondaryAndListedAfterPrimaries() {
        addr(eth0, "10.0.0.50/24");
        addr(eth0, "10.0.0.60/24");
        addr(eth0, "10.0.0.61/24", "eth0:1");
        addr(eth0, "192.168.5.1/24");
        addr(host.loopback(), "127.0.0.5/8");
        addr(host.loopback(), "10.0.0.102/32");
        assertThat(addresses(eth0)).containsExactly("10.0.0.50/24 eth0", "192.168.5.1/24 eth0",
                "10.0.0.60/24 eth0 secondary", "10.0.0.61/24 eth0:1 secondary");
        assertThat(addresses(host.loopback())).containsExactly("127.0.0.1/8 lo", "10.0.0.102/32 lo",
                "127.0.0.5/8 lo secondary");
        assertThat(table(Fib.RT_TABLE_LOCAL)).contains("local 10.0.0.60/32 dev eth0 scope host src 10.0.0.50",
                "local 10.0.0.61/32 dev eth0 scope host src 10.0.0.50");
    }

    @Test
    void addingTheSameAddressTwiceIsRefused() {
        addr(host.loopback(), "10.0.0.100/32");
        assertThatThrownBy(() -> host.devinet().add(host.loopback(),
                IfAddr.of(Ipv4Prefix.parse("10.0.0.100/32"), RtScope.UNIVERSE, "lo")))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EEXIST);
                    assertThat(e.extack()).isEqualTo("ipv4: Address already assigned.");
                });
    }

    @Test
    void theSameAddressMayLiveOnTwoInterfaces() {
        NetDevice eth1 = nic(host, "eth1");
        addr(eth0, "10.0.0.11/24");
        addr(eth1, "10.0.0.12/24");
        addr(eth1, "10.0.0.11/24");
        assertThat(addresses(eth1)).containsExactly("10.0.0.12/24 eth1", "10.0.0.11/24 eth1 secondary");
    }

    @Test
    void deletingAPrimaryDeletesItsSecondariesWithoutPromoteSecondaries() throws Exception {
        addr(eth0, "10.0.0.50/24");
        addr(eth0, "10.0.0.60/24");
        addr(eth0, "10.0.0.61/24", "eth0:1");
        host.devinet().delete(eth0, Ipv4Address.parse("10.0.0.50"), 24, null);
        assertThat(addresses(eth0)).isEmpty();
        assertThat(table(Fib.RT_TABLE_MAIN)).isEmpty();
    }

    @Test
    void promoteSecondariesPromotesTheFirstSecondaryAndMovesThePrefixRoute() throws Exception {
        sysctl(host, "net.ipv4.conf.eth0.promote_secondaries", "1");
        addr(eth0, "10.0.0.50/24");
        addr(eth0, "10.0.0.60/24");
        addr(eth0, "10.0.0.61/24", "eth0:1");
        host.devinet().delete(eth0, Ipv4Address.parse("10.0.0.50"), 24, null);
        assertThat(addresses(eth0)).containsExactly("10.0.0.60/24 eth0", "10.0.0.61/24 eth0:1 secondary");
        assertThat(table(Fib.RT_TABLE_MAIN)).containsExactly("unicast 10.0.0.0/24 dev eth0 scope link src 10.0.0.60");
    }

    @Test
    void deletingAMissingAddressFails() {
        assertThatThrownBy(() -> host.devinet().delete(eth0, Ipv4Address.parse("10.0.0.200"), 32, null))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EADDRNOTAVAIL);
                    assertThat(e.extack()).isEqualTo("ipv4: Address not found.");
                });
    }

    @Test
    void aDownInterfaceKeepsOnlyItsLocalRoutesUntilItComesBack() {
        addr(eth0, "10.5.0.1/24");
        host.setUp(eth0, false);
        assertThat(table(Fib.RT_TABLE_MAIN)).isEmpty();
        assertThat(table(Fib.RT_TABLE_LOCAL)).contains("local 10.5.0.1/32 dev eth0 scope host src 10.5.0.1")
                .noneMatch(s -> s.startsWith("broadcast 10.5.0.255"));
        assertThat(host.devinet().isLocalAddress(Ipv4Address.parse("10.5.0.1"))).isTrue();
        host.setUp(eth0, true);
        assertThat(table(Fib.RT_TABLE_MAIN)).containsExactly("unicast 10.5.0.0/24 dev eth0 scope link src 10.5.0.1");
    }

    @Test
    void selectAddressPrefersThePrimaryOfTheTargetsSubnetThenAnyPrimaryThenOtherInterfaces() {
        NetDevice eth1 = nic(host, "eth1");
        addr(eth0, "10.0.0.179/24");
        addr(eth0, "172.16.0.9/16");
        addr(host.loopback(), "10.0.0.101/32");
        Devinet d = host.devinet();
        assertThat(d.selectAddress(eth0, Ipv4Address.parse("172.16.3.3"), RtScope.LINK))
                .isEqualTo(Ipv4Address.parse("172.16.0.9"));
        assertThat(d.selectAddress(eth0, Ipv4Address.parse("8.8.8.8"), RtScope.LINK))
                .isEqualTo(Ipv4Address.parse("10.0.0.179"));
        // eth1 has nothing: the first primary of scope global of any interface, lo first
        assertThat(d.selectAddress(eth1, Ipv4Address.parse("8.8.8.8"), RtScope.UNIVERSE))
                .isEqualTo(Ipv4Address.parse("10.0.0.101"));
        // host-scope 127.0.0.1 is skipped for link scope
        assertThat(d.selectAddress(host.loopback(), Ipv4Address.ANY, RtScope.LINK))
                .isEqualTo(Ipv4Address.parse("10.0.0.101"));
    }

    @Test
    void confirmAddressImplementsArpIgnoreOneAndTwo() {
        addr(eth0, "10.0.0.179/24");
        addr(host.loopback(), "10.0.0.101/32");
        Devinet d = host.devinet();
        Ipv4Address vip = Ipv4Address.parse("10.0.0.101");
        Ipv4Address rip = Ipv4Address.parse("10.0.0.179");
        // level 1: is tip on the receiving interface?
        assertThat(d.confirmAddress(eth0.inDevice(), Ipv4Address.ANY, vip, RtScope.HOST).isAny()).isTrue();
        assertThat(d.confirmAddress(eth0.inDevice(), Ipv4Address.ANY, rip, RtScope.HOST)).isEqualTo(rip);
        // level 2: and is sip in one of its subnets?
        assertThat(d.confirmAddress(eth0.inDevice(), Ipv4Address.parse("10.0.0.50"), rip, RtScope.HOST)).isEqualTo(rip);
        assertThat(d.confirmAddress(eth0.inDevice(), Ipv4Address.parse("10.9.9.9"), rip, RtScope.HOST).isAny()).isTrue();
        // level 3 asks every interface for a non-host-scope address
        assertThat(d.confirmAddress(null, Ipv4Address.ANY, vip, RtScope.LINK)).isEqualTo(vip);
        assertThat(d.confirmAddress(null, Ipv4Address.ANY, Ipv4Address.parse("127.0.0.1"), RtScope.LINK).isAny()).isTrue();
    }

    @Test
    void aKernelRouteDeletedByHandStaysDeletedWhenOtherAddressesChange() {
        addr(eth0, "10.0.0.50/24");
        FibRoute prefix = host.fib().dump(Fib.RT_TABLE_MAIN).get(0);
        host.fib().remove(prefix);
        addr(eth0, "192.168.9.1/24");
        assertThat(table(Fib.RT_TABLE_MAIN)).containsExactly("unicast 192.168.9.0/24 dev eth0 scope link src 192.168.9.1");
    }

    @Test
    void loGoingDownKeepsItsHostScopeRoutes() {
        host.setUp(host.loopback(), false);
        assertThat(table(Fib.RT_TABLE_LOCAL)).containsExactly(
                "local 127.0.0.0/8 dev lo scope host src 127.0.0.1",
                "local 127.0.0.1/32 dev lo scope host src 127.0.0.1");
    }
}
