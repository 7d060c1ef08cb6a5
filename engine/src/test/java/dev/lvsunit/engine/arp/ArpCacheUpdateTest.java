package dev.lvsunit.engine.arp;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.arping;
import static dev.lvsunit.engine.arp.ArpLab.entry;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.mac;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What received ARP does to the cache of the receiver (the tail of
 * {@code arp_process}; reference §2.6 and A16–A20 on 6.18): client 10.0.0.50
 * (:50), real server 10.0.0.179 (:01:79) with VIP 10.0.0.101 on lo.
 */
class ArpCacheUpdateTest {

    private final ArpLab.RealServerLan lan = ArpLab.realServerLan();
    private final ArpLab lab = lan.lab();
    private final Host client = lan.client();
    private final Host rs = lan.rs();
    private final NetDevice cEth = lan.clientEth();
    private final NetDevice rsEth = lan.rsEth();

    private Neighbour rsEntryForClient() {
        return entry(rs, "10.0.0.50", rsEth).orElseThrow();
    }

    /** rs holds 10.0.0.50 lladdr :50 STALE, learnt at t=0 from an answered request. */
    private Neighbour rsKnowsClient() {
        arping(cEth, "10.0.0.50", "10.0.0.179");
        lab.runMs(10);
        Neighbour n = rsEntryForClient();
        assertThat(n.state()).isEqualTo(NudState.NUD_STALE);
        return n;
    }

