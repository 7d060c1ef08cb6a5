package dev.lvsunit.engine.neigh;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.mac;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static dev.lvsunit.engine.neigh.NudState.NUD_DELAY;
import static dev.lvsunit.engine.neigh.NudState.NUD_FAILED;
import static dev.lvsunit.engine.neigh.NudState.NUD_INCOMPLETE;
import static dev.lvsunit.engine.neigh.NudState.NUD_PERMANENT;
import static dev.lvsunit.engine.neigh.NudState.NUD_PROBE;
import static dev.lvsunit.engine.neigh.NudState.NUD_REACHABLE;
import static dev.lvsunit.engine.neigh.NudState.NUD_STALE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.arp.ArpLab;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.socket.PingSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The NUD state machine of {@link NeighTable}, one test per transition of its
 * table (T1–T18), with the kernel's default timers: retrans_time 1 s,
 * base_reachable_time 30 s (reachable_time = base here), delay_first_probe_time
 * 5 s, mcast_solicit 3, ucast_solicit 3.
 *
 * <p>Host A (10.0.0.1, :01) talks to B (10.0.0.2, :02); 10.0.0.77 is nobody.
 */
class NudTransitionTest {

    private static final long MS = Durations.NANOS_PER_MILLI;
    private static final long S = Durations.NANOS_PER_SECOND;
    /** HZ/100: the kernel re-arms an expiring REACHABLE timer at least this far ahead. */
    private static final long TICK = 10 * MS;

    private ArpLab lab;
    private Host a;
    private Host b;
    private NetDevice aEth;
    private NetDevice bEth;
    private PingSocket ping;
    private int seq;

    @BeforeEach
    void setUp() {
        lab = new ArpLab();
        a = lab.host("a");
        b = lab.host("b");
        aEth = lab.nic(a, "eth0", "02:00:00:00:00:01");
        bEth = lab.nic(b, "eth0", "02:00:00:00:00:02");
        addr(aEth, "10.0.0.1/24");
        addr(bEth, "10.0.0.2/24");
        ping = a.icmp().openSocket();
    }

