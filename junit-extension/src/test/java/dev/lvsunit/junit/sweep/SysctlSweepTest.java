package dev.lvsunit.junit.sweep;

import static dev.lvsunit.dsl.Sysctls.ARP_FILTER;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.sweep.Combination;
import dev.lvsunit.dsl.sweep.SweepSpace;
import dev.lvsunit.junit.DrTopology;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.Named;
import dev.lvsunit.junit.TestKitOnly;
import dev.lvsunit.engine.net.Ipv4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

class SysctlSweepTest {

    static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");

    @TestKitOnly
    @LvsTest(topology = DrTopology.class)
    static class FromACorrectBaseline {

        static SweepSpace space() {
            return SweepSpace.builder()
                    .vary(ARP_IGNORE, 0, 1, 2, 3, 8)
                    .vary(ARP_FILTER, 0, 1)
                    .on("all", "eth0")
                    .baseline(ARP_IGNORE.all(), 1)
                    .build();
        }

        @SysctlSweep(space = "space")
        void onlyTheDirectorAnswersForTheVip(Combination sysctls, @Named("rs1") Host rs1, @Named("director") Host director,
                                             Lab lab) {
            sysctls.applyTo(rs1);
            whoHasVip(lab);
            assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        }
    }

    static void whoHasVip(Lab lab) {
        var client = lab.host("client");
        var mac = client.eth0().mac();
        client.eth0().send(new dev.lvsunit.engine.packet.EthernetFrame(dev.lvsunit.engine.net.MacAddress.BROADCAST, mac,
                new dev.lvsunit.engine.packet.ArpPacket(dev.lvsunit.engine.packet.ArpPacket.REQUEST, mac,
                        Ipv4Address.parse("192.168.0.50"), dev.lvsunit.engine.net.MacAddress.ZERO, VIP)));
        lab.runFor(java.time.Duration.ofMillis(50));
    }

    static Events run(Class<?> type, Path dir) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("lvsunit.testkit", "true")
                .configurationParameter("lvsunit.output.dir", dir.toString())
                .selectors(selectClass(type))
                .execute().testEvents();
    }

    private static List<String> names(Events events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    @Test
    void onlyTheMinimalFailuresFailAndTheSummaryNamesThem(@TempDir Path dir) throws Exception {
        Events events = run(FromACorrectBaseline.class, dir);

        // 10 values on all x 10 on eth0 = 100 combinations, then the summary
        events.assertStatistics(s -> s.started(101));
        assertThat(names(events.failed())).containsExactly(
                "[2] all.arp_ignore=0", "[4] all.arp_ignore=3", "[8] eth0.arp_ignore=3", "minimal failing combinations");
        assertThat(events.aborted().count()).isEqualTo(events.started().count() - events.succeeded().count() - 4);
        Event aborted = events.aborted().stream().findFirst().orElseThrow();
        assertThat(aborted.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageStartingWith("fails, as the smaller combination ").hasMessageEndingWith(" does: not a minimal failure");
        Throwable summary = events.failed().stream().reduce((a, b) -> b).orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(summary.getMessage()).startsWith(events.failed().count() - 1 + events.aborted().count()
                + " of 100 combinations of all.arp_ignore [0, 1, 2, 3, 8] x eth0.arp_ignore [0, 1, 2, 3, 8] x "
                + "all.arp_filter [0, 1] x eth0.arp_filter [0, 1] fail; baseline all.arp_ignore=1 eth0.arp_ignore=0 "
                + "all.arp_filter=0 eth0.arp_filter=0\n"
                + "minimal failing combinations (no failing combination has a subset of their changes):\n"
                + "  all.arp_ignore=0\n"
                + "  all.arp_ignore=3\n"
                + "  eth0.arp_ignore=3\n"
                + "minimal passing combinations:\n"
                + "  baseline\n");
        Path table = dir.resolve(FromACorrectBaseline.class.getName() + ".onlyTheDirectorAnswersForTheVip.sweep.md");
        assertThat(Files.readString(table)).contains("| all.arp_ignore | eth0.arp_ignore | all.arp_filter | eth0.arp_filter | result |\n"
                + "|---|---|---|---|---|\n"
                + "| 1 | 0 | 0 | 0 | pass |\n"
                + "| 0 | 0 | 0 | 0 | FAIL, minimal |\n");
    }

    @TestKitOnly
    @LvsTest(topology = DrTopology.class)
    static class Declared {
        @SysctlSweep(on = {"all", "eth0"}, vary = @Vary(key = "arp_ignore", values = {0, 1}))
        void onlyTheDirectorAnswersForTheVip(Combination sysctls, @Named("rs1") Host rs1, @Named("director") Host director,
                                             Lab lab) {
            sysctls.applyTo(rs1);
            whoHasVip(lab);
            assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        }
    }

    @Test
    void aDeclaredSpaceStartsFromTheKernelDefaults(@TempDir Path dir) {
        Events events = run(Declared.class, dir);

        assertThat(names(events.started())).containsExactly("[1] baseline", "[2] all.arp_ignore=1",
                "[3] eth0.arp_ignore=1", "[4] all.arp_ignore=1 eth0.arp_ignore=1", "minimal failing combinations");
        assertThat(names(events.failed())).containsExactly("[1] baseline", "minimal failing combinations");
        assertThat(names(events.succeeded())).containsExactly("[2] all.arp_ignore=1", "[3] eth0.arp_ignore=1",
                "[4] all.arp_ignore=1 eth0.arp_ignore=1");
    }

    @LvsTest(topology = DrTopology.class)
    @SysctlSweep(on = {"all", "eth0"}, vary = @Vary(key = "arp_ignore", values = {1, 2, 8}))
    void aPassingSweepEndsWithAPassingSummary(Combination sysctls, @Named("rs1") Host rs1,
                                              @Named("director") Host director, Lab lab) {
        sysctls.applyTo(rs1);
        whoHasVip(lab);
        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        assertThat(sysctls.settings()).hasSize(2);
    }
}