    private void clientMac(String mac) {
        try {
            client.setMac(cEth, mac(mac));
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bystander_learnsNothingFromABroadcastRequest() {
        // A16
        arping(cEth, "10.0.0.50", "10.0.0.200");
        lab.runMs(10);
        assertThat(rs.neigh().entries()).isEmpty();
    }

    @Test
    void bystander_refreshesAnExistingEntry_outsideLocktime() {
        // A17: client changes its MAC, waits > 1 s, arpings 10.0.0.200: rs takes :51, STALE
        Neighbour n = rsKnowsClient();
        clientMac("02:00:00:00:00:51");
        lab.runMs(1500);
        arping(cEth, "10.0.0.50", "10.0.0.200");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:51"));
        assertThat(n.state()).isEqualTo(NudState.NUD_STALE);
    }

    @Test
    void bystander_ignoresANewMacWithinLocktime() {
        Neighbour n = rsKnowsClient();
        clientMac("02:00:00:00:00:51");
        lab.runMs(500);
        arping(cEth, "10.0.0.50", "10.0.0.200");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:50"));
    }

    @Test
    void sameMacWithinLocktime_doesNotExtendTheLock() {
        // neigh_update sets "updated" only on a change, so no-op updates do not move the window
        Neighbour n = rsKnowsClient();
        long updated = n.updated();
        lab.runMs(800);
        arping(cEth, "10.0.0.50", "10.0.0.200");
        lab.runMs(10);
        assertThat(n.updated()).isEqualTo(updated);
    }

    @Test
    void suppressedRequest_leavesTheCacheUntouched() {
        // A18: rs arp_ignore=1 holds :51; client (:50) arpings the VIP (ignored): still :51;
        // arpings 10.0.0.179 (answered): :50
        clientMac("02:00:00:00:00:51");
        Neighbour n = rsKnowsClient();
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:51"));
        sysctl(rs, "conf/all/arp_ignore", 1);
        clientMac("02:00:00:00:00:50");
        lab.runMs(2000);
        arping(cEth, "10.0.0.50", "10.0.0.101");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:51"));
        arping(cEth, "10.0.0.50", "10.0.0.179");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:50"));
    }

    @Test
    void requestForUs_overridesWithoutLocktime() {
        // kernel-surprises 6: neigh_event_ns always overrides
        Neighbour n = rsKnowsClient();
        clientMac("02:00:00:00:00:51");
        arping(cEth, "10.0.0.50", "10.0.0.179");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:51"));
    }

    @Test
    void arpIgnore8_hostStillLearnsFromRequestsForOthers() {
        // kernel-surprises 5: arp_ignore=8 blocks the RIP, but a request for another host still
        // refreshes an existing entry
        Neighbour n = rsKnowsClient();
        lab.clearCapture();
        sysctl(rs, "conf/all/arp_ignore", 8);
        clientMac("02:00:00:00:00:51");
        lab.runMs(1500);
        arping(cEth, "10.0.0.50", "10.0.0.179");
        lab.runMs(10);
        assertThat(lab.arpReplies()).isEmpty();
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:50"));
        arping(cEth, "10.0.0.50", "10.0.0.200");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:51"));
    }

    @Test
    void unsolicitedReply_createsNothingByDefault() {
        // A2: arping's reply is unsolicited for the client's kernel
        ArpLab.reply(rsEth, cEth.mac(), "10.0.0.179", cEth.mac(), "10.0.0.50");
        lab.runMs(10);
        assertThat(client.neigh().entries()).isEmpty();
    }

    @Test
    void unsolicitedReply_withArpAccept1_createsReachableIfUnicastStaleIfBroadcast() {
        sysctl(client, "conf/eth0/arp_accept", 1);
        ArpLab.reply(rsEth, cEth.mac(), "10.0.0.179", cEth.mac(), "10.0.0.50");
        ArpLab.reply(rsEth, MacAddress.BROADCAST, "10.0.0.101", cEth.mac(), "10.0.0.50");
        lab.runMs(10);
        assertThat(entry(client, "10.0.0.179", cEth)).hasValueSatisfying(n ->
                assertThat(n.state()).isEqualTo(NudState.NUD_REACHABLE));
        assertThat(entry(client, "10.0.0.101", cEth)).hasValueSatisfying(n ->
                assertThat(n.state()).isEqualTo(NudState.NUD_STALE));
    }

    @Test
    void reply_neverCreatesEntriesForOurOwnOrBroadcastAddresses() {
        sysctl(client, "conf/eth0/arp_accept", 1);
        ArpLab.reply(rsEth, cEth.mac(), "10.0.0.50", cEth.mac(), "10.0.0.50");
        ArpLab.reply(rsEth, cEth.mac(), "10.0.0.255", cEth.mac(), "10.0.0.50");
        lab.runMs(10);
        assertThat(client.neigh().entries()).isEmpty();
    }

    // ---- gratuitous ARP

    @ParameterizedTest(name = "arp_accept={0}, {1}: entry created={2}")
    @CsvSource({
        "0, request, false",
        "0, reply, false",
        "1, request, true",
        "1, reply, true",
        "2, request, true", // the sender is inside rs's subnet
        "2, reply, true",
        "3, request, false", // unknown values: no
    })
    void garp_createsEntriesPerArpAccept(int accept, String kind, boolean created) {
        // A19: arping -U / -A for 10.0.0.50
        sysctl(rs, "conf/eth0/arp_accept", accept);
        if (kind.equals("request")) {
            ArpLab.garpRequest(cEth, "10.0.0.50");
        } else {
            ArpLab.garpReply(cEth, "10.0.0.50");
        }
        lab.runMs(10);
        assertThat(entry(rs, "10.0.0.50", rsEth).isPresent()).isEqualTo(created);
        entry(rs, "10.0.0.50", rsEth).ifPresent(n -> assertThat(n.state()).isEqualTo(NudState.NUD_STALE));
    }

    @Test
    void garp_arpAccept2_onlyForSendersInTheInterfacesSubnets() {
        // A20: client adds 10.9.9.9/24 and sends arping -U -s 10.9.9.9 10.9.9.9; rs arp_accept 2 / 1
        sysctl(rs, "conf/eth0/arp_accept", 2);
        ArpLab.garpRequest(cEth, "10.9.9.9");
        lab.runMs(10);
        assertThat(entry(rs, "10.9.9.9", rsEth)).isEmpty();
        sysctl(rs, "conf/eth0/arp_accept", 1);
        ArpLab.garpRequest(cEth, "10.9.9.9");
        lab.runMs(10);
        assertThat(entry(rs, "10.9.9.9", rsEth)).hasValueSatisfying(n ->
                assertThat(n.state()).isEqualTo(NudState.NUD_STALE));
    }

    @Test
    void garp_updatesAnExistingEntryEvenWithinLocktime() {
        // kernel-surprises 11: arp_accept 0 updates an existing entry at once (is_garp overrides)
        Neighbour n = rsKnowsClient();
        clientMac("02:00:00:00:00:51");
        ArpLab.garpRequest(cEth, "10.0.0.50");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:51"));
        assertThat(n.state()).isEqualTo(NudState.NUD_STALE);
    }

    @Test
    void garp_broadcastReplyWithOtherTargetMac_isNotGratuitous() {
        Neighbour n = rsKnowsClient();
        clientMac("02:00:00:00:00:51");
        ArpLab.reply(cEth, MacAddress.BROADCAST, "10.0.0.50", MacAddress.BROADCAST, "10.0.0.50");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:50"));
    }

    @Test
    void dropGratuitousArp_ignoresThem() {
        Neighbour n = rsKnowsClient();
        sysctl(rs, "conf/all/drop_gratuitous_arp", 1);
        clientMac("02:00:00:00:00:51");
        ArpLab.garpRequest(cEth, "10.0.0.50");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:50"));
    }

    @Test
    void permanentEntry_ignoresEverythingArpSays() throws KernelException {
        Neighbour n = rs.neigh().add(ip("10.0.0.50"), rsEth, mac("02:00:00:00:00:99"), NudState.NUD_PERMANENT);
        ArpLab.garpRequest(cEth, "10.0.0.50");
        arping(cEth, "10.0.0.50", "10.0.0.179");
        lab.runMs(10);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:99"));
        assertThat(n.state()).isEqualTo(NudState.NUD_PERMANENT);
        // the request was still answered, to the sender's MAC
        assertThat(lab.arpReplies()).singleElement()
                .satisfies(f -> assertThat(((ArpPacket) f.payload()).targetMac()).isEqualTo(cEth.mac()));
    }
}
