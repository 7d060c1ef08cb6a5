package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.mac;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code arp_notify}: gratuitous requests on NETDEV_UP and NETDEV_CHANGEADDR
 * ({@code inetdev_send_gratuitous_arp}; reference A31 on 6.18).
 */
class GratuitousArpTest {

    private ArpLab lab;
    private Host rs;
    private NetDevice eth0;

    @BeforeEach
    void setUp() {
        lab = new ArpLab();
        rs = lab.host("rs");
        eth0 = lab.nic(rs, "eth0", "02:00:00:00:01:79");
        lab.nic(lab.host("client"), "eth0", "02:00:00:00:00:50");
        addr(eth0, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
    }

    @Test
    void macChange_withArpNotify_announcesEveryAddressOfTheInterface() throws KernelException {
        // A31: one "who-has 10.0.0.179 tell 10.0.0.179" from the new MAC; the VIP on lo is not announced
        sysctl(rs, "conf/eth0/arp_notify", 1);
        addr(eth0, "10.0.0.180/24");
        assertThat(lab.arpFrames()).isEmpty(); // adding an address never sends one
        rs.setMac(eth0, mac("02:00:00:00:01:80"));
        lab.runMs(1);
        assertThat(lab.arpFrames()).extracting(f -> f.frame()).containsExactly(
                garp("02:00:00:00:01:80", "10.0.0.179"), garp("02:00:00:00:01:80", "10.0.0.180"));
    }

    @Test
    void macChange_withoutArpNotify_isSilent() throws KernelException {
        rs.setMac(eth0, mac("02:00:00:00:01:80"));
        lab.runMs(1);
        assertThat(lab.arpFrames()).isEmpty();
    }

    @Test
    void linkUp_withArpNotify_announces() {
        sysctl(rs, "conf/all/arp_notify", 1);
        rs.setUp(eth0, false);
        rs.setUp(eth0, true);
        lab.runMs(1);
        assertThat(lab.arpFrames()).extracting(f -> f.frame()).containsExactly(garp("02:00:00:00:01:79", "10.0.0.179"));
    }

    private static EthernetFrame garp(String mac, String address) {
        MacAddress m = mac(mac);
        return new EthernetFrame(MacAddress.BROADCAST, m,
                new ArpPacket(ArpPacket.REQUEST, m, ip(address), MacAddress.ZERO, ip(address)));
    }
}
