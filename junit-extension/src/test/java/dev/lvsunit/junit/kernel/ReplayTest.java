package dev.lvsunit.junit.kernel;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.dsl.Sysctls.BASE_REACHABLE_TIME_MS;
import static dev.lvsunit.dsl.Sysctls.DELAY_FIRST_PROBE_TIME;
import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.CommandResult;
import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The replay and its failure message, against a {@link FakeLinux}: no root
 * needed.
 */
class ReplayTest {

    static final String ARPING = "client# arping -c 1 -I eth0 192.168.0.101";

    @Test
    void linuxIsAskedForEveryCommandOfTheTranscriptInOrder() {
        Lab lab = dr();
        FakeLinux linux = FakeLinux.like(lab);

        new LinuxReplay(lab, linux.machine()).assertSameOnLinux();

        assertThat(linux.requests).containsExactly(
                "@lan net0 client:eth0=02:00:00:00:01:01 director:eth0=02:00:00:00:02:01 rs1:eth0=02:00:00:00:03:01",
                "director# ip addr add 192.168.0.2/24 dev eth0",
                "director# ip addr add 192.168.0.101/32 dev eth0 label eth0:0",
                "rs1# ip addr add 192.168.0.8/24 dev eth0",
                "rs1# ip addr add 192.168.0.101/32 dev lo label lo:0",
                "rs1# sysctl -w net.ipv4.conf.all.arp_ignore=1",
                "rs1# sysctl -w net.ipv4.conf.all.arp_announce=2",
                "client# ip addr add 192.168.0.50/24 dev eth0",
                ARPING,
                "@tcpdump net0 -e arp",
                "close");
    }

    @Test
    void volatileFieldsMayDifferButNothingElse() {
        Lab lab = dr();
        FakeLinux linux = FakeLinux.like(lab).when(ARPING, """
                ARPING 192.168.0.101 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.734ms
                Sent 1 probes (1 broadcast(s))
                Received 1 response(s)
                """);

        new LinuxReplay(lab, linux.machine()).assertSameOnLinux();

        assertThat(linux.runs(ARPING)).isOne();
    }

