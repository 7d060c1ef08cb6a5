package dev.lvsunit.engine.link;

import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.net.MacAddress;
import org.junit.jupiter.api.Test;

/** The device ioctls of {@code dev_ioctl} as ifconfig issues them, with the errnos 6.18 returns. */
class DevIoctlTest {

    private final World world = new World();
    private final Host host = world.addHost("cl");
    private final NetDevice eth0 = nic(host, "eth0");
    private final DevIoctl ioctl = new DevIoctl(host);

    private static void assertErrno(KernelException e, Errno errno) {
        assertThat(e.errno()).isEqualTo(errno);
    }

    @Test
    void flagsOfAnEthernetDeviceAndOfLoopback() throws Exception {
        host.setUp(eth0, false);
        assertThat(ioctl.getFlags("eth0")).isEqualTo(DevIoctl.IFF_BROADCAST | DevIoctl.IFF_MULTICAST);
        host.setUp(eth0, true);
        // up but on no segment: no carrier, so not RUNNING; an alias name asks for its device
        assertThat(ioctl.getFlags("eth0:1")).isEqualTo(DevIoctl.IFF_UP | DevIoctl.IFF_BROADCAST | DevIoctl.IFF_MULTICAST);
        host.setUp(host.loopback(), true);
        assertThat(ioctl.getFlags("lo")).isEqualTo(DevIoctl.IFF_UP | DevIoctl.IFF_LOOPBACK | DevIoctl.IFF_RUNNING);
        assertThatThrownBy(() -> ioctl.getFlags("eth9"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertErrno(e, Errno.ENODEV));
    }

    @Test
    void theMtuStaysBetween68And65535() throws Exception {
        ioctl.setMtu("eth0", 68);
        assertThat(eth0.mtu()).isEqualTo(68);
        ioctl.setMtu("eth0", 65535);
        assertThat(eth0.mtu()).isEqualTo(65535);
        assertThatThrownBy(() -> ioctl.setMtu("eth0", 67))
                .isInstanceOfSatisfying(KernelException.class, e -> assertErrno(e, Errno.EINVAL));
        assertThatThrownBy(() -> ioctl.setMtu("eth0", 65536))
                .isInstanceOfSatisfying(KernelException.class, e -> assertErrno(e, Errno.EINVAL));
    }

    @Test
    void anEthernetAddressMustBeUnicastAndNotForLoopback() throws Exception {
        ioctl.setHwAddr("eth0", MacAddress.parse("02:00:00:00:aa:01"));
        assertThat(eth0.mac()).isEqualTo(MacAddress.parse("02:00:00:00:aa:01"));
        assertThatThrownBy(() -> ioctl.setHwAddr("eth0", MacAddress.parse("01:00:00:00:00:01")))
                .isInstanceOfSatisfying(KernelException.class, e -> assertErrno(e, Errno.EADDRNOTAVAIL));
        assertThatThrownBy(() -> ioctl.setHwAddr("eth0", MacAddress.ZERO))
                .isInstanceOfSatisfying(KernelException.class, e -> assertErrno(e, Errno.EADDRNOTAVAIL));
        assertThatThrownBy(() -> ioctl.setHwAddr("lo", MacAddress.parse("02:00:00:00:00:01")))
                .isInstanceOfSatisfying(KernelException.class, e -> assertErrno(e, Errno.EINVAL));
    }
}
