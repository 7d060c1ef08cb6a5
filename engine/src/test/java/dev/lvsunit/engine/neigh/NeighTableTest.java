package dev.lvsunit.engine.neigh;

import static dev.lvsunit.engine.arp.ArpLab.addr;
import static dev.lvsunit.engine.arp.ArpLab.ip;
import static dev.lvsunit.engine.arp.ArpLab.mac;
import static dev.lvsunit.engine.arp.ArpLab.sysctl;
import static dev.lvsunit.engine.neigh.NudState.NUD_FAILED;
import static dev.lvsunit.engine.neigh.NudState.NUD_INCOMPLETE;
import static dev.lvsunit.engine.neigh.NudState.NUD_NOARP;
import static dev.lvsunit.engine.neigh.NudState.NUD_NONE;
import static dev.lvsunit.engine.neigh.NudState.NUD_PERMANENT;
import static dev.lvsunit.engine.neigh.NudState.NUD_REACHABLE;
import static dev.lvsunit.engine.neigh.NudState.NUD_STALE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.arp.ArpLab;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.socket.PingSocket;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table around the state machine: {@code arp_constructor}, the
 * {@code neigh_update} rules, {@code ip neigh add/replace/del/flush},
 * {@code arp -s/-d}, dump order, the {@code ip -s neigh} counters, GC.
 */
class NeighTableTest {

    private static final long S = Durations.NANOS_PER_SECOND;

    private ArpLab lab;
    private Host a;
    private NetDevice eth0;
    private NeighTable table;

    @BeforeEach
    void setUp() {
        lab = new ArpLab();
        a = lab.host("a");
        eth0 = lab.nic(a, "eth0", "02:00:00:00:00:01");
        addr(eth0, "10.0.0.1/24");
        table = a.neigh();
    }

    // ---- arp_constructor

    @Test
    void constructor_everyAddressOnLoIsTheOneNoarpEntry0000() {
        // 6.18 after a ping to an own address: "0.0.0.0 dev lo lladdr 00:00:00:00:00:00 NOARP"
        Neighbour n = table.lookupOrCreate(ip("10.0.0.1"), a.loopback());
        assertThat(n.address()).isEqualTo(Ipv4Address.ANY);
        assertThat(n.state()).isEqualTo(NUD_NOARP);
        assertThat(n.lladdr()).isEqualTo(MacAddress.ZERO);
        assertThat(table.lookupOrCreate(ip("127.0.0.1"), a.loopback())).isSameAs(n);
        // neigh_lookup (ip neigh get/del) does not rewrite the key
        assertThat(table.lookup(ip("127.0.0.1"), a.loopback())).isEmpty();
    }

    @Test
    void constructor_broadcastTargetIsNoarpWithBroadcastMac() {
        Neighbour n = table.lookupOrCreate(ip("10.0.0.255"), eth0);
        assertThat(n.state()).isEqualTo(NUD_NOARP);
        assertThat(n.lladdr()).isEqualTo(MacAddress.BROADCAST);
    }

    @Test
    void constructor_multicastTargetIsNoarpWithMappedMac() {
        Neighbour n = table.lookupOrCreate(ip("239.129.2.3"), eth0);
        assertThat(n.state()).isEqualTo(NUD_NOARP);
        assertThat(n.lladdr()).isEqualTo(mac("01:00:5e:01:02:03"));
    }

    @Test
    void constructor_unicastStartsInNoneConfirmedTwoBaseReachableTimesAgo() {
        lab.runMs(5000);
        Neighbour n = table.lookupOrCreate(ip("10.0.0.2"), eth0);
        assertThat(n.state()).isEqualTo(NUD_NONE);
        assertThat(n.used()).isEqualTo(5 * S);
        assertThat(n.updated()).isEqualTo(5 * S);
        assertThat(n.confirmed()).isEqualTo(5 * S - 60 * S);
    }

