package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_FILTER;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.dsl.ipvs.RealServer.realServer;
import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static dev.lvsunit.samples.java.LvsDr.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Topology;
import dev.lvsunit.dsl.sweep.Combination;
import dev.lvsunit.dsl.sweep.SweepResults;
import dev.lvsunit.dsl.sweep.SweepSpace;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.Named;
import dev.lvsunit.junit.sweep.SysctlSweep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Goal (b): which ARP settings on a real server keep LVS-DR working? Every
 * combination of arp_ignore {0,1,2,3,8}, arp_announce {0,1,2} and arp_filter
 * {0,1}, on {@code all} and on {@code eth0}: 30 x 30 = 900 networks, each
 * built, probed and checked in a few milliseconds.
 *
 * <p>The property, what "working" means for direct routing: the client's ARP
 * request for the VIP is answered by the director alone, a web request to
 * the VIP is served, and afterwards the client still sends to the director's
 * MAC, which a real server replying from the VIP has not stolen with an ARP
 * request carrying the VIP.
 *
 * <p>A sweep reports minimal combinations: the ones with no smaller
 * combination (fewer changes from the baseline) of the same outcome.
 */
class ArpSysctlSweepTest {

    /** One director, one real server, no ARP settings. */
    static final Topology CLUSTER = lab -> {
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        director.ipvs().add(tcp(VIP, 80)).add(realServer("192.168.0.8"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
        rs1.serve(80, "hello from rs1");
        client.eth0().add("192.168.0.50/24");
    };

    /** The property, on a cluster whose real server has had its settings applied. */
    static void directRoutingWorks(Lab lab) {
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        client.arping("192.168.0.101");
        assertThat(client.curl("http://192.168.0.101/").output()).isEqualTo("hello from rs1\n");
        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        assertThat(lab.capture()).arp().sentBy(rs1.eth0()).noneWithSenderIp(VIP);
        assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(director.eth0());
    }

    static SweepResults sweep(SweepSpace space) {
        return SweepResults.run(space, combination -> {
            Lab lab = Lab.of(CLUSTER);
            combination.applyTo(lab.host("rs1"));
            directRoutingWorks(lab);
        });
    }

    static SweepSpace.Builder everyArpSetting() {
        return SweepSpace.builder()
                .vary(ARP_IGNORE, 0, 1, 2, 3, 8)
                .vary(ARP_ANNOUNCE, 0, 1, 2)
                .vary(ARP_FILTER, 0, 1)
                .on("all", "eth0");
    }

    private static void writeTable(String name, SweepResults results) throws IOException {
        Path dir = Path.of("target", "lvsunit");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), "```\n" + results.summary() + "```\n\n" + results.table());
    }

    /**
     * From the LVS HOWTO's settings (arp_ignore=1, arp_announce=2 on all), the
     * single changes that break direct routing. Surprises: arp_ignore=3,
     * which blogs list as an option, does not hide a VIP of scope global;
     * arp_ignore=8 hides the real server's own address too, so the director
     * cannot hand it a packet; on eth0 both break the setup even with all=1,
     * because the kernel takes the larger of the two. arp_announce=1 leaks the
     * VIP, which lies in the real server's subnet. arp_filter never matters here.
     */
    @Test
    void theSmallestChangesThatBreakTheHowtoSettings() throws IOException {
        SweepSpace space = everyArpSetting().baseline(ARP_IGNORE.all(), 1).baseline(ARP_ANNOUNCE.all(), 2).build();

        SweepResults results = sweep(space);
        writeTable("arp-sweep-from-the-howto", results);

        assertThat(results.outcomes()).hasSize(900);
        assertThat(results.minimalFailures()).extracting(Combination::label).containsExactlyInAnyOrder(
                "all.arp_ignore=0", "all.arp_ignore=3", "all.arp_ignore=8",
                "eth0.arp_ignore=3", "eth0.arp_ignore=8",
                "all.arp_announce=0", "all.arp_announce=1");
    }

    /**
     * From a freshly booted kernel, where direct routing is broken, the
     * smallest settings that make it work: arp_ignore 1 or 2 and arp_announce
     * 2, each on all or on eth0 (the kernel takes the larger).
     */
    @Test
    void theSmallestSettingsThatFixAFreshKernel() {
        SweepResults results = sweep(everyArpSetting().build());

        assertThat(results.minimalFailures()).extracting(Combination::label).containsExactly("baseline");
        assertThat(results.minimalPasses()).extracting(Combination::label).containsExactlyInAnyOrder(
                "all.arp_ignore=1 all.arp_announce=2", "all.arp_ignore=1 eth0.arp_announce=2",
                "all.arp_ignore=2 all.arp_announce=2", "all.arp_ignore=2 eth0.arp_announce=2",
                "eth0.arp_ignore=1 all.arp_announce=2", "eth0.arp_ignore=1 eth0.arp_announce=2",
                "eth0.arp_ignore=2 all.arp_announce=2", "eth0.arp_ignore=2 eth0.arp_announce=2");
    }

    /**
     * The broken variant: the HOWTO's sweep as a report. This summary is the
     * message a {@code @SysctlSweep} test fails with when combinations fail.
     */
    @Test
    void theSummaryOfAFailingSweepNamesTheMinimalFailures() {
        SweepSpace space = SweepSpace.builder().vary(ARP_IGNORE, 0, 1, 3).on("all", "eth0")
                .vary(ARP_ANNOUNCE.all(), 2)
                .baseline(ARP_IGNORE.all(), 1).baseline(ARP_ANNOUNCE.all(), 2).build();

        assertThat(sweep(space).summary()).isEqualTo("""
                6 of 9 combinations of all.arp_ignore [0, 1, 3] x eth0.arp_ignore [0, 1, 3] x \
                all.arp_announce [2] fail; baseline all.arp_ignore=1 eth0.arp_ignore=0 all.arp_announce=2
                minimal failing combinations (no failing combination has a subset of their changes):
                  all.arp_ignore=0
                  all.arp_ignore=3
                  eth0.arp_ignore=3
                minimal passing combinations:
                  baseline
                """);
    }

    static SweepSpace onEth0() {
        return SweepSpace.builder()
                .vary(ARP_IGNORE, 0, 1, 2)
                .vary(ARP_ANNOUNCE, 0, 1, 2)
                .vary(ARP_FILTER, 0, 1)
                .on("eth0")
                .build();
    }

    /**
     * The same check as a JUnit sweep: one test per combination, named by its
     * settings. With the HOWTO settings on {@code all}, no value of these on
     * eth0 breaks direct routing (arp_ignore=3 would: see above).
     */
    @LvsTest
    @SysctlSweep(space = "onEth0")
    void withTheHowtoSettingsOnAllNothingButArpIgnore3OnEth0BreaksIt(Combination eth0, Lab lab,
                                                                      @Named("rs1") Host rs1) {
        lab.with(CLUSTER);
        LvsDr.hideTheVip(rs1);
        eth0.applyTo(rs1);

        directRoutingWorks(lab);
    }
}
