package dev.lvsunit.engine.ipv4;

import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.DevIoctl;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The address ioctls of {@code devinet_ioctl} as ifconfig issues them; each
 * expectation is what {@code ip -4 addr} shows after the same ifconfig
 * command on 6.18.
 */
class DevinetIoctlTest {

    private final World world = new World();
    private final Host host = world.addHost("cl");
    private final NetDevice eth0 = nic(host, "eth0");
    private final DevinetIoctl ioctl = new DevinetIoctl(host);

    private static Ipv4Address ip(String s) {
        return Ipv4Address.parse(s);
    }

    /** The addresses as {@code ip -4 addr} lists them: {@code A/N [brd B] scope S [secondary] LABEL}. */
    private static List<String> addresses(NetDevice dev) {
        return dev.inDevice().addresses().stream()
                .map(a -> a.prefix() + (a.broadcast().isAny() ? "" : " brd " + a.broadcast())
                        + " scope " + a.scope().label() + (a.secondary() ? " secondary" : "") + " " + a.label())
                .collect(Collectors.toList());
    }

    private static void fails(ThrowingCall call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @ParameterizedTest(name = "{0} -> /{1}")
    @CsvSource({
        "0.0.0.0, 0", "0.1.2.3, 0", "255.255.255.255, 0",
        "10.1.2.3, 8", "127.0.0.1, 8", "172.16.5.5, 16", "192.168.0.101, 24",
        "224.1.1.1, -1", "239.255.255.255, -1", "240.1.1.1, 32"})
    void inetAbcLenIsTheClassfulPrefix(String address, int length) {
        assertThat(DevinetIoctl.inetAbcLen(ip(address))).isEqualTo(length);
    }

    @Test
    void anAddressGetsItsClassfulMaskAndBroadcastAndTheMaskMovesTheBroadcastWithIt() throws Exception {
        ioctl.setAddress("eth0:1", ip("172.16.5.5"));
        assertThat(addresses(eth0)).containsExactly("172.16.5.5/16 brd 172.16.255.255 scope global eth0:1");
        ioctl.setNetmask("eth0:1", ip("255.255.255.0"));
        assertThat(addresses(eth0)).containsExactly("172.16.5.5/24 brd 172.16.5.255 scope global eth0:1");
    }

    @Test
    void aBroadcastSetByHandStaysWhenTheMaskChanges() throws Exception {
        ioctl.setAddress("eth0:1", ip("172.16.5.5"));
        ioctl.setBroadcast("eth0:1", ip("172.16.5.7"));
        ioctl.setNetmask("eth0:1", ip("255.255.255.128"));
        assertThat(addresses(eth0)).containsExactly("172.16.5.5/25 brd 172.16.5.7 scope global eth0:1");
    }

    @Test
    void classEGetsASlash32WithoutBroadcastAndZeroDeletesTheAlias() throws Exception {
        ioctl.setAddress("eth0:2", ip("240.1.1.1"));
        assertThat(addresses(eth0)).containsExactly("240.1.1.1/32 scope global eth0:2");
        ioctl.setAddress("eth0:2", ip("0.0.0.0"));
        assertThat(addresses(eth0)).isEmpty();
    }

    @Test
    void onLoopbackThereIsNoBroadcastAnd127GetsHostScope() throws Exception {
        NetDevice lo = host.loopback();
        ioctl.setAddress("lo:3", ip("127.1.2.3"));
        ioctl.setAddress("lo:4", ip("10.1.2.3"));
        assertThat(addresses(lo)).contains("127.1.2.3/8 scope host secondary lo:3", "10.1.2.3/8 scope global lo:4");
    }

    @Test
    void anAliasWithoutIffUpLosesItsAddressAndADeviceGoesDown() throws Exception {
        host.setUp(eth0, true);
        ioctl.setAddress("eth0:1", ip("172.16.5.5"));
        ioctl.setFlags("eth0:1", DevIoctl.IFF_BROADCAST);
        assertThat(addresses(eth0)).isEmpty();
        assertThat(eth0.isUp()).isTrue();
        ioctl.setFlags("eth0", DevIoctl.IFF_BROADCAST);
        assertThat(eth0.isUp()).isFalse();
    }

    @Test
    void multicastAMissingAliasAndAMissingDeviceAreRefused() {
        fails(() -> ioctl.setAddress("eth0:2", ip("224.1.1.1")), Errno.EINVAL);
        fails(() -> ioctl.setFlags("eth0:2", DevIoctl.IFF_UP), Errno.EADDRNOTAVAIL);
        fails(() -> ioctl.setNetmask("eth0:9", ip("255.0.0.0")), Errno.EADDRNOTAVAIL);
        fails(() -> ioctl.setBroadcast("eth0:9", ip("10.255.255.255")), Errno.EADDRNOTAVAIL);
        fails(() -> ioctl.setAddress("eth7:1", ip("10.1.1.1")), Errno.ENODEV);
    }

    @Test
    void aNonContiguousMaskIsRefused() throws Exception {
        ioctl.setAddress("eth0", ip("10.0.0.5"));
        fails(() -> ioctl.setNetmask("eth0", ip("255.0.255.0")), Errno.EINVAL);
        assertThat(addresses(eth0)).containsExactly("10.0.0.5/8 brd 10.255.255.255 scope global eth0");
    }
}
