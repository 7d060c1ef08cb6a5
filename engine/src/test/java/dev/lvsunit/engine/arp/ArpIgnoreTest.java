package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.arping;
import static dev.lvsunit.engine.arp.ArpLab.entry;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code arp_ignore} on an LVS-DR real server (Appendix A of the reference,
 * verified on 6.18): client 10.0.0.50 (:50), real server eth0 10.0.0.179/24
 * (:01:79) with the VIP 10.0.0.101/32 on {@code lo}.
 */
class ArpIgnoreTest {

    private final ArpLab.RealServerLan lan = ArpLab.realServerLan();
    private final ArpLab lab = lan.lab();
    private final Host client = lan.client();
    private final Host rs = lan.rs();
    private final NetDevice cEth = lan.clientEth();
    private final NetDevice rsEth = lan.rsEth();

    private int repliesTo(String sip, String tip) {
        lab.clearCapture();
        arping(cEth, sip, tip);
        lab.runMs(10);
        return lab.arpReplies().size();
    }

    @ParameterizedTest(name = "arp_ignore={0}: VIP on lo answered={1}, RIP answered={2}")
    @CsvSource({
        "0, true, true",
        "1, false, true",
        "2, false, true",
        "3, true, true", // the VIP has scope global (ip addr add's default)
        "4, true, true", // 4-7 reserved: reply
        "5, true, true",
        "6, true, true",
        "7, true, true",
        "8, false, false", // never reply, not even for the RIP
        "9, true, true", // unknown values: the default branch replies
        "-1, true, true",
    })
    void eachLevel(int level, boolean vip, boolean rip) {
        sysctl(rs, "conf/eth0/arp_ignore", level);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isEqualTo(vip ? 1 : 0);
        assertThat(repliesTo("10.0.0.50", "10.0.0.179")).isEqualTo(rip ? 1 : 0);
    }

    @Test
    void reply_isUnicastFromTheReceivingNicWithItsMac() {
        // A2: "10.0.0.101 is-at 02:00:00:00:01:79", Ethernet dst 02:00:00:00:00:50
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isEqualTo(1);
        EthernetFrame f = lab.arpReplies().get(0);
        assertThat(f.destination()).isEqualTo(cEth.mac());
        assertThat(f.source()).isEqualTo(rsEth.mac());
        assertThat(f.payload()).isEqualTo(new ArpPacket(ArpPacket.REPLY, rsEth.mac(), ip("10.0.0.101"),
                cEth.mac(), ip("10.0.0.50")));
        // the answered request taught rs the client (STALE); arping's client learnt nothing
        assertThat(entry(rs, "10.0.0.50", rsEth)).hasValueSatisfying(n -> {
            assertThat(n.state()).isEqualTo(NudState.NUD_STALE);
            assertThat(n.lladdr()).isEqualTo(cEth.mac());
        });
        assertThat(client.neigh().entries()).isEmpty();
    }

    @Test
    void suppressedRequest_createsNoEntry() {
        // A3: eth0.arp_ignore=1, arping VIP: no reply and rs neigh stays empty
        sysctl(rs, "conf/eth0/arp_ignore", 1);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isZero();
        assertThat(rs.neigh().entries()).isEmpty();
    }

    @Test
    void level_isMaxOfAllAndTheReceivingInterface() {
        // A4: all=1, eth0=0 -> 1
        sysctl(rs, "conf/all/arp_ignore", 1);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isZero();
        // all=1, eth0=4 (reserved) -> max is 4 -> reply again
        sysctl(rs, "conf/eth0/arp_ignore", 4);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isEqualTo(1);
        // all=0, eth0=1 -> 1
        sysctl(rs, "conf/all/arp_ignore", 0);
        sysctl(rs, "conf/eth0/arp_ignore", 1);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isZero();
    }

    @Test
    void loValueAlone_changesNothing() {
        // A5: only lo.arp_ignore=1 -> the VIP is still answered through eth0
        sysctl(rs, "conf/lo/arp_ignore", 1);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isEqualTo(1);
    }

