package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.entry;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.mac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.neigh.ProxyNeighbour;
import org.junit.jupiter.api.Test;

/**
 * {@code SIOCSARP} and {@code SIOCDARP} ({@code arp_ioctl}) as net-tools'
 * arp sends them; the errnos are what {@code arp -s}/{@code arp -d} report on
 * 6.18.
 */
class ArpIoctlTest {

    private final ArpLab lab = new ArpLab();
    private final Host host = lab.host("e");
    private final NetDevice eth0 = lab.nic(host, "eth0", "02:00:00:00:01:01");
    private final ArpIoctl ioctl = new ArpIoctl(host);

    ArpIoctlTest() {
        addr(eth0, "10.0.0.1/24");
    }

    /** {@code arp [-i DEV] -s IP MAC [temp] [pub]}. */
    private void set(String ip, String mac, boolean perm, boolean pub, String dev) throws KernelException {
        int flags = ArpIoctl.ATF_COM | (perm ? ArpIoctl.ATF_PERM : 0) | (pub ? ArpIoctl.ATF_PUBL : 0);
        ioctl.arpIoctl(ArpIoctl.SIOCSARP, new ArpReq(ip(ip), mac(mac), flags, dev));
    }

    /** {@code arp [-i DEV] -d IP [pub]}. */
    private void delete(String ip, boolean pub, String dev) throws KernelException {
        ioctl.arpIoctl(ArpIoctl.SIOCDARP, new ArpReq(ip(ip), null, pub ? ArpIoctl.ATF_PUBL : 0, dev));
    }

    private static void fails(Call call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    @Test
    void anEntryGoesOnTheRoutesDevicePermanentUnlessTemp() throws Exception {
        set("10.0.0.50", "02:00:00:00:00:50", true, false, null);
        set("10.0.0.51", "02:00:00:00:00:51", false, false, "");
        set("10.9.9.9", "02:00:00:00:00:52", true, false, "eth0");
        assertThat(entry(host, "10.0.0.50", eth0).orElseThrow().state()).isEqualTo(NudState.NUD_PERMANENT);
        assertThat(entry(host, "10.0.0.51", eth0).orElseThrow().state()).isEqualTo(NudState.NUD_STALE);
        assertThat(entry(host, "10.9.9.9", eth0).orElseThrow().lladdr()).isEqualTo(mac("02:00:00:00:00:52"));
    }

    @Test
    void noLinkRouteALocalAddressLoopbackOrAMissingDeviceAreRefused() {
        fails(() -> set("10.9.9.9", "02:00:00:00:00:52", true, false, null), Errno.ENETUNREACH);
        fails(() -> set("10.0.0.1", "02:00:00:00:00:52", true, false, null), Errno.EINVAL);
        fails(() -> set("10.0.0.5", "02:00:00:00:00:52", false, false, "lo"), Errno.EINVAL);
        fails(() -> set("10.0.0.5", "02:00:00:00:00:52", true, true, "lo"), Errno.EINVAL);
        fails(() -> set("10.0.0.2", "02:00:00:00:00:99", true, false, "nosuch"), Errno.ENODEV);
    }

    @Test
    void aPublishedEntryGoesOnTheDeviceOwningTheMacOrTheOneNamed() throws Exception {
        set("10.0.0.60", "02:00:00:00:01:01", true, true, null);
        set("10.0.0.62", "02:00:00:00:99:99", true, true, "eth0");
        fails(() -> set("10.0.0.61", "02:00:00:00:99:99", true, true, null), Errno.ENODEV);
        assertThat(host.neigh().proxyEntries()).extracting(ProxyNeighbour::address, ProxyNeighbour::device)
                .containsExactlyInAnyOrder(
                        tuple(ip("10.0.0.60"), eth0),
                        tuple(ip("10.0.0.62"), eth0));
    }

    @Test
    void deletionFindsTheRoutesDeviceOrTheProxyEntryOfTheDeviceGiven() throws Exception {
        set("10.0.0.50", "02:00:00:00:00:50", true, false, null);
        set("10.0.0.62", "02:00:00:00:99:99", true, true, "eth0");
        delete("10.0.0.50", false, null);
        assertThat(entry(host, "10.0.0.50", eth0)).isEmpty();
        fails(() -> delete("10.0.0.50", false, null), Errno.ENOENT);
        fails(() -> delete("10.9.9.9", false, null), Errno.ENETUNREACH);
        // no hardware address in a deletion, so loopback is not refused
        fails(() -> delete("10.0.0.5", false, "lo"), Errno.ENOENT);
        fails(() -> delete("10.0.0.62", true, null), Errno.ENOENT);
        delete("10.0.0.62", true, "eth0");
        assertThat(host.neigh().proxyEntries()).isEmpty();
    }

    @Test
    void flagsOfNeighbourStates() {
        assertThat(ArpIoctl.arpStateToFlags(NudState.NUD_PERMANENT)).isEqualTo(ArpIoctl.ATF_PERM | ArpIoctl.ATF_COM);
        assertThat(ArpIoctl.arpStateToFlags(NudState.NUD_STALE)).isEqualTo(ArpIoctl.ATF_COM);
        assertThat(ArpIoctl.arpStateToFlags(NudState.NUD_INCOMPLETE)).isZero();
    }
}
