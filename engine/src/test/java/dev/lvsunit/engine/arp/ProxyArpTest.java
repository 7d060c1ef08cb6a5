package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.arping;
import static dev.lvsunit.engine.arp.ArpLab.entry;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.sim.Durations;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxy ARP ({@code arp_fwd_proxy}, proxy entries, {@code proxy_delay}): a
 * router gw joins net0 (eth0 10.0.0.1/24) and net1 (eth1 10.1.0.1/24); the
 * client 10.0.0.50 asks for 10.1.0.5 as if it were on its own link.
 */
class ProxyArpTest {

    private ArpLab lab;
    private Host client;
    private Host gw;
    private NetDevice cEth;
    private NetDevice gwEth0;

    @BeforeEach
    void setUp() {
        lab = new ArpLab();
        client = lab.host("client");
        gw = lab.host("gw");
        cEth = lab.nic(client, "eth0", "02:00:00:00:00:50");
        gwEth0 = lab.nic(gw, "eth0", "02:00:00:00:00:01");
        Segment net1 = lab.world.addSegment("net1");
        NetDevice gwEth1 = gw.addEthernet("eth1", MacAddress.parse("02:00:00:00:01:01"));
        net1.attach(gwEth1);
        addr(cEth, "10.0.0.50/24");
        addr(gwEth0, "10.0.0.1/24");
        addr(gwEth1, "10.1.0.1/24");
    }

    private List<CapturedFrame> replies() {
        return lab.arpFrames().stream().filter(f -> ((ArpPacket) f.frame().payload()).isReply()).toList();
    }

    @Test
    void proxyArp_withForwarding_answersWithTheInputNicsMac_afterProxyDelay() {
        sysctl(gw, "ip_forward", 1);
        sysctl(gw, "conf/eth0/proxy_arp", 1);
        arping(cEth, "10.0.0.50", "10.1.0.5");
        lab.runMs(1000);
        assertThat(replies()).singleElement().satisfies(f -> {
            assertThat(f.frame().source()).isEqualTo(gwEth0.mac());
            assertThat(f.frame().payload()).isEqualTo(new ArpPacket(ArpPacket.REPLY, gwEth0.mac(), ip("10.1.0.5"),
                    cEth.mac(), ip("10.0.0.50")));
            // a broadcast request waits a random time below proxy_delay (0.8 s)
            assertThat(f.timeNanos()).isLessThan(800 * Durations.NANOS_PER_MILLI + 20_000);
        });
        assertThat(entry(gw, "10.0.0.50", gwEth0)).isPresent();
    }

    @Test
    void proxyArp_unicastRequestOrZeroDelay_answersAtOnce() {
        sysctl(gw, "ip_forward", 1);
        sysctl(gw, "conf/eth0/proxy_arp", 1);
        ArpLab.send(cEth, gwEth0.mac(),
                new ArpPacket(ArpPacket.REQUEST, cEth.mac(), ip("10.0.0.50"), gwEth0.mac(), ip("10.1.0.5")));
        lab.runMs(1);
        assertThat(replies()).hasSize(1);
        lab.clearCapture();
        sysctl(gw, "neigh/eth0/proxy_delay", 0);
        arping(cEth, "10.0.0.50", "10.1.0.6");
        lab.runMs(1);
        assertThat(replies()).hasSize(1);
    }

    @Test
    void proxyArp_needsForwardingOnTheInputDevice() {
        sysctl(gw, "conf/eth0/proxy_arp", 1);
        arping(cEth, "10.0.0.50", "10.1.0.5");
        lab.runMs(1000);
        assertThat(replies()).isEmpty();
        assertThat(gw.neigh().entries()).isEmpty();
    }

    @Test
    void proxyArp_neverForTargetsRoutedBackOutOfTheSameDevice() {
        // __mkroute_input refuses an ARP route out of the input device (no proxy_arp_pvlan)
        sysctl(gw, "ip_forward", 1);
        sysctl(gw, "conf/eth0/proxy_arp", 1);
        arping(cEth, "10.0.0.50", "10.0.0.77");
        lab.runMs(1000);
        assertThat(replies()).isEmpty();
    }

    @Test
    void proxyArpPvlan_answersForTheSameSegment() {
        sysctl(gw, "ip_forward", 1);
        sysctl(gw, "conf/eth0/proxy_arp_pvlan", 1);
        sysctl(gw, "neigh/eth0/proxy_delay", 0);
        arping(cEth, "10.0.0.50", "10.0.0.77");
        lab.runMs(10);
        assertThat(replies()).singleElement()
                .satisfies(f -> assertThat(f.frame().source()).isEqualTo(gwEth0.mac()));
    }

    @Test
    void proxyEntry_answersWithoutProxyArp() {
        // ip neigh add proxy 10.1.0.5 dev eth0
        sysctl(gw, "ip_forward", 1);
        sysctl(gw, "neigh/eth0/proxy_delay", 0);
        gw.neigh().addProxy(ip("10.1.0.5"), gwEth0, true);
        arping(cEth, "10.0.0.50", "10.1.0.5");
        arping(cEth, "10.0.0.50", "10.1.0.6");
        lab.runMs(10);
        assertThat(replies()).singleElement()
                .satisfies(f -> assertThat(((ArpPacket) f.frame().payload()).senderIp()).isEqualTo(ip("10.1.0.5")));
    }

    @Test
    void mediumIdMinusOne_disablesProxyArp() {
        sysctl(gw, "ip_forward", 1);
        sysctl(gw, "conf/eth0/proxy_arp", 1);
        sysctl(gw, "conf/eth0/medium_id", -1);
        arping(cEth, "10.0.0.50", "10.1.0.5");
        lab.runMs(1000);
        assertThat(replies()).isEmpty();
    }
}