    private void send(String dst) {
        try {
            ping.send(ip(dst), Ipv4Address.ANY, null, ++seq, 56);
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    private Neighbour aEntry(String address) {
        return a.neigh().lookup(ip(address), aEth).orElseThrow();
    }

    private long now() {
        return lab.world.now();
    }

    private void at(long nanos) {
        lab.world.runUntil(nanos);
    }

    /** Times (s) of the ARP requests A sent since the last clear, with their destination MACs. */
    private List<CapturedFrame> requestsFromA() {
        return lab.arpRequests().stream().filter(f -> f.ingress() == aEth).toList();
    }

    private static ArpPacket arp(CapturedFrame f) {
        return (ArpPacket) f.frame().payload();
    }

    /** A entry for B made REACHABLE by one ping at t=0; returns the reply's arrival time. */
    private long reachableB() {
        send("10.0.0.2");
        lab.runMs(1);
        Neighbour n = aEntry("10.0.0.2");
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        return n.confirmed();
    }

    // ---- T1-T4: resolution of an absent address

    @Test
    void t1_noneToIncomplete_onSend_broadcastsAtOnce() {
        send("10.0.0.77");
        Neighbour n = aEntry("10.0.0.77");
        assertThat(n.state()).isEqualTo(NUD_INCOMPLETE);
        assertThat(n.lladdr()).isNull();
        assertThat(n.queuedPackets()).hasSize(1);
        // probes starts at ucast_solicit (3) and the first probe counts
        assertThat(n.probes()).isEqualTo(4);
        assertThat(n.refCount()).isEqualTo(1);
        List<CapturedFrame> reqs = requestsFromA();
        assertThat(reqs).hasSize(1);
        CapturedFrame f = reqs.get(0);
        assertThat(f.timeNanos()).isZero();
        assertThat(f.frame().destination()).isEqualTo(MacAddress.BROADCAST);
        // the kernel's requests carry zeros as target MAC (tcpdump: "who-has 10.0.0.77 tell 10.0.0.1")
        assertThat(arp(f)).isEqualTo(new ArpPacket(ArpPacket.REQUEST, aEth.mac(), ip("10.0.0.1"),
                MacAddress.ZERO, ip("10.0.0.77")));
    }

    @Test
    void t2_incomplete_onSend_queuesWithoutNewRequest() {
        send("10.0.0.77");
        at(500 * MS);
        send("10.0.0.77");
        Neighbour n = aEntry("10.0.0.77");
        assertThat(n.state()).isEqualTo(NUD_INCOMPLETE);
        assertThat(n.queuedPackets()).hasSize(2);
        assertThat(requestsFromA()).hasSize(1);
    }

    @Test
    void t3_incomplete_onTimer_broadcastsEveryRetransTime() {
        send("10.0.0.77");
        at(2999 * MS);
        assertThat(requestsFromA()).extracting(CapturedFrame::timeNanos).containsExactly(0L, S, 2 * S);
        assertThat(requestsFromA()).allSatisfy(f -> assertThat(f.frame().destination()).isEqualTo(MacAddress.BROADCAST));
        assertThat(aEntry("10.0.0.77").state()).isEqualTo(NUD_INCOMPLETE);
        assertThat(aEntry("10.0.0.77").probes()).isEqualTo(6);
    }

    @Test
    void t4_incompleteToFailed_afterMaxProbes_reportsHostUnreachable() {
        // 6.18: ping to an absent host: requests at 0, 1, 2 s, then "Destination Host Unreachable"
        send("10.0.0.77");
        at(500 * MS);
        send("10.0.0.77");
        at(3 * S - 1);
        assertThat(aEntry("10.0.0.77").state()).isEqualTo(NUD_INCOMPLETE);
        assertThat(ping.drain()).isEmpty();
        at(3 * S);
        Neighbour n = aEntry("10.0.0.77");
        assertThat(n.state()).isEqualTo(NUD_FAILED);
        assertThat(n.updated()).isEqualTo(3 * S);
        assertThat(n.queuedPackets()).isEmpty();
        assertThat(n.refCount()).isZero();
        lab.runMs(1);
        List<PingSocket.Event> events = ping.drain();
        assertThat(events).hasSize(2).allSatisfy(e -> {
            assertThat(e).isInstanceOf(PingSocket.Error.class);
            assertThat(((PingSocket.Error) e).code()).isEqualTo(IcmpUnreachable.HOST_UNREACH);
            // "From 10.0.0.1 icmp_seq=N Destination Host Unreachable"
            assertThat(e.from()).isEqualTo(ip("10.0.0.1"));
        });
        assertThat(events).extracting(PingSocket.Event::sequence).containsExactly(1, 2);
        assertThat(requestsFromA()).hasSize(3);
    }

    @Test
    void t1_failedToIncomplete_onSend_restartsWithThreeBroadcasts() {
        send("10.0.0.77");
        at(10 * S);
        lab.clearCapture();
        send("10.0.0.77");
        assertThat(aEntry("10.0.0.77").state()).isEqualTo(NUD_INCOMPLETE);
        at(14 * S);
        assertThat(requestsFromA()).extracting(CapturedFrame::timeNanos).containsExactly(10 * S, 11 * S, 12 * S);
        assertThat(aEntry("10.0.0.77").state()).isEqualTo(NUD_FAILED);
    }

    @Test
    void t1_withoutMulticastOrAppProbes_failsAtOnceAndDropsSilently() {
        sysctl(a, "neigh/eth0/mcast_solicit", 0);
        send("10.0.0.77");
        assertThat(aEntry("10.0.0.77").state()).isEqualTo(NUD_FAILED);
        lab.runMs(10);
        assertThat(requestsFromA()).isEmpty();
        assertThat(ping.drain()).isEmpty();
    }

    @Test
    void t2_unresQueue_dropsOldestBeyondUnresQlenBytes() {
        // an 84-byte echo request counts 14 + 84 + 576 = 674 bytes: two fit in 1500
        sysctl(a, "neigh/eth0/unres_qlen_bytes", 1500);
        for (int i = 0; i < 4; i++) {
            send("10.0.0.77");
        }
        assertThat(aEntry("10.0.0.77").queuedPackets()).hasSize(2);
        at(4 * S);
        assertThat(ping.drain()).extracting(PingSocket.Event::sequence).containsExactly(3, 4);
    }

    // ---- T5, T6: resolution succeeds

    @Test
    void t5_incompleteToReachable_onUnicastReply_sendsQueue() {
        send("10.0.0.2");
        lab.runMs(1);
        Neighbour n = aEntry("10.0.0.2");
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        assertThat(n.lladdr()).isEqualTo(bEth.mac());
        assertThat(n.confirmed()).isPositive().isEqualTo(n.updated());
        assertThat(n.timerExpiry()).isEqualTo(n.confirmed() + 30 * S);
        // the queued echo request went out after the reply, to B's MAC
        List<CapturedFrame> ip = lab.ipFrames();
        assertThat(ip).isNotEmpty();
        assertThat(ip.get(0).frame().destination()).isEqualTo(bEth.mac());
        assertThat(ip.get(0).ingress()).isEqualTo(aEth);
        // B learnt A from the request for itself (neigh_event_ns) and answered through it
        Neighbour atB = b.neigh().lookup(ip("10.0.0.1"), bEth).orElseThrow();
        assertThat(atB.lladdr()).isEqualTo(aEth.mac());
        // B's echo reply went through its STALE entry: DELAY
        assertThat(atB.state()).isEqualTo(NUD_DELAY);
    }

    @Test
    void t6_incompleteToStale_onGratuitousBroadcastReply_thenQueueMakesItDelay() {
        Host c = lab.host("c");
        NetDevice cEth = lab.nic(c, "eth0", "02:00:00:00:00:77");
        send("10.0.0.77");
        at(300 * MS);
        ArpLab.garpReply(cEth, "10.0.0.77");
        lab.runMs(1);
        Neighbour n = aEntry("10.0.0.77");
        assertThat(n.lladdr()).isEqualTo(cEth.mac());
        // STALE first; sending the queued packet through the STALE entry moved it to DELAY
        assertThat(n.state()).isEqualTo(NUD_DELAY);
        assertThat(n.timerExpiry()).isEqualTo(300 * MS + 20_000 + 5 * S);
        assertThat(lab.ipFrames()).extracting(f -> f.frame().destination()).containsExactly(cEth.mac());
    }

    @Test
    void t6_incompleteToStale_onRequestFromThatAddress_withoutQueue() throws KernelException {
        // ip neigh replace 10.0.0.2 dev eth0 nud incomplete: an INCOMPLETE entry with nothing queued
        Neighbour n = a.neigh().replace(ip("10.0.0.2"), aEth, null, NUD_INCOMPLETE);
        assertThat(n.state()).isEqualTo(NUD_INCOMPLETE);
        ArpLab.arping(bEth, "10.0.0.2", "10.0.0.1");
        lab.runMs(1);
        assertThat(n.state()).isEqualTo(NUD_STALE);
        assertThat(n.lladdr()).isEqualTo(bEth.mac());
    }

    // ---- T7-T9: REACHABLE ages

    @Test
    void t9_reachableToStale_afterReachableTime() {
        long confirmed = reachableB();
        Neighbour n = aEntry("10.0.0.2");
        // at confirmed + reachable_time the handler finds it "still alive" and re-arms HZ/100 later
        at(confirmed + 30 * S);
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        at(confirmed + 30 * S + TICK);
        assertThat(n.state()).isEqualTo(NUD_STALE);
        assertThat(n.updated()).isEqualTo(confirmed + 30 * S + TICK);
        assertThat(n.refCount()).isZero();
        assertThat(n.timerExpiry()).isEqualTo(-1);
    }

    @Test
    void t9_fastPathSendsDoNotKeepReachable() {
        long confirmed = reachableB();
        Neighbour n = aEntry("10.0.0.2");
        for (int i = 1; i < 30; i++) {
            at(i * S);
            send("10.0.0.2"); // neigh_hh_output: used is not touched
        }
        at(confirmed + 30 * S + TICK);
        assertThat(n.state()).isEqualTo(NUD_STALE);
    }

    @Test
    void t7_reachable_staysWhileConfirmed() {
        long confirmed = reachableB();
        Neighbour n = aEntry("10.0.0.2");
        at(20 * S);
        a.neigh().confirm(n); // e.g. TCP saw an ACK of new data
        at(confirmed + 30 * S + TICK);
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        assertThat(n.timerExpiry()).isEqualTo(50 * S);
        at(50 * S + TICK);
        assertThat(n.state()).isEqualTo(NUD_STALE);
    }

    @Test
    void t8_reachableToDelay_whenUsedWithinDelayFirstProbeTime() {
        // reachable_time (2 s) shorter than delay_first_probe_time (5 s): "used" (= confirmed,
        // neigh_add_timer) is still recent when REACHABLE expires.
        // 6.18, base_reachable_time_ms 1000, one ping, then idle: REACHABLE, DELAY for 5 s, a
        // unicast probe, REACHABLE, DELAY again: the idle entry is re-probed for ever.
        sysctl(a, "neigh/eth0/base_reachable_time_ms", 2000);
        long confirmed = reachableB();
        Neighbour n = aEntry("10.0.0.2");
        at(confirmed + 2 * S + TICK);
        assertThat(n.state()).isEqualTo(NUD_DELAY);
        long delayEnds = confirmed + 2 * S + TICK + 5 * S;
        assertThat(n.timerExpiry()).isEqualTo(delayEnds);
        lab.clearCapture();
        at(delayEnds + MS);
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        assertThat(requestsFromA()).singleElement()
                .satisfies(f -> assertThat(f.frame().destination()).isEqualTo(bEth.mac()));
        at(delayEnds + 2 * S + TICK + MS);
        assertThat(n.state()).isEqualTo(NUD_DELAY);
    }

    // ---- T10-T14: STALE, DELAY, PROBE

    /** A's entry for B made STALE (T9) at ~30 s. */
    private Neighbour staleB() {
        long confirmed = reachableB();
        at(confirmed + 31 * S);
        Neighbour n = aEntry("10.0.0.2");
        assertThat(n.state()).isEqualTo(NUD_STALE);
        lab.clearCapture();
        return n;
    }

    @Test
    void t10_staleToDelay_onSend_sendsAtOnceWithCachedMac() {
        Neighbour n = staleB();
        at(40 * S);
        send("10.0.0.2");
        assertThat(n.state()).isEqualTo(NUD_DELAY);
        assertThat(n.used()).isEqualTo(40 * S);
        assertThat(n.timerExpiry()).isEqualTo(45 * S);
        assertThat(lab.ipFrames()).hasSize(1);
        assertThat(lab.ipFrames().get(0).frame().destination()).isEqualTo(bEth.mac());
        assertThat(requestsFromA()).isEmpty();
    }

    @Test
    void t12_delayToProbe_afterDelayFirstProbeTime_unicastProbeAtOnce() {
        Neighbour n = staleB();
        sysctl(b, "conf/eth0/arp_ignore", 8); // B stops answering ARP
        at(40 * S);
        send("10.0.0.2");
        at(45 * S);
        assertThat(n.state()).isEqualTo(NUD_PROBE);
        assertThat(n.updated()).isEqualTo(45 * S);
        assertThat(n.probes()).isEqualTo(1);
        List<CapturedFrame> reqs = requestsFromA();
        assertThat(reqs).hasSize(1);
        assertThat(reqs.get(0).timeNanos()).isEqualTo(45 * S);
        assertThat(reqs.get(0).frame().destination()).isEqualTo(bEth.mac());
        // no queued packet: the source comes from inet_select_addr; target MAC zeros
        assertThat(arp(reqs.get(0))).isEqualTo(new ArpPacket(ArpPacket.REQUEST, aEth.mac(), ip("10.0.0.1"),
                MacAddress.ZERO, ip("10.0.0.2")));
    }

    @Test
    void t13_t14_probe_unicastEveryRetransTime_thenFailed() {
        Neighbour n = staleB();
        sysctl(b, "conf/eth0/arp_ignore", 8);
        at(40 * S);
        send("10.0.0.2");
        at(48 * S - 1);
        assertThat(n.state()).isEqualTo(NUD_PROBE);
        assertThat(requestsFromA()).extracting(CapturedFrame::timeNanos).containsExactly(45 * S, 46 * S, 47 * S);
        assertThat(requestsFromA()).allSatisfy(f -> assertThat(f.frame().destination()).isEqualTo(bEth.mac()));
        at(48 * S);
        assertThat(n.state()).isEqualTo(NUD_FAILED);
        assertThat(n.lladdr()).isNull();
        assertThat(n.haSnapshot()).isEqualTo(bEth.mac());
    }

    @Test
    void t5_probeToReachable_onUnicastReply() {
        Neighbour n = staleB();
        at(40 * S);
        send("10.0.0.2");
        at(45 * S + MS);
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        assertThat(n.confirmed()).isEqualTo(45 * S + 40_000); // probe out at 45 s, reply back 2 hops later
        assertThat(requestsFromA()).hasSize(1);
    }

    @Test
    void t11_delayToReachable_whenConfirmedMeanwhile() {
        Neighbour n = staleB();
        at(40 * S);
        send("10.0.0.2");
        at(42 * S);
        a.neigh().confirm(n);
        at(45 * S);
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        assertThat(n.timerExpiry()).isEqualTo(72 * S);
        assertThat(requestsFromA()).isEmpty();
    }

    // ---- T15: a request from the neighbour

    @Test
    void t15_requestFromNeighbour_sameMac_keepsReachable() {
        reachableB();
        Neighbour n = aEntry("10.0.0.2");
        long updated = n.updated();
        at(5 * S);
        ArpLab.arping(bEth, "10.0.0.2", "10.0.0.1");
        lab.runMs(1);
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
        assertThat(n.updated()).isEqualTo(updated);
    }

    @Test
    void t15_requestFromNeighbour_newMac_becomesStale() throws KernelException {
        reachableB();
        Neighbour n = aEntry("10.0.0.2");
        b.setMac(bEth, mac("02:00:00:00:00:22"));
        ArpLab.arping(bEth, "10.0.0.2", "10.0.0.1"); // within locktime: requests for us always override
        lab.runMs(1);
        assertThat(n.state()).isEqualTo(NUD_STALE);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:22"));
    }

    // ---- T16-T18: administration and interface events

    @Test
    void t16_replace_setsAnyState() throws KernelException {
        reachableB();
        Neighbour n = a.neigh().replace(ip("10.0.0.2"), aEth, mac("02:00:00:00:00:99"), NUD_STALE);
        assertThat(n.state()).isEqualTo(NUD_STALE);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:99"));
        a.neigh().replace(ip("10.0.0.2"), aEth, null, NUD_PERMANENT);
        assertThat(n.state()).isEqualTo(NUD_PERMANENT);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:99"));
        // non-admin updates leave PERMANENT alone
        ArpLab.arping(bEth, "10.0.0.2", "10.0.0.1");
        lab.runMs(1);
        assertThat(n.state()).isEqualTo(NUD_PERMANENT);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:99"));
    }

    @Test
    void t17_carrierDown_removesAllButPermanent() throws KernelException {
        reachableB();
        a.neigh().add(ip("10.0.0.9"), aEth, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        a.neigh().carrierDown(aEth);
        assertThat(a.neigh().entries()).extracting(Neighbour::address).containsExactly(ip("10.0.0.9"));
    }

    @Test
    void t17_carrierDown_withoutArpEvictNocarrier_keepsEntries() {
        reachableB();
        sysctl(a, "conf/all/arp_evict_nocarrier", 0);
        a.neigh().carrierDown(aEth);
        assertThat(a.neigh().lookup(ip("10.0.0.2"), aEth)).isPresent();
    }

    @Test
    void t18_interfaceDown_removesEverythingIncludingPermanent() throws KernelException {
        reachableB();
        a.neigh().add(ip("10.0.0.9"), aEth, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        Neighbour n = aEntry("10.0.0.2");
        a.setUp(aEth, false);
        assertThat(a.neigh().entries()).isEmpty();
        assertThat(n.isDead()).isTrue();
        assertThat(n.timerExpiry()).isEqualTo(-1);
    }

    @Test
    void t18_macChange_removesEverything() throws KernelException {
        a.neigh().add(ip("10.0.0.9"), aEth, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        a.setMac(aEth, mac("02:00:00:00:00:aa"));
        assertThat(a.neigh().entries()).isEmpty();
    }

    // ---- a ping's whole life, as observed on 6.18

    @Test
    void steadyPing_cyclesReachableStaleDelayReachable() {
        // 6.18, ping -i 0.2 with base_reachable_time_ms 2000 and delay_first_probe_time 1:
        // REACHABLE, STALE (briefly), DELAY for 1 s, a unicast probe, REACHABLE again
        sysctl(a, "neigh/eth0/base_reachable_time_ms", 2000);
        sysctl(a, "neigh/eth0/delay_first_probe_time", 1);
        sysctl(b, "neigh/eth0/base_reachable_time_ms", 60000);
        List<NudState> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            at(i * 200 * MS);
            if (i > 0) {
                note(seen, aEntry("10.0.0.2").state()); // just before the send
            }
            send("10.0.0.2");
            lab.runMs(1);
            note(seen, aEntry("10.0.0.2").state());
        }
        assertThat(seen).startsWith(NUD_REACHABLE, NUD_STALE, NUD_DELAY, NUD_PROBE, NUD_REACHABLE,
                NUD_STALE, NUD_DELAY, NUD_PROBE, NUD_REACHABLE);
        List<CapturedFrame> reqs = requestsFromA();
        assertThat(reqs.get(0).frame().destination()).isEqualTo(MacAddress.BROADCAST);
        assertThat(reqs.subList(1, reqs.size()))
                .allSatisfy(f -> assertThat(f.frame().destination()).isEqualTo(bEth.mac()));
        // probes is reset on entering PROBE and not on leaving it
        assertThat(aEntry("10.0.0.2").probes()).isEqualTo(1);
    }

    private static void note(List<NudState> seen, NudState s) {
        if (seen.isEmpty() || seen.get(seen.size() - 1) != s) {
            seen.add(s);
        }
    }
}
