package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.arping;
import static dev.lvsunit.engine.arp.ArpLab.entry;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A multi-homed host on one segment (reference Appendix A, 6.18): eth0
 * 10.0.0.11 (:11), eth1 10.0.0.12 (:12), eth2 10.0.0.13 (:13), all /24;
 * client 10.0.0.50 (:50).
 */
class ArpFluxTest {

    private ArpLab lab;
    private Host client;
    private Host mh;
    private NetDevice cEth;
    private NetDevice eth0;
    private NetDevice eth1;
    private NetDevice eth2;

    @BeforeEach
    void setUp() {
        lab = new ArpLab();
        client = lab.host("client");
        mh = lab.host("mh");
        cEth = lab.nic(client, "eth0", "02:00:00:00:00:50");
        eth0 = lab.nic(mh, "eth0", "02:00:00:00:00:11");
        eth1 = lab.nic(mh, "eth1", "02:00:00:00:00:12");
        eth2 = lab.nic(mh, "eth2", "02:00:00:00:00:13");
        addr(cEth, "10.0.0.50/24");
        addr(eth0, "10.0.0.11/24");
        addr(eth1, "10.0.0.12/24");
        addr(eth2, "10.0.0.13/24");
    }

    private void arpingTwelve() {
        lab.clearCapture();
        arping(cEth, "10.0.0.50", "10.0.0.12");
        lab.runMs(10);
    }

    @Test
    void everyNicAnswersWithItsOwnMac() {
        // A8: three unicast replies for 10.0.0.12, from :13, :12, :11 (the bridge floods the
        // newest port first); each NIC learns the client
        arpingTwelve();
        assertThat(lab.arpReplies()).extracting(EthernetFrame::source)
                .containsExactly(eth2.mac(), eth1.mac(), eth0.mac());
        assertThat(lab.arpReplies()).allSatisfy(f -> {
            assertThat(f.destination()).isEqualTo(cEth.mac());
            assertThat(((ArpPacket) f.payload()).senderIp()).isEqualTo(ip("10.0.0.12"));
            assertThat(((ArpPacket) f.payload()).senderMac()).isEqualTo(f.source());
        });
        for (NetDevice d : new NetDevice[] {eth0, eth1, eth2}) {
            assertThat(entry(mh, "10.0.0.50", d)).hasValueSatisfying(n -> {
                assertThat(n.state()).isEqualTo(NudState.NUD_STALE);
                assertThat(n.lladdr()).isEqualTo(cEth.mac());
            });
        }
    }

    @Test
    void kernelResolution_keepsTheFirstReply() {
        // A9: ping .12 gets the same three replies; the client keeps the first (:13) REACHABLE
        ArpLab.ping(client, "10.0.0.12");
        lab.runMs(10);
        assertThat(lab.arpReplies()).hasSize(3);
        assertThat(entry(client, "10.0.0.12", cEth)).hasValueSatisfying(n -> {
            assertThat(n.lladdr()).isEqualTo(eth2.mac());
            assertThat(n.state()).isEqualTo(NudState.NUD_REACHABLE);
        });
    }

    @Test
    void laterReplyAfterLocktime_replacesTheMac() {
        ArpLab.ping(client, "10.0.0.12");
        lab.runMs(1500);
        ArpLab.reply(eth0, cEth.mac(), "10.0.0.12", cEth.mac(), "10.0.0.50");
        lab.runMs(1);
        assertThat(entry(client, "10.0.0.12", cEth)).hasValueSatisfying(n -> {
            assertThat(n.lladdr()).isEqualTo(eth0.mac());
            assertThat(n.state()).isEqualTo(NudState.NUD_REACHABLE);
        });
    }

    @Test
    void arpFilter_answersFromTheNicRoutingWouldUse() {
        // A10: all.arp_filter=1: one reply, from eth0's MAC (:11), for 10.0.0.12
        sysctl(mh, "conf/all/arp_filter", 1);
        arpingTwelve();
        assertThat(lab.arpReplies()).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(eth0.mac());
            assertThat(((ArpPacket) f.payload()).senderIp()).isEqualTo(ip("10.0.0.12"));
        });
        // suppressed NICs learnt nothing
        assertThat(entry(mh, "10.0.0.50", eth1)).isEmpty();
        assertThat(entry(mh, "10.0.0.50", eth2)).isEmpty();
    }

    @Test
    void arpFilter_isOrOfAllAndInterface() {
        sysctl(mh, "conf/eth1/arp_filter", 1);
        sysctl(mh, "conf/eth2/arp_filter", 1);
        arpingTwelve();
        assertThat(lab.arpReplies()).extracting(EthernetFrame::source).containsExactly(eth0.mac());
    }

    @Test
    void arpIgnore1_makesEachNicAnswerForItsOwnAddress() {
        // A11: all.arp_ignore=1: one reply, from eth1 (:12)
        sysctl(mh, "conf/all/arp_ignore", 1);
        arpingTwelve();
        assertThat(lab.arpReplies()).extracting(EthernetFrame::source).containsExactly(eth1.mac());
    }

    @Test
    void strictRpFilter_hidesFlux_looseRestoresIt() {
        // A12: rp_filter=1: one reply (eth0, :11); =2: three
        sysctl(mh, "conf/all/rp_filter", 1);
        arpingTwelve();
        assertThat(lab.arpReplies()).extracting(EthernetFrame::source).containsExactly(eth0.mac());
        sysctl(mh, "conf/all/rp_filter", 2);
        arpingTwelve();
        assertThat(lab.arpReplies()).hasSize(3);
    }

    @Test
    void downInterfacesAddressIsStillAnsweredByTheOthers() {
        // A32 (weak host): eth1 down keeps its local route; eth0 and eth2 still answer for it
        mh.setUp(eth1, false);
        arpingTwelve();
        assertThat(lab.arpReplies()).extracting(EthernetFrame::source).containsExactly(eth2.mac(), eth0.mac());
    }
}
