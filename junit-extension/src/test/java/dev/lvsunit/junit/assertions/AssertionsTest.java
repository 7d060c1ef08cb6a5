package dev.lvsunit.junit.assertions;

import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static dev.lvsunit.junit.assertions.LvsAssertions.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Sysctls;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.socket.PingSocket;
import java.time.Duration;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;

class AssertionsTest {

    private static final Ipv4Address VIP = Ipv4Address.parse("192.168.0.101");

    private static Lab lab() {
        Lab lab = Lab.create();
        Host client = lab.host("client");
        Host director = lab.host("director");
        Host rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);
        director.eth0().add("192.168.0.2/24").add(dev.lvsunit.dsl.Addr.addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(dev.lvsunit.dsl.Addr.addr("192.168.0.101/32").label("lo:0"));
        client.eth0().add("192.168.0.50/24");
        return lab;
    }

    private static void whoHasVip(Lab lab) {
        Host client = lab.host("client");
        MacAddress mac = client.eth0().mac();
        client.eth0().send(new EthernetFrame(MacAddress.BROADCAST, mac, new ArpPacket(ArpPacket.REQUEST, mac,
                Ipv4Address.parse("192.168.0.50"), MacAddress.ZERO, VIP)));
        lab.runFor(Duration.ofMillis(50));
    }

    /** One echo request from the client, as ping's socket sends it: the kernel resolves the VIP first. */
    private static void pingVip(Lab lab) throws KernelException {
        PingSocket socket = lab.host("client").engine().icmp().openSocket();
        socket.send(VIP, Ipv4Address.ANY, null, 1, 56);
        lab.runFor(Duration.ofMillis(50));
    }

    @Test
    void allFromPassesWhenOnlyThatMacAnswers() {
        Lab lab = lab();
        lab.host("rs1").sysctl(Sysctls.ARP_IGNORE.all(), 1);
        whoHasVip(lab);

        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(lab.host("director").eth0()).hasSize(1);
        assertThat(lab.capture()).arpReplies().forTarget(VIP).noneFrom(lab.host("rs1").eth0());
        assertThat(lab.capture()).arpRequests().forTarget(VIP).allFrom(lab.host("client").eth0())
                .allTo(MacAddress.BROADCAST);
    }

    @Test
    void allFromRefusesAnEmptySelection() {
        Lab lab = lab();

        assertThatThrownBy(() -> assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(MacAddress.parse("02:00:00:00:02:01")))
                .hasMessage("Expecting ARP replies for 192.168.0.101 to come only from 02:00:00:00:02:01, but there were none");
    }

    @Test
    void isEmptyQuotesTheFrames() {
        Lab lab = lab();
        whoHasVip(lab);

        assertThatThrownBy(() -> assertThat(lab.capture()).arpReplies().sentBy(lab.host("rs1").eth0()).isEmpty())
                .hasMessage("Expecting no ARP replies sent by rs1:eth0, but there was 1:\n"
                        + "  00:00:00.250020 02:00:00:00:03:01 > 02:00:00:00:01:01, ethertype ARP (0x0806), length 42: "
                        + "Reply 192.168.0.101 is-at 02:00:00:00:03:01, length 28  (rs1:eth0 on net0)\n");
    }

    @Test
    void arpCacheAssertionsShowTheCache() throws KernelException {
        Lab lab = lab();
        lab.host("rs1").sysctl(Sysctls.ARP_IGNORE.all(), 1);
        pingVip(lab);
        Host client = lab.host("client");

        assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(lab.host("director").eth0())
                .inState(NudState.NUD_REACHABLE).onDevice("eth0");
        assertThatThrownBy(() -> assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(lab.host("rs1").eth0()))
                .hasMessage("Expecting the entry for 192.168.0.101 to be at 02:00:00:00:03:01 (rs1:eth0), "
                        + "but it is 192.168.0.101 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE");
        assertThatThrownBy(() -> assertThat(client.arpCache()).hasEntryFor("192.168.0.8"))
                .hasMessage("Expecting client's ARP cache to have an entry for 192.168.0.8, but it has:\n"
                        + "  192.168.0.101 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE\n");
    }

    @Test
    void routeLookupsReadAsIpRouteGet() {
        Lab lab = lab();
        Host rs1 = lab.host("rs1");
        rs1.addRoute(dev.lvsunit.dsl.Route.route("default").via("192.168.0.2"));

        assertThat(rs1.routeTo("192.168.0.50")).goesOut("eth0").from("192.168.0.8").via("192.168.0.50");
        assertThat(rs1.routeTo("10.1.2.3")).goesOut("eth0").via("192.168.0.2");
        assertThat(rs1.routeTo("192.168.0.101")).goesOut("lo");
        assertThat(lab.host("client").routeTo("10.1.2.3")).isUnreachable();
        assertThatThrownBy(() -> assertThat(lab.host("client").routeTo("10.1.2.3")).goesOut("eth0"))
                .hasMessage("Expecting client to have a route to 10.1.2.3, but the lookup fails with ENETUNREACH");
    }

    @Test
    void softAssertionsCollectEveryFailureEvenThroughNavigation() {
        Lab lab = lab();
        whoHasVip(lab);
        LvsSoftAssertions softly = new LvsSoftAssertions();

        softly.assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(lab.host("director").eth0()).hasSize(1);
        softly.assertThat(lab.capture()).arpRequests().hasSize(1);
        softly.assertThat(lab.host("client").arpCache()).hasNoEntryFor(VIP);

        assertThat(softly.errorsCollected()).hasSize(2);
        assertThat(softly.errorsCollected().get(0)).hasMessageStartingWith(
                "Expecting ARP replies for 192.168.0.101 to come only from 02:00:00:00:02:01 (director:eth0), but 1 of 2");
        assertThat(softly.errorsCollected().get(1)).hasMessageStartingWith("Expecting 1 ARP replies for 192.168.0.101, but there were 2");
        assertThatThrownBy(softly::assertAll).isInstanceOf(AssertJMultipleFailuresError.class);
    }

    @Test
    void eventuallyRunsTheVirtualClockUntilTheAssertionHolds() throws KernelException {
        Lab lab = lab();
        lab.host("rs1").sysctl(Sysctls.ARP_IGNORE.all(), 1);
        pingVip(lab);
        Host client = lab.host("client");
        Duration start = lab.now();

        // base_reachable_time 30 s: REACHABLE lasts 15 to 45 s (random), then STALE
        Duration took = eventually(lab).within(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(client.arpCache()).hasEntryFor(VIP).inState(NudState.NUD_STALE));

        assertThat(took).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(46));
        assertThat(lab.now()).isEqualTo(start.plus(took));
        assertThat(lab.transcript().render()).containsPattern("client# sleep [0-9.]+\n$");
    }

    @Test
    void eventuallyFailsAtTheDeadlineWithTheLastFailure() throws KernelException {
        Lab lab = lab();
        pingVip(lab);
        Host client = lab.host("client");

        assertThatThrownBy(() -> eventually(lab).within(Duration.ofSeconds(5)).pollEvery(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(client.arpCache()).hasNoEntryFor(VIP)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("not satisfied within 5 s of virtual time (checked 6 times from 00:00:00.300000 "
                        + "to 00:00:05.300000); the last failure:\nExpecting client's ARP cache to have no entry for 192.168.0.101")
                .hasCauseInstanceOf(AssertionError.class);
    }
}