    @Test
    void aCommandThatPrintsSomethingElseOnLinuxFailsTheTestWithItsDiffAndTheTranscript() {
        Lab lab = dr();
        FakeLinux linux = FakeLinux.like(lab).when(ARPING, """
                ARPING 192.168.0.101 from 192.168.0.50 eth0
                Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.061ms
                Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  0.078ms
                Sent 1 probes (1 broadcast(s))
                Received 2 response(s)
                """);

        assertThatThrownBy(() -> new LinuxReplay(lab, linux.machine()).assertSameOnLinux())
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Linux disagrees with the engine: the test passed on the engine, but replayed on fake Linux \
                        hosts, 1 of 9 commands printed something else
                        (- what the engine printed, fields that vary between runs as globs; + what Linux printed)
                          lab.lvs:11: client# arping -c 1 -I eth0 192.168.0.101
                            --- engine
                            +++ linux
                            @@ -12,4 +1,5 @@
                             ARPING 192.168.0.101 from 192.168.0.50 eth0
                             Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  0.061ms
                            +Unicast reply from 192.168.0.101 [02:00:00:00:03:01]  0.078ms
                             Sent 1 probes (1 broadcast(s))
                            -Received 1 response(s)
                            +Received 2 response(s)
                        lvsunit: the transcript replayed on Linux:
                           1  @lan net0 client director rs1
                           2  director# ip addr add 192.168.0.2/24 dev eth0
                           3  director# ip addr add 192.168.0.101/32 dev eth0 label eth0:0
                           4  rs1# ip addr add 192.168.0.8/24 dev eth0
                           5  rs1# ip addr add 192.168.0.101/32 dev lo label lo:0
                           6  rs1# sysctl -w net.ipv4.conf.all.arp_ignore=1
                           7  net.ipv4.conf.all.arp_ignore = 1
                           8  rs1# sysctl -w net.ipv4.conf.all.arp_announce=2
                           9  net.ipv4.conf.all.arp_announce = 2
                          10  client# ip addr add 192.168.0.50/24 dev eth0
                          11  client# arping -c 1 -I eth0 192.168.0.101
                          12  ARPING 192.168.0.101 from 192.168.0.50 eth0
                          13  Unicast reply from 192.168.0.101 [02:00:00:00:02:01]  *ms (glob)
                          14  Sent 1 probes (1 broadcast(s))
                          15  Received 1 response(s)
                          16  @tcpdump net0 -e arp
                          17  ??:??:??.?????? 02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: \
                        Request who-has 192.168.0.101 (ff:ff:ff:ff:ff:ff) tell 192.168.0.50, length 28 (glob)
                          18  ??:??:??.?????? 02:00:00:00:02:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: \
                        Reply 192.168.0.101 is-at 02:00:00:00:02:01, length 28 (glob)
                        """);
    }

    @Test
    void anExitStatusThatDiffersIsADifferenceAndEveryDifferenceIsListedInFileOrder() {
        Lab lab = dr();
        FakeLinux linux = FakeLinux.like(lab)
                .when("rs1# sysctl -w net.ipv4.conf.all.arp_announce=2",
                        n -> new CommandOutcome("sysctl: setting key \"net.ipv4.conf.all.arp_announce\": "
                                + "Invalid argument\n", 255))
                .when("@tcpdump net0 -e arp", "");

        assertThatThrownBy(() -> new LinuxReplay(lab, linux.machine()).assertSameOnLinux())
                .hasMessageStartingWith("""
                        Linux disagrees with the engine: the test passed on the engine, but replayed on fake Linux \
                        hosts, 2 of 9 commands printed something else
                        (- what the engine printed, fields that vary between runs as globs; + what Linux printed)
                          lab.lvs:8: rs1# sysctl -w net.ipv4.conf.all.arp_announce=2
                            --- engine
                            +++ linux
                            @@ -9,1 +1,2 @@
                            -net.ipv4.conf.all.arp_announce = 2
                            +sysctl: setting key "net.ipv4.conf.all.arp_announce": Invalid argument
                            +[255]
                          lab.lvs:16: @tcpdump net0 -e arp
                            --- engine
                            +++ linux
                            @@ -17,2 +0,0 @@
                            -??:??:??.?????? 02:00:00:00:01:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: \
                        Request who-has 192.168.0.101 (ff:ff:ff:ff:ff:ff) tell 192.168.0.50, length 28 (glob)
                            -??:??:??.?????? 02:00:00:00:02:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: \
                        Reply 192.168.0.101 is-at 02:00:00:00:02:01, length 28 (glob)
                        lvsunit: the transcript replayed on Linux:
                        """);
    }

    @Test
    void aWaitPollsLinuxWhereTheEngineSleptAndTheRecordedCommandIsComparedAfterIt() {
        Lab lab = twoHosts();
        Host a = lab.host("a");
        a.ping("10.0.0.2");
        FakeLinux linux = FakeLinux.like(lab).when("a# ip neigh show 10.0.0.2", n -> new CommandOutcome(
                "10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 " + (n < 4 ? "REACHABLE" : "STALE") + " \n", 0));
        LinuxReplay replay = new LinuxReplay(lab, linux.machine());

        CommandResult stale = replay.eventually(a, "ip neigh show 10.0.0.2").pollInterval(Duration.ofMillis(5))
                .untilAsserted(out -> assertThat(out).contains(" STALE"));
        replay.assertSameOnLinux();

        assertThat(stale.output()).isEqualTo("10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE \n");
        // on the engine the wait is a sleep of reachable_time, drawn from [1.25 s, 3.75 s), then the command
        assertThat(lab.transcript().render()).containsPattern(
                "a# sleep [123]\\.\\d+\na# ip neigh show 10.0.0.2\n10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE\n$");
        // on Linux no sleep: three polls that fail, one that holds, then the recorded command
        assertThat(linux.requests).noneMatch(r -> r.startsWith("a# sleep"));
        assertThat(linux.runs("a# ip neigh show 10.0.0.2")).isEqualTo(5);
    }

    @Test
    void aWaitThatDoesNotComeTrueOnLinuxFailsWithTheLastOutputAndTheAssertion() {
        Lab lab = twoHosts();
        Host a = lab.host("a");
        a.ping("10.0.0.2");
        FakeLinux linux = FakeLinux.like(lab).when("a# ip neigh show 10.0.0.2",
                "10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE \n");
        LinuxReplay replay = new LinuxReplay(lab, linux.machine());
        replay.eventually(a, "ip neigh show 10.0.0.2").atMost(Duration.ofMillis(300))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(out -> assertThat(out).as("the entry").contains(" REACHABLE"));

        // (iproute2 ends a neighbour line with a space after the state; \s keeps it in a text block)
        assertThatThrownBy(replay::assertSameOnLinux).message()
                .startsWith("""
                        Linux disagrees with the engine: the test passed on the engine, but replayed on fake Linux \
                        hosts, 1 of 6 commands printed something else
                        (- what the engine printed, fields that vary between runs as globs; + what Linux printed)
                          lab.lvs:15: a# ip neigh show 10.0.0.2
                            waited for this command's output to satisfy the test's assertion: on the engine it did \
                        after 0 s of virtual time, on Linux not within 0.3 s (""")
                .containsPattern("not within 0\\.3 s \\(\\d+ polls in \\d\\.\\d+ s\\); the last output:\n")
                .contains("""
                        ); the last output:
                              10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE\s
                            the last failure:
                              [the entry]\s
                              Expecting actual:
                                "10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE\s
                              "
                              to contain:
                                " REACHABLE"
                          lab.lvs:15: a# ip neigh show 10.0.0.2
                            --- engine
                            +++ linux
                            @@ -16,1 +1,1 @@
                            -10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE
                            +10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE\s
                        lvsunit: the transcript replayed on Linux:
                        """);
    }

    @Test
    void aBackendThatFailsStopsTheReplayAndTheMessageSaysWhere() {
        Lab lab = twoHosts();
        Host a = lab.host("a");
        a.ping("10.0.0.2");
        FakeLinux linux = FakeLinux.like(lab).when("a# ip neigh show 10.0.0.2", n -> {
            throw new BackendException("kernel backend: a# ip neigh show 10.0.0.2 did not finish");
        });
        LinuxReplay replay = new LinuxReplay(lab, linux.machine());
        replay.eventually(a, "ip neigh show 10.0.0.2").untilAsserted(out -> assertThat(out).contains(" REACHABLE"));

        assertThatThrownBy(replay::assertSameOnLinux).hasMessageStartingWith("""
                Linux disagrees with the engine: the test passed on the engine, but its replay on fake Linux hosts \
                stopped
                (- what the engine printed, fields that vary between runs as globs; + what Linux printed)
                  lab.lvs:15: kernel backend: a# ip neigh show 10.0.0.2 did not finish
                lvsunit: the transcript replayed on Linux:
                   1  @lan net0 a b
                """);
        assertThat(linux.requests).endsWith("a# ip neigh show 10.0.0.2", "close");
    }

    @Test
    void aWaitPollsOnlyCommandsThatTakeNoTime() {
        Lab lab = twoHosts();
        LinuxReplay replay = new LinuxReplay(lab, FakeLinux.like(lab).machine());

        assertThatThrownBy(() -> replay.eventually(lab.host("a"), "ping -c 1 10.0.0.2")
                .untilAsserted(out -> assertThat(out).contains("1 received")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a wait polls a command that takes no time, but a# ping -c 1 10.0.0.2 let 80000 ns "
                        + "of virtual time pass");
    }

    @Test
    void withoutRootTheReplayIsSkippedWithTheReason() {
        Lab lab = dr();
        FakeLinux linux = FakeLinux.like(lab);
        Machine noRoot = new Machine(linux, "fake Linux hosts",
                Optional.of("@AlsoOnLinux needs root to build hosts from network namespaces (running as uid 1000)"),
                Optional.empty());

        assertThatThrownBy(() -> new LinuxReplay(lab, noRoot).assertSameOnLinux())
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("@AlsoOnLinux needs root to build hosts from network namespaces (running as uid 1000)");
        assertThat(linux.requests).isEmpty();
    }

    @Test
    void ipvsOnAKernelWithoutItIsSkippedNamingTheStep() {
        Lab lab = dr();
        lab.host("director").ipvs().add(tcp("192.168.0.101", 80));
        FakeLinux linux = FakeLinux.like(lab);
        Machine noIpvs = new Machine(linux, "fake Linux hosts", Optional.empty(),
                Optional.of("this kernel has no IPVS"));

        assertThatThrownBy(() -> new LinuxReplay(lab, noIpvs).assertSameOnLinux())
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("the lab configures IPVS (director# ipvsadm -A -t 192.168.0.101:80) "
                        + "and this kernel has no IPVS");
        assertThat(linux.requests).isEmpty();
    }

    @Test
    void aStepWithoutTranscriptFormIsSkippedBecauseLinuxCannotBeAskedTheSame() {
        Lab lab = twoHosts();
        lab.runFor(Duration.ofMillis(10));
        lab.host("a").run("ip neigh show");
        FakeLinux linux = FakeLinux.like(lab);

        assertThatThrownBy(() -> new LinuxReplay(lab, linux.machine()).assertSameOnLinux())
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("this test did something a transcript cannot replay, so Linux cannot be asked: "
                        + "the clock ran on for 10000000 ns here, which a transcript cannot express");
        assertThat(linux.requests).isEmpty();
    }

    @Test
    void aLabThatRanNoCommandAsksLinuxNothing() {
        Lab lab = Lab.create();
        lab.host("a");
        Machine noRoot = new Machine(new FakeLinux(), "fake Linux hosts", Optional.of("needs root"),
                Optional.empty());

        new LinuxReplay(lab, noRoot).assertSameOnLinux();
    }

    /** The LVS-DR cluster of the seed articles, the real server's VIP hidden, and a client asking for the VIP. */
    static Lab dr() {
        Lab lab = Lab.create();
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
        rs1.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.all(), 2);
        client.eth0().add("192.168.0.50/24");
        client.arping("192.168.0.101");
        lab.tcpdump(lab.lan("net0"), "-e", "arp");
        return lab;
    }

    /**
     * Two hosts; on {@code a} an unused REACHABLE entry goes STALE after
     * reachable_time, drawn from [1.25 s, 3.75 s), longer than
     * delay_first_probe_time (as conformance/neigh/reachable-to-stale.lvs).
     */
    static Lab twoHosts() {
        Lab lab = Lab.create();
        Host a = lab.host("a"), b = lab.host("b");
        lab.lan("net0", a, b);
        a.eth0().add("10.0.0.1/24");
        b.eth0().add("10.0.0.2/24");
        a.sysctl(BASE_REACHABLE_TIME_MS.on(a.eth0()), 2500).sysctl(DELAY_FIRST_PROBE_TIME.on(a.eth0()), 1);
        return lab;
    }
}
