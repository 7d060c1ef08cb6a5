package dev.lvsunit.junit;

import static dev.lvsunit.junit.DrTopology.VIP;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lvsunit.dsl.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

class FailureEvidenceTest {

    @TestKitOnly
    @LvsTest(topology = DrTopology.class)
    static class BrokenDr {
        @Test
        void onlyTheDirectorAnswersForTheVip(Lab lab) {
            DrTopology.whoHas(lab, VIP);
            assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(lab.host("director").eth0());
        }
    }

    static Throwable failureOf(Class<?> testClass, Path outputDir) {
        List<Throwable> failures = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("lvsunit.testkit", "true")
                .configurationParameter("lvsunit.output.dir", outputDir.toString())
                .selectors(selectClass(testClass))
                .execute()
                .testEvents().failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
        assertThat(failures).hasSize(1);
        return failures.get(0);
    }

    private static final String REPLY_FROM_RS1 = "00:00:00.250020 02:00:00:00:03:01 > 02:00:00:00:01:01, "
            + "ethertype ARP (0x0806), length 42: Reply 192.168.0.101 is-at 02:00:00:00:03:01, length 28";
    private static final String REPLY_FROM_DIRECTOR = "00:00:00.250020 02:00:00:00:02:01 > 02:00:00:00:01:01, "
            + "ethertype ARP (0x0806), length 42: Reply 192.168.0.101 is-at 02:00:00:00:02:01, length 28";
    private static final String REQUEST = "00:00:00.250000 02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, "
            + "ethertype ARP (0x0806), length 42: Request who-has 192.168.0.101 tell 192.168.0.50, length 28";

    @Test
    void theFailureNamesTheFramesThatMatter(@TempDir Path dir) {
        Throwable failure = failureOf(BrokenDr.class, dir);

        assertThat(failure).hasMessage("Expecting ARP replies for 192.168.0.101 to come only from "
                + "02:00:00:00:02:01 (director:eth0), but 1 of 2 came from elsewhere:\n"
                + "  " + REPLY_FROM_RS1 + "  (rs1:eth0 on net0)\n"
                + "all ARP replies for 192.168.0.101:\n"
                + "  " + REPLY_FROM_RS1 + "  (rs1:eth0 on net0)\n"
                + "  " + REPLY_FROM_DIRECTOR + "  (director:eth0 on net0)\n");
    }

    @Test
    void aFailureCarriesEveryFrameAndTheTestAsATranscript(@TempDir Path dir) {
        Throwable failure = failureOf(BrokenDr.class, dir);

        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(NetworkEvidence.class);
        String evidence = failure.getSuppressed()[0].getMessage();
        assertThat(evidence)
                .contains("lvsunit: every frame of the test (tcpdump -n -e; 3 frames, virtual time 00:00:00.300000 "
                        + "at the failure)\n"
                        + "  " + REQUEST + "  (client:eth0 on net0)\n"
                        + "  " + REPLY_FROM_RS1 + "  (rs1:eth0 on net0)\n"
                        + "  " + REPLY_FROM_DIRECTOR + "  (director:eth0 on net0)\n")
                .contains("lvsunit: the test as a spec transcript (inexact):\n"
                        + "  @lan net0 client director rs1\n"
                        + "  director# ip addr add 192.168.0.2/24 dev eth0\n");
        assertThat(failure.getSuppressed()[0].getStackTrace()).isEmpty();
    }

    @Test
    void theCaptureIsWrittenAsAPcapThatTcpdumpReads(@TempDir Path dir) throws Exception {
        failureOf(BrokenDr.class, dir);

        Path pcap = dir.resolve(BrokenDr.class.getName() + ".onlyTheDirectorAnswersForTheVip.net0.pcap");
        Path lvs = dir.resolve(BrokenDr.class.getName() + ".onlyTheDirectorAnswersForTheVip.lvs");
        assertThat(lvs).content().startsWith("@lan net0 client director rs1\n");
        assertThat(tcpdumpRead(pcap)).endsWith(REQUEST + "\n" + REPLY_FROM_RS1 + "\n" + REPLY_FROM_DIRECTOR + "\n");
    }

    @TestKitOnly
    @LvsTest(topology = DrTopology.class)
    static class AbortedDr {
        @Test
        void aborts(Lab lab) {
            DrTopology.whoHas(lab, VIP);
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "not today");
        }

        @Test
        void passes(Lab lab) {
            DrTopology.whoHas(lab, VIP);
        }
    }

    @Test
    void passingAndAbortedTestsWriteNothing(@TempDir Path dir) throws IOException {
        var events = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("lvsunit.testkit", "true")
                .configurationParameter("lvsunit.output.dir", dir.toString())
                .selectors(selectClass(AbortedDr.class))
                .execute().testEvents();

        events.assertStatistics(stats -> stats.succeeded(1).aborted(1).failed(0));
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    static String tcpdumpRead(Path pcap) throws IOException, InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tcpdump"))
                || Files.isExecutable(Path.of("/usr/sbin/tcpdump")), "tcpdump is not installed");
        ProcessBuilder pb = new ProcessBuilder("tcpdump", "-n", "-e", "-r", pcap.toString()).redirectErrorStream(true);
        pb.environment().put("TZ", "UTC");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