    @Test
    void sendingToNoarpEntryNeedsNoResolution() {
        Neighbour n = table.lookupOrCreate(ip("10.0.0.255"), eth0);
        table.output(n, new Ipv4Packet(0, 1, false, 64, ip("10.0.0.1"), ip("10.0.0.255"),
                new IcmpEcho(false, 1, 1, 56)));
        assertThat(lab.frames()).singleElement()
                .satisfies(f -> assertThat(f.frame().destination()).isEqualTo(MacAddress.BROADCAST));
        assertThat(lab.arpFrames()).isEmpty();
    }

    // ---- neigh_update rules

    @Test
    void update_sameMacAndState_leavesUpdatedAlone() throws KernelException {
        Neighbour n = table.replace(ip("10.0.0.2"), eth0, mac("02:00:00:00:00:02"), NUD_STALE);
        lab.runMs(3000);
        table.update(n, mac("02:00:00:00:00:02"), NUD_STALE, EnumSet.of(NeighUpdateFlag.OVERRIDE));
        assertThat(n.updated()).isZero();
    }

    @Test
    void update_differentMacWithoutOverride_isDropped() throws KernelException {
        Neighbour n = table.replace(ip("10.0.0.2"), eth0, mac("02:00:00:00:00:02"), NUD_STALE);
        table.update(n, mac("02:00:00:00:00:99"), NUD_REACHABLE, EnumSet.noneOf(NeighUpdateFlag.class));
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:02"));
        assertThat(n.state()).isEqualTo(NUD_STALE);
    }

    @Test
    void update_sameMacStaleNeverDowngradesReachable() throws KernelException {
        Neighbour n = table.replace(ip("10.0.0.2"), eth0, mac("02:00:00:00:00:02"), NUD_REACHABLE);
        table.update(n, mac("02:00:00:00:00:02"), NUD_STALE, EnumSet.of(NeighUpdateFlag.OVERRIDE));
        assertThat(n.state()).isEqualTo(NUD_REACHABLE);
    }

    @Test
    void update_weakOverrideSuspectsConnectedEntry() throws KernelException {
        Neighbour n = table.replace(ip("10.0.0.2"), eth0, mac("02:00:00:00:00:02"), NUD_REACHABLE);
        table.update(n, mac("02:00:00:00:00:99"), NUD_REACHABLE, EnumSet.of(NeighUpdateFlag.WEAK_OVERRIDE));
        assertThat(n.state()).isEqualTo(NUD_STALE);
        assertThat(n.lladdr()).isEqualTo(mac("02:00:00:00:00:02"));
    }

    @Test
    void update_newMacNotConnected_resetsConfirmed() throws KernelException {
        lab.runMs(100_000);
        Neighbour n = table.replace(ip("10.0.0.2"), eth0, mac("02:00:00:00:00:02"), NUD_REACHABLE);
        assertThat(n.confirmed()).isEqualTo(100 * S);
        table.update(n, mac("02:00:00:00:00:03"), NUD_STALE, EnumSet.of(NeighUpdateFlag.OVERRIDE));
        assertThat(n.confirmed()).isEqualTo(100 * S - 60 * S);
    }

    // ---- ip neigh add / replace / change / del / flush

