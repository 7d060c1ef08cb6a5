package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.entry;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.ArpPacket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code arp_announce}: the source address of the real server's own ARP
 * requests when it talks from the VIP ({@code ping -I VIP client}; reference
 * A6, A7 on 6.18).
 */
class ArpAnnounceTest {

    private final ArpLab.RealServerLan lan = ArpLab.realServerLan();
    private final ArpLab lab = lan.lab();
    private final Host client = lan.client();
    private final Host rs = lan.rs();
    private final NetDevice cEth = lan.clientEth();
    private final NetDevice rsEth = lan.rsEth();

    @BeforeEach
    void setUp() {
        addr(rs.loopback(), "172.16.0.1/32");
    }

    private Ipv4Address requestSource(String from) {
        rs.neigh().flush(n -> true); // ip neigh flush all: resolve afresh
        lab.clearCapture();
        ArpLab.ping(rs, "10.0.0.50", from, 1);
        lab.runMs(10);
        List<CapturedFrame> reqs = lab.arpRequests();
        assertThat(reqs).isNotEmpty();
        CapturedFrame first = reqs.get(0);
        assertThat(first.ingress()).isEqualTo(rsEth);
        ArpPacket arp = (ArpPacket) first.frame().payload();
        assertThat(arp.targetIp()).isEqualTo(ip("10.0.0.50"));
        return arp.senderIp();
    }

    @ParameterizedTest(name = "arp_announce={0}, ping -I {1}: who-has 10.0.0.50 tell {2}")
    @CsvSource({
        "0, 10.0.0.101, 10.0.0.101", // A6: any local source is announced
        "1, 10.0.0.101, 10.0.0.101", // A6: the VIP is in eth0's subnet, so level 1 keeps it
        "2, 10.0.0.101, 10.0.0.179", // A6: never the packet's source
        "0, 172.16.0.1, 172.16.0.1", // A7
        "1, 172.16.0.1, 10.0.0.179", // A7: off-subnet VIP: level 1 falls back
        "5, 10.0.0.101, 10.0.0.101", // unknown values behave as 0
        "-3, 10.0.0.101, 10.0.0.101",
    })
    void sourceOfTheRequest(int level, String from, String announced) {
        sysctl(rs, "conf/all/arp_announce", level);
        assertThat(requestSource(from)).isEqualTo(ip(announced));
    }

    @Test
    void levelIsMaxOfAllAndTheOutgoingInterface() {
        sysctl(rs, "conf/eth0/arp_announce", 2);
        assertThat(requestSource("10.0.0.101")).isEqualTo(ip("10.0.0.179"));
        sysctl(rs, "conf/eth0/arp_announce", 0);
        sysctl(rs, "conf/lo/arp_announce", 2); // lo is not the outgoing interface
        assertThat(requestSource("10.0.0.101")).isEqualTo(ip("10.0.0.101"));
    }

    @Test
    void announcingTheVip_hijacksTheClientsEntryForIt() {
        // A6 with 0: the client receives a request for itself from the VIP and learns
        // VIP -> RS MAC (neigh_event_ns), then uses it to answer: DELAY
        sysctl(rs, "conf/all/arp_announce", 0);
        requestSource("10.0.0.101");
        assertThat(entry(client, "10.0.0.101", cEth)).hasValueSatisfying(n -> {
            assertThat(n.lladdr()).isEqualTo(rsEth.mac());
            assertThat(n.state()).isEqualTo(NudState.NUD_DELAY);
        });
    }

    @Test
    void level2_clientNeverLearnsTheVipFromTheRequest() {
        sysctl(rs, "conf/all/arp_announce", 2);
        requestSource("10.0.0.101");
        // the client answers the VIP's echo: it must resolve the VIP itself; with arp_ignore 0
        // the RS answers that too (A6 with 2)
        assertThat(entry(client, "10.0.0.179", cEth)).isPresent();
        assertThat(entry(client, "10.0.0.101", cEth)).hasValueSatisfying(n ->
                assertThat(n.lladdr()).isEqualTo(rsEth.mac()));
        long requestsForVip = lab.arpRequests().stream()
                .filter(f -> ((ArpPacket) f.frame().payload()).targetIp().equals(ip("10.0.0.101")))
                .count();
        assertThat(requestsForVip).isEqualTo(1);
    }

    @Test
    void probeWithoutQueuedPacket_takesTheSourceFromInetSelectAddr() throws Exception {
        // PROBE-state solicitations have no packet (neigh_probe with an empty queue): even with
        // arp_announce 0 and traffic from the VIP, the probe says "tell 10.0.0.179"; a
        // secondary is never selected
        addr(rsEth, "10.0.0.180/24");
        rs.neigh().replace(ip("10.0.0.50"), rsEth, cEth.mac(), NudState.NUD_STALE);
        sysctl(client, "conf/eth0/arp_ignore", 8); // the client will not answer the probe
        ArpLab.ping(rs, "10.0.0.50", "10.0.0.101", 1); // STALE -> DELAY
        lab.clearCapture();
        lab.runMs(5001); // DELAY -> PROBE
        List<CapturedFrame> probes = lab.arpRequests().stream().filter(f -> f.ingress() == rsEth).toList();
        assertThat(probes).singleElement().satisfies(f -> {
            assertThat(f.frame().destination()).isEqualTo(cEth.mac());
            assertThat(((ArpPacket) f.frame().payload()).senderIp()).isEqualTo(ip("10.0.0.179"));
        });
    }
}