    @Test
    void level2_needsTheSenderInTheTargetsSubnet() {
        // A21: arp_ignore=2; arping 10.0.0.179 -s 10.9.9.9 / -s 10.0.0.50 -> 0 / 1 replies
        sysctl(rs, "conf/eth0/arp_ignore", 2);
        assertThat(repliesTo("10.9.9.9", "10.0.0.179")).isZero();
        assertThat(repliesTo("10.0.0.50", "10.0.0.179")).isEqualTo(1);
    }

    @Test
    void level0_answersASenderWithoutRouteBack() {
        // A21: with arp_ignore 0 and no route back to 10.9.9.9: 1 reply (rp_filter off)
        assertThat(repliesTo("10.9.9.9", "10.0.0.179")).isEqualTo(1);
    }

    @Test
    void level3_hidesOnlyHostScopeAddresses() throws Exception {
        // A22: VIP scope global / re-added with scope host -> 1 / 0 replies; host scope with 0 -> 1
        sysctl(rs, "conf/eth0/arp_ignore", 3);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isEqualTo(1);
        rs.devinet().delete(rs.loopback(), ip("10.0.0.101"), 32, null);
        addr(rs.loopback(), "10.0.0.101/32", RtScope.HOST);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isZero();
        sysctl(rs, "conf/eth0/arp_ignore", 0);
        assertThat(repliesTo("10.0.0.50", "10.0.0.101")).isEqualTo(1);
    }

    @Test
    void level1_answersSecondariesOfTheReceivingInterface() {
        addr(rsEth, "10.0.0.180/24");
        sysctl(rs, "conf/eth0/arp_ignore", 1);
        assertThat(repliesTo("10.0.0.50", "10.0.0.180")).isEqualTo(1);
    }

    @Test
    void dadProbe_answeredIfArpIgnorePermits_withoutCacheChange() {
        // A23: arping -D (sip 0.0.0.0) for the VIP and .179: level 0 both, level 1 only .179
        assertThat(repliesTo("0.0.0.0", "10.0.0.101")).isEqualTo(1);
        EthernetFrame f = lab.arpReplies().get(0);
        assertThat(f.destination()).isEqualTo(cEth.mac());
        assertThat(((ArpPacket) f.payload()).targetIp()).isEqualTo(ip("0.0.0.0"));
        assertThat(repliesTo("0.0.0.0", "10.0.0.179")).isEqualTo(1);
        sysctl(rs, "conf/eth0/arp_ignore", 1);
        assertThat(repliesTo("0.0.0.0", "10.0.0.101")).isZero();
        assertThat(repliesTo("0.0.0.0", "10.0.0.179")).isEqualTo(1);
        assertThat(rs.neigh().entries()).isEmpty();
    }

    @Test
    void requestForOthers_isNotAnswered() {
        // A16: arping 10.0.0.200 (nobody): no reply, rs learns nothing
        assertThat(repliesTo("10.0.0.50", "10.0.0.200")).isZero();
        assertThat(rs.neigh().entries()).isEmpty();
    }

    @Test
    void requestsForMulticastOrLoopbackTargets_areDropped() {
        assertThat(repliesTo("10.0.0.50", "224.0.0.1")).isZero();
        assertThat(repliesTo("10.0.0.50", "127.0.0.1")).isZero();
        assertThat(rs.neigh().entries()).isEmpty();
    }

    @Test
    void requestUnicastToAnotherMac_isDropped() {
        // PACKET_OTHERHOST
        lab.clearCapture();
        ArpLab.send(cEth, MacAddress.parse("02:00:00:00:09:99"),
                new ArpPacket(ArpPacket.REQUEST, cEth.mac(), ip("10.0.0.50"), MacAddress.ZERO, ip("10.0.0.179")));
        lab.runMs(10);
        assertThat(lab.arpReplies()).isEmpty();
    }

    @Test
    void requestUnicastToOurMac_isAnswered() {
        lab.clearCapture();
        ArpLab.send(cEth, rsEth.mac(),
                new ArpPacket(ArpPacket.REQUEST, cEth.mac(), ip("10.0.0.50"), rsEth.mac(), ip("10.0.0.179")));
        lab.runMs(10);
        assertThat(lab.arpReplies()).hasSize(1);
    }

    @Test
    void requestFromOneOfOurOwnAddresses_isNotAnswered() {
        // the own-source check of fib_validate_source refuses it
        assertThat(repliesTo("10.0.0.101", "10.0.0.179")).isZero();
    }
}
