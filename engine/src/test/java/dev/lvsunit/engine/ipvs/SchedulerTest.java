package dev.lvsunit.engine.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.World;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every scheduler against sequences worked out by hand from its kernel
 * function. The setup is ipvs.md §8: RS1 = 192.168.0.11 (weight 2) added
 * first, RS2 = 192.168.0.12 (weight 1) second, so the kernel's list is
 * [RS2, RS1] (new dests go to the head) and every tie goes to RS2.
 *
 * <p>Scenario A: each connection becomes ESTABLISHED (active) before the next
 * is scheduled and none closes. Scenario B: a burst of SYNs, all connections
 * still SYN_RECV (inactive).
 */
class SchedulerTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");
    static final Ipv4Address RS1 = Ipv4Address.parse("192.168.0.11");
    static final Ipv4Address RS2 = Ipv4Address.parse("192.168.0.12");
    static final Flow CLIENT = new Flow(Ipv4Address.parse("192.168.0.50"), 41234, VIP, 80);

    final Ipvs ipvs = new World().addHost("director").ipvs();
    final ServiceKey key = ServiceKey.tcp(VIP, 80);

    VirtualService service(String sched) throws IpvsException {
        ipvs.addService(key, ServiceSettings.of(sched));
        ipvs.addDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 2));
        ipvs.addDest(key, DestSettings.of(RS2, 80, ForwardMethod.DROUTE, 1));
        return ipvs.service(key).orElseThrow();
    }

    /** Schedules {@code n} connections; each pick becomes active (A) or stays inactive (B). */
    static List<String> picks(VirtualService svc, int n, boolean active) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RealServer d = svc.scheduler.schedule(svc, CLIENT);
            if (d == null) {
                out.add("none");
                continue;
            }
            if (active) {
                d.activeConns++;
            } else {
                d.inactConns++;
            }
            out.add(d.address().equals(RS1) ? "RS1" : "RS2");
        }
        return out;
    }

    @Test
    void listOrderIsNewestFirst() throws Exception {
        VirtualService svc = service("rr");
        assertThat(svc.destinations()).extracting(RealServer::address).containsExactly(RS2, RS1);
    }

    /** ip_vs_rr_schedule: cursor starts at the head; RS2, RS1 alternate whatever the weights. */
    @Test
    void rrAlternatesFromTheHead() throws Exception {
        assertThat(picks(service("rr"), 6, true)).containsExactly("RS2", "RS1", "RS2", "RS1", "RS2", "RS1");
    }

    /** ip_vs_rr_schedule skips weight 0; ip_vs_rr_del_dest moves a cursor on the deleted dest back. */
    @Test
    void rrSkipsQuiescedAndSurvivesDeletion() throws Exception {
        VirtualService svc = service("rr");
        ipvs.editDest(key, DestSettings.of(RS2, 80, ForwardMethod.DROUTE, 0));
        assertThat(picks(svc, 3, true)).containsExactly("RS1", "RS1", "RS1");
        ipvs.editDest(key, DestSettings.of(RS2, 80, ForwardMethod.DROUTE, 1));
        // cursor on RS1 (index 1): next walk wraps to RS2
        assertThat(picks(svc, 1, true)).containsExactly("RS2");
        ipvs.deleteDest(key, RS2, 80); // cursor was RS2 at index 0: back to the head
        assertThat(picks(svc, 2, true)).containsExactly("RS1", "RS1");
    }

    /**
     * ip_vs_wrr_dest_changed then ip_vs_wrr_schedule: after the adds di=1,
     * mw=2, cw=1. Pick 1 (cw 1) RS2; pick 2 RS1; end of list: cw 0 → mw 2:
     * RS2 (1 &lt; 2) skipped, RS1; end: cw 1: RS2; RS1; end: cw 2: RS1.
     */
    @Test
    void wrrInterleavesByWeight() throws Exception {
        assertThat(picks(service("wrr"), 6, true)).containsExactly("RS2", "RS1", "RS1", "RS2", "RS1", "RS1");
    }

    /** ip_vs_lc_schedule: overheads (RS2/RS1) 0/0 → RS2 (tie), 256/0 → RS1, 256/256 → RS2, ... */
    @Test
    void lcIgnoresWeights() throws Exception {
        assertThat(picks(service("lc"), 6, true)).containsExactly("RS2", "RS1", "RS2", "RS1", "RS2", "RS1");
    }

    /**
     * ip_vs_wlc_schedule, loh * w_dest &gt; doh * w_least: 0/0 → RS2; 256/0 → RS1;
     * 256/256: 512 &gt; 256 → RS1; 256/512: 512 &gt; 512 false → RS2; 512/512 → RS1;
     * 512/768: 1024 &gt; 768 → RS1.
     */
    @Test
    void wlcScenarioA() throws Exception {
        assertThat(picks(service("wlc"), 6, true)).containsExactly("RS2", "RS1", "RS1", "RS2", "RS1", "RS1");
    }

    /** wlc with inactive counts (overhead 1 each): the same ratios, the same sequence. */
    @Test
    void wlcScenarioB() throws Exception {
        assertThat(picks(service("wlc"), 6, false)).containsExactly("RS2", "RS1", "RS1", "RS2", "RS1", "RS1");
    }

    /** ip_vs_sed_schedule, overhead active+1: 1/1: 1*2 &gt; 1*1 → RS1 first, then RS2, RS1, RS1, RS2, RS1. */
    @Test
    void sedPrefersTheHeavierServerWhenIdle() throws Exception {
        assertThat(picks(service("sed"), 6, true)).containsExactly("RS1", "RS2", "RS1", "RS1", "RS2", "RS1");
    }

    /** sed counts only active conns: a burst of SYNs all goes to RS1. */
    @Test
    void sedBurstAllToRs1() throws Exception {
        assertThat(picks(service("sed"), 6, false)).containsOnly("RS1");
    }

    /** ip_vs_nq_schedule: an idle server at once (RS2, then RS1), then the sed rule. */
    @Test
    void nqScenarioA() throws Exception {
        assertThat(picks(service("nq"), 6, true)).containsExactly("RS2", "RS1", "RS1", "RS1", "RS2", "RS1");
    }

    /** nq: in a burst RS2 stays idle (no active conns), so it takes everything. */
    @Test
    void nqBurstAllToRs2() throws Exception {
        assertThat(picks(service("nq"), 6, false)).containsOnly("RS2");
    }

    /** ip_vs_fo_schedule: the highest weight, always RS1; with RS1 quiesced, RS2. */
    @Test
    void foFailsOverByWeight() throws Exception {
        VirtualService svc = service("fo");
        assertThat(picks(svc, 3, true)).containsOnly("RS1");
        ipvs.editDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 0));
        assertThat(picks(svc, 2, true)).containsOnly("RS2");
    }

    /**
     * ip_vs_ovf_schedule: RS1 while active &lt;= 2 (picks 1-3), then RS2 (4-5),
     * then RS1 has 3 &gt; 2 and RS2 2 &gt; 1: no destination.
     */
    @Test
    void ovfOverflowsThenRefuses() throws Exception {
        assertThat(picks(service("ovf"), 6, true)).containsExactly("RS1", "RS1", "RS1", "RS2", "RS2", "none");
    }

    /**
     * ip_vs_sh_reassign over [RS2 (w1), RS1 (w2)]: buckets go RS2, RS1, RS1, RS2, ...
     * (bucket % 3 == 0 is RS2). ip_vs_sh_hashkey = hash_32(saddr, 8):
     * 0xc0a80032 (192.168.0.50) * 0x61c88647 = 0x77...(mod 2^32) → top byte 119, 119 % 3 = 2 → RS1;
     * 10.0.0.7 → 114, 114 % 3 = 0 → RS2.
     */
    @Test
    void shHashesTheSourceAddress() throws Exception {
        VirtualService svc = service("sh");
        assertThat(ShScheduler.hashkey(CLIENT, 0, 0)).isEqualTo(119);
        assertThat(svc.scheduler.schedule(svc, CLIENT).address()).isEqualTo(RS1);
        Flow other = new Flow(Ipv4Address.parse("10.0.0.7"), 5000, VIP, 80);
        assertThat(ShScheduler.hashkey(other, 0, 0)).isEqualTo(114);
        assertThat(svc.scheduler.schedule(svc, other).address()).isEqualTo(RS2);
        // the client port does not matter without sh-port
        assertThat(svc.scheduler.schedule(svc, new Flow(CLIENT.source(), 1, VIP, 80)).address()).isEqualTo(RS1);
    }

    /** Without sh-fallback a quiesced bucket gives no destination; with it, the re-hash finds RS2. */
    @Test
    void shFallback() throws Exception {
        VirtualService svc = service("sh");
        ipvs.editDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 0));
        // with RS1 at weight 0 the table is rebuilt: each dest takes one bucket: even RS2, odd RS1
        // 119 is odd → RS1 (weight 0) → none
        assertThat(svc.scheduler.schedule(svc, CLIENT)).isNull();
        ipvs.editService(key, ServiceSettings.of("sh").withSchedFlags(ServiceSettings.SCHED1));
        assertThat(svc.scheduler.schedule(svc, CLIENT).address()).isEqualTo(RS2);
    }

    /**
     * ip_vs_dh_assign: one bucket each, alternating [RS2, RS1]; key (daddr *
     * 2654435761) &amp; 255: 192.168.0.101 → 213 (odd → RS1), 192.168.0.102 → 134 (even → RS2).
     */
    @Test
    void dhHashesTheDestinationAddress() throws Exception {
        VirtualService svc = service("dh");
        assertThat(DhScheduler.hashkey(VIP.bits())).isEqualTo(213);
        assertThat(svc.scheduler.schedule(svc, CLIENT).address()).isEqualTo(RS1);
        Flow toOther = new Flow(CLIENT.source(), 1, Ipv4Address.parse("192.168.0.102"), 80);
        assertThat(DhScheduler.hashkey(toOther.destination().bits())).isEqualTo(134);
        assertThat(svc.scheduler.schedule(svc, toOther).address()).isEqualTo(RS2);
    }

    /**
     * ip_vs_mh_populate: turns = last_weight / gcd (2 and 1), so RS1 holds two
     * thirds of the 65521 slots; the same client always lands on the same slot;
     * quiescing RS1 keeps the table (last_weight) so RS2's clients stay put.
     */
    @Test
    void mhIsConsistent() throws Exception {
        VirtualService svc = service("mh");
        MhScheduler mh = (MhScheduler) svc.scheduler;
        int rs1Slots = 0;
        for (int i = 0; i < MhScheduler.TAB_SIZE; i++) {
            if (mh.slot(i).address().equals(RS1)) {
                rs1Slots++;
            }
        }
        // populate gives RS2 one slot, RS1 two, per round: 65521 = 3 * 21840 + 1,
        // so RS1 gets 2 * 21840 and the last slot goes to RS2
        assertThat(rs1Slots).isEqualTo(43680);
        RealServer first = svc.scheduler.schedule(svc, CLIENT);
        assertThat(svc.scheduler.schedule(svc, new Flow(CLIENT.source(), 9, VIP, 80))).isSameAs(first);
        List<Flow> rs2Clients = new ArrayList<>();
        for (int i = 1; i < 60; i++) {
            Flow f = new Flow(Ipv4Address.of(10, 0, 0, i), 1, VIP, 80);
            if (svc.scheduler.schedule(svc, f).address().equals(RS2)) {
                rs2Clients.add(f);
            }
        }
        assertThat(rs2Clients).isNotEmpty();
        ipvs.editDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 0));
        for (Flow f : rs2Clients) {
            assertThat(svc.scheduler.schedule(svc, f).address()).isEqualTo(RS2);
        }
    }

    /** SipHash-1-3 building block: the hash differs for the two fixed keys and is 32 bits. */
    @Test
    void mhHashIsThirtyTwoBits() {
        long a = MhScheduler.hashkey(RS1.bits(), 80, MhScheduler.KEY1, 0);
        long b = MhScheduler.hashkey(RS1.bits(), 80, MhScheduler.KEY2, 0);
        assertThat(a).isBetween(0L, 0xffffffffL).isNotEqualTo(b);
    }

    /**
     * ip_vs_lblc_schedule: the first request for a destination address runs
     * wlc (tie → RS2) and is cached; later requests stay on RS2 although wlc
     * would now prefer RS1, until RS2 is overloaded in the lblc sense
     * (active &gt; weight while some server has active*2 &lt; weight).
     */
    @Test
    void lblcSticksToTheCachedServer() throws Exception {
        VirtualService svc = service("lblc");
        assertThat(picks(svc, 2, true)).containsExactly("RS2", "RS2");
        // RS2: 2 active > weight 1, and RS1 has 0*2 < 2: overloaded → wlc → RS1, cached
        assertThat(picks(svc, 2, true)).containsExactly("RS1", "RS1");
    }

    /** ip_vs_lblcr_schedule: the set grows with the wlc choice when its least loaded member is overloaded. */
    @Test
    void lblcrReplicates() throws Exception {
        VirtualService svc = service("lblcr");
        assertThat(picks(svc, 2, true)).containsExactly("RS2", "RS2");
        // set {RS2}: RS2 overloaded (2 > 1, RS1 idle) → wlc → RS1 joins; then setMin over {RS1, RS2}
        assertThat(picks(svc, 1, true)).containsExactly("RS1");
        // set {RS1 (256, w2), RS2 (512, w1)}: min is RS1; RS1 1 active <= 2 → RS1
        assertThat(picks(svc, 1, true)).containsExactly("RS1");
    }

    /** ip_vs_twos_schedule draws from the world's seeded random: the same seed, the same picks. */
    @Test
    void twosIsSeeded() throws Exception {
        List<String> a = picks(service("twos"), 10, true);
        SchedulerTest other = new SchedulerTest();
        List<String> b = picks(other.service("twos"), 10, true);
        assertThat(a).isEqualTo(b).doesNotContain("none");
        ipvs.editDest(key, DestSettings.of(RS1, 80, ForwardMethod.DROUTE, 0));
        VirtualService svc = ipvs.service(key).orElseThrow();
        assertThat(picks(svc, 5, true)).containsOnly("RS2");
    }

    @Test
    void unknownSchedulerIsEnoent() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ipvs.addService(key, ServiceSettings.of("foo")))
                .isInstanceOf(IpvsException.class).extracting(e -> ((IpvsException) e).error())
                .isEqualTo(IpvsException.Error.ENOENT);
    }
}
