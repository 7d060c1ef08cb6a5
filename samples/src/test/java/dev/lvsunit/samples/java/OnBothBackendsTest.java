package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.BASE_REACHABLE_TIME_MS;
import static dev.lvsunit.dsl.Sysctls.DELAY_FIRST_PROBE_TIME;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static dev.lvsunit.samples.java.LvsDr.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Lan;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.kernel.AlsoOnLinux;
import dev.lvsunit.junit.kernel.LinuxReplay;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Every Java test can also be a check that the engine is Linux. With
 * {@code @AlsoOnLinux}, each test first runs as usual on the engine; once it
 * has passed, everything its lab did (the transcript a person would have
 * typed) is replayed on real Linux hosts: a network namespace per host, a
 * bridge per segment. If Linux prints anything else for any command, the test
 * fails with that command's diff ({@code -} the engine, {@code +} Linux).
 *
 * <p>It needs root. Without it, or without network namespaces, the tests are
 * reported as skipped, with the reason, after passing on the engine; a lab
 * that runs {@code ipvsadm} is skipped the same way on a kernel without the
 * ip_vs module.
 */
@LvsTest
@AlsoOnLinux
class OnBothBackendsTest {

    /**
     * The LVS-DR property of {@link OnlyTheDirectorAnswersForTheVipTest}, the
     * real server's VIP hidden by the HOWTO's sysctls. On Linux too, only the
     * director answers, the director learns the client's MAC from the request
     * (STALE), and the same two frames cross the segment.
     */
    @Test
    void onlyTheDirectorAnswersForTheVip(Lab lab) {
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        Lan net0 = lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(addr(VIP + "/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr(VIP + "/32").label("lo:0"));
        LvsDr.hideTheVip(rs1);
        client.eth0().add("192.168.0.50/24");

        client.arping(VIP.toString());

        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        assertThat(director.run("ip neigh show").output())
                .contains("192.168.0.50 dev eth0 lladdr 02:00:00:00:01:01 STALE");
        lab.tcpdump(net0, "-e", "arp");
    }

    /**
     * Waiting for time to pass, on both clocks. An entry nobody uses goes from
     * REACHABLE to STALE when reachable_time runs out, a time the kernel
     * draws at random from [base/2, 3*base/2): 1.25 s to 3.75 s here. The
     * engine runs its virtual clock to the instant it happens; in the replay,
     * Awaitility polls {@code ip neigh show} on the real host until it does,
     * instead of sleeping the engine's time, which Linux's own draw would not
     * match.
     */
    @Test
    void anUnusedEntryGoesStaleWhenReachableTimeRunsOut(Lab lab, LinuxReplay linux) {
        Host client = lab.host("client"), director = lab.host("director");
        lab.lan("net0", client, director);
        director.eth0().add("192.168.0.2/24");
        client.eth0().add("192.168.0.50/24");
        client.sysctl(BASE_REACHABLE_TIME_MS.on(client.eth0()), 2500)
                .sysctl(DELAY_FIRST_PROBE_TIME.on(client.eth0()), 1);

        client.ping("192.168.0.2");
        assertThat(client.arpCache()).hasEntryFor("192.168.0.2").inState(NudState.NUD_REACHABLE);

        linux.eventually(client, "ip neigh show 192.168.0.2").atMost(Duration.ofSeconds(10))
                .untilAsserted(entry -> assertThat(entry).contains(" STALE"));

        assertThat(lab.now()).isBetween(Duration.ofMillis(1250), Duration.ofMillis(3750 + 500));
    }
}