    @Test
    void add_createsWithTheAskedState_thenExists() throws KernelException {
        Neighbour n = table.add(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        assertThat(n.state()).isEqualTo(NUD_PERMANENT);
        assertThat(n.arpFlags()).isEqualTo(Neighbour.ATF_PERM | Neighbour.ATF_COM);
        assertThatThrownBy(() -> table.add(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_PERMANENT))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    }

    @Test
    void add_withoutLladdr_failsAndLeavesANoneEntry() {
        // 6.18: "ip neigh add 10.0.0.5 dev e0" -> "Error: No link layer address given.", exit 2,
        // and "ip neigh show nud all" then lists "10.0.0.5 dev e0 " (NONE)
        assertThatThrownBy(() -> table.add(ip("10.0.0.5"), eth0, null, NUD_PERMANENT))
                .isInstanceOfSatisfying(KernelException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.EINVAL);
                    assertThat(e.extack()).isEqualTo("No link layer address given");
                });
        assertThat(table.lookup(ip("10.0.0.5"), eth0)).hasValueSatisfying(n -> assertThat(n.state()).isEqualTo(NUD_NONE));
    }

    @Test
    void add_nudIncomplete_hasNoTimerAndStaysIncomplete() throws KernelException {
        // 6.18: "ip neigh add 10.0.0.7 dev e0 nud incomplete" is still INCOMPLETE 3.5 s later
        Neighbour n = table.add(ip("10.0.0.7"), eth0, null, NUD_INCOMPLETE);
        lab.runMs(10_000);
        assertThat(n.state()).isEqualTo(NUD_INCOMPLETE);
        assertThat(lab.arpFrames()).isEmpty();
    }

    @Test
    void change_needsAnExistingEntry() {
        assertThatThrownBy(() -> table.change(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_STALE))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void delete_removes_andMissingIsEnoent() throws KernelException {
        table.add(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        table.delete(ip("10.0.0.9"), eth0);
        assertThat(table.entries()).isEmpty();
        assertThatThrownBy(() -> table.delete(ip("10.0.0.9"), eth0))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
    }

    @Test
    void delete_ofIncompleteEntry_reportsItsQueuedPackets() throws KernelException {
        PingSocket ping = a.icmp().openSocket();
        ping.send(ip("10.0.0.77"), Ipv4Address.ANY, null, 1, 56);
        table.delete(ip("10.0.0.77"), eth0);
        lab.runMs(1);
        assertThat(ping.drain()).singleElement().isInstanceOf(PingSocket.Error.class);
    }

    @Test
    void flush_deletesWhatTheFilterSelects() throws KernelException {
        // ip neigh flush all: the default filter spares PERMANENT and NOARP
        table.add(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        table.replace(ip("10.0.0.8"), eth0, mac("02:00:00:00:00:08"), NUD_STALE);
        table.replace(ip("10.0.0.7"), eth0, mac("02:00:00:00:00:07"), NUD_REACHABLE);
        table.lookupOrCreate(ip("10.0.0.1"), a.loopback());
        var gone = table.flush(n -> n.state() != NUD_PERMANENT && n.state() != NUD_NOARP);
        assertThat(gone).extracting(Neighbour::address).containsExactly(ip("10.0.0.7"), ip("10.0.0.8"));
        assertThat(table.entries()).extracting(Neighbour::address).containsExactly(Ipv4Address.ANY, ip("10.0.0.9"));
        assertThat(gone).allSatisfy(n -> assertThat(n.isDead()).isTrue());
    }

    // ---- arp -s / arp -d

    @Test
    void arpSet_permanentOrTemp() throws KernelException {
        // 6.18: arp -s -> PERMANENT; arp -s ... temp -> STALE
        Neighbour p = a.arp().reqSet(ip("10.0.0.9"), null, mac("02:00:00:00:00:09"), true);
        Neighbour t = a.arp().reqSet(ip("10.0.0.8"), null, mac("02:00:00:00:00:08"), false);
        assertThat(p.state()).isEqualTo(NUD_PERMANENT);
        assertThat(p.device()).isEqualTo(eth0);
        assertThat(t.state()).isEqualTo(NUD_STALE);
        assertThat(t.arpFlags()).isEqualTo(Neighbour.ATF_COM);
    }

    @Test
    void arpSet_offLink_isNetworkUnreachable() {
        assertThatThrownBy(() -> a.arp().reqSet(ip("192.0.2.9"), null, mac("02:00:00:00:00:09"), true))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH));
    }

    @Test
    void arpDelete_removesAnyEntry_andReportsMissing() throws KernelException {
        table.replace(ip("10.0.0.7"), eth0, mac("02:00:00:00:00:07"), NUD_REACHABLE);
        assertThat(a.arp().reqDelete(ip("10.0.0.7"), null)).isTrue();
        assertThat(table.entries()).isEmpty();
        assertThat(a.arp().reqDelete(ip("10.0.0.7"), null)).isFalse();
    }

    // ---- what ip neigh show / ip -s neigh / arp -n read

    @Test
    void entries_newestFirst() throws KernelException {
        for (int i = 11; i <= 14; i++) {
            table.add(ip("10.0.0." + i), eth0, mac("02:00:00:00:00:" + i), NUD_PERMANENT);
        }
        assertThat(table.entries()).extracting(n -> n.address().toString())
                .containsExactly("10.0.0.14", "10.0.0.13", "10.0.0.12", "10.0.0.11");
    }

    @Test
    void statistics_asIpDashSNeighShowsThem() throws KernelException {
        // 6.18: "ref 1 used 0/0/0probes 4 REACHABLE" after a first resolution;
        // STALE entries have no timer, hence no "ref"
        Host b = lab.host("b");
        NetDevice bEth = lab.nic(b, "eth0", "02:00:00:00:00:02");
        addr(bEth, "10.0.0.2/24");
        ArpLab.ping(a, "10.0.0.2");
        lab.runMs(1);
        Neighbour n = table.lookup(ip("10.0.0.2"), eth0).orElseThrow();
        assertThat(n.refCount()).isEqualTo(1);
        assertThat(n.probes()).isEqualTo(4);
        assertThat(n.used()).isEqualTo(n.confirmed());
        Neighbour atB = b.neigh().lookup(ip("10.0.0.1"), bEth).orElseThrow();
        table.replace(ip("10.0.0.2"), eth0, null, NUD_STALE);
        assertThat(n.refCount()).isZero();
        assertThat(atB.arpFlags()).isEqualTo(Neighbour.ATF_COM);
    }

    // ---- garbage collection

    @Test
    void gc_belowThresh1_keepsFailedEntriesForever() throws KernelException {
        for (int i = 0; i < 127; i++) {
            table.add(Ipv4Address.of(10, 0, 1, i), eth0, null, NUD_FAILED);
        }
        lab.runMs(3_600_000);
        assertThat(table.entries()).hasSize(127);
    }

    @Test
    void gc_atThresh1_removesFailedAndUnusedEntries() throws KernelException {
        table.add(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        table.replace(ip("10.0.0.8"), eth0, mac("02:00:00:00:00:08"), NUD_STALE);
        for (int i = 0; i < 126; i++) {
            table.add(Ipv4Address.of(10, 0, 1, i), eth0, null, NUD_FAILED);
        }
        // the periodic work runs every base_reachable_time/2 = 15 s
        lab.runMs(15_000);
        assertThat(table.entries()).extracting(Neighbour::address).containsExactly(ip("10.0.0.8"), ip("10.0.0.9"));
        // below gc_thresh1 again: the STALE entry outlives gc_stale_time
        lab.runMs(600_000);
        assertThat(table.entries()).hasSize(2);
    }

    @Test
    void gc_removesStaleEntryUnusedForGcStaleTime() throws KernelException {
        sysctl(a, "neigh/default/gc_thresh1", 2);
        table.replace(ip("10.0.0.8"), eth0, mac("02:00:00:00:00:08"), NUD_STALE);
        table.add(ip("10.0.0.9"), eth0, mac("02:00:00:00:00:09"), NUD_PERMANENT);
        lab.runMs(45_000);
        assertThat(table.entries()).hasSize(2);
        lab.runMs(15_000); // 60 s: used + gc_stale_time reached
        assertThat(table.entries()).extracting(Neighbour::address).containsExactly(ip("10.0.0.9"));
    }
}
