package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static dev.lvsunit.junit.assertions.LvsAssertions.eventually;
import static dev.lvsunit.samples.java.LvsDr.CLIENT;
import static dev.lvsunit.samples.java.LvsDr.VIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.ipvs.Scheduler;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.Named;
import dev.lvsunit.junit.assertions.LvsSoftAssertions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * lvsunit's AssertJ assertions: choose frames from the capture, then check
 * them; check ARP caches and IPVS tables; let the virtual clock run until
 * something holds. A failure names the frames or entries that matter.
 */
@LvsTest(topology = LvsDr.class)
class AssertionsTourTest {

    @Named
    Lab lab;
    @Named("client")
    Host client;
    @Named("director")
    Host director;
    @Named("rs1")
    Host rs1;
    @Named("rs2")
    Host rs2;

    @BeforeEach
    void aWorkingCluster() {
        LvsDr.hideTheVip(rs1);
        LvsDr.hideTheVip(rs2);
    }

    @Test
    void framesTellHowDirectRoutingWorks() {
        client.curl("http://192.168.0.101/");
        client.curl("http://192.168.0.101/");

        // only the director answers ARP for the VIP
        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        // the client sends its SYNs to the director's MAC...
        assertThat(lab.capture()).tcp().to(VIP).withTcpFlags(TcpSegment.SYN).sentBy(client.eth0())
                .allTo(director.eth0().mac());
        // ...which hands them on unchanged (still to the VIP) to a real server's MAC
        Set<?> realServers = Set.of(rs1.eth0().mac(), rs2.eth0().mac());
        assertThat(lab.capture()).tcp().to(VIP).sentBy(director.eth0()).isNotEmpty()
                .allMatch(f -> realServers.contains(f.frame().destination()), "go to a real server's MAC");
        // and the real servers answer the client directly, from the VIP
        assertThat(lab.capture()).tcp().from(VIP).to(CLIENT).noneFrom(director.eth0().mac());
        // no real server ever announced the VIP in an ARP request
        assertThat(lab.capture()).arpRequests().sentBy(rs1.eth0()).noneWithSenderIp(VIP);
    }

    @Test
    void arpCachesAndIpvsTables() {
        client.curl("http://192.168.0.101/");
        client.curl("http://192.168.0.101/");
        client.sleep(Duration.ofSeconds(1));

        assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(director.eth0()).inState(NudState.NUD_REACHABLE);
        // one connection each, closed: IPVS counts a connection as active only while ESTABLISHED
        assertThat(director.ipvs().table()).hasService(tcp(VIP, 80)).withScheduler(Scheduler.RR).hasRealServers(2)
                .hasRealServer("192.168.0.8").reachedBy(ForwardMethod.DROUTE).withActiveConnections(0)
                .withInactiveConnections(1);
    }

    @Test
    void softAssertionsReportEveryFailureAtOnce() {
        client.curl("http://192.168.0.101/");
        LvsSoftAssertions softly = new LvsSoftAssertions();

        softly.assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(rs1.eth0());   // wrong on purpose
        softly.assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(rs2.eth0());       // wrong on purpose
        softly.assertThat(director.ipvs().table()).hasService(tcp(VIP, 80)).hasRealServers(2);

        assertThat(softly.errorsCollected()).hasSize(2);
        assertThatThrownBy(softly::assertAll).hasMessageContaining("Multiple Failures (2 failures)");
    }

    @Test
    void eventuallyRunsTheVirtualClockNotTheWallClock() {
        client.ping(LvsDr.RS1);

        // REACHABLE lasts base_reachable_time (30 s) times a random 0.5 to 1.5: then STALE
        Duration took = eventually(lab).within(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.arpCache()).hasEntryFor(LvsDr.RS1).inState(NudState.NUD_STALE));

        assertThat(took).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(45));
    }
}
