package dev.lvsunit.dsl;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.dsl.Sysctls.PROMOTE_SECONDARIES;
import static dev.lvsunit.dsl.Sysctls.RP_FILTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.engine.EngineBackend;
import dev.lvsunit.tools.spi.Commands;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A lab's transcript, replayed by {@link SpecRunner} on the engine, builds the
 * same world: the test ends each scenario by printing every host's state
 * (addresses, routes, neighbours, the sysctls it touched) with commands, and
 * the replay must print the same, byte for byte.
 */
class TranscriptReplayTest {

    private static final List<String> STATE_COMMANDS = List.of(
            "ip addr show", "ip route show table all", "ip neigh show");

    @BeforeEach
    void theToolsExist() {
        assumeTrue(Commands.all().keySet().containsAll(List.of("ip", "sysctl")),
                "the ip and sysctl tools have not landed yet");
    }

    private static void dumpState(Lab lab) {
        for (Host h : lab.hosts()) {
            for (String command : STATE_COMMANDS) {
                h.run(command).orThrow();
            }
            for (String key : List.of("all", "eth0", "lo", "default")) {
                for (String entry : List.of("arp_ignore", "arp_announce", "rp_filter", "promote_secondaries")) {
                    h.run("cat /proc/sys/net/ipv4/conf/" + key + "/" + entry);
                }
            }
        }
    }

    private static void assertReplays(Lab lab) {
        SpecResult result = new SpecRunner(new EngineBackend()).run(lab.transcript().toSpec("lab.lvs"));
        assertThat(result.passed()).as("%s%n--- transcript:%n%s", result.report(), lab.transcript().render()).isTrue();
    }

    @Test
    void anLvsDrClusterReplays() {
        Lab lab = Lab.create();
        Host client = lab.host("client");
        Host director = lab.host("director");
        Host rs1 = lab.host("rs1");
        Host rs2 = lab.host("rs2");
        lab.lan("net0", client, director.eth0(), rs1, rs2.eth0().withMac("00:16:3e:0a:0b:0c"));
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        for (Host rs : List.of(rs1, rs2)) {
            rs.eth0().add(rs == rs1 ? "192.168.0.8/24" : "192.168.0.9/24");
            rs.lo().add(addr("192.168.0.101/32").label("lo:0").scope(RtScope.HOST));
            rs.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.all(), 2).sysctl(ARP_IGNORE.on("eth0"), 1);
        }
        client.eth0().add(addr("192.168.0.50/24").broadcast("192.168.0.255"));
        client.arping("192.168.0.101");
        client.ping("192.168.0.101");
        client.ping("192.168.0.8");
        dumpState(lab);

        assertReplays(lab);
    }

    @Test
    void anIpvsClusterWithTrafficReplays() {
        Lab lab = IpvsTest.cluster();
        var web = lab.host("director").ipvs().add(dev.lvsunit.dsl.ipvs.Service.tcp("192.168.0.101", 80)
                .scheduler(dev.lvsunit.dsl.ipvs.Scheduler.WRR).persistent());
        web.add(dev.lvsunit.dsl.ipvs.RealServer.realServer("192.168.0.8").weight(3))
                .add(dev.lvsunit.dsl.ipvs.RealServer.realServer("192.168.0.9"));
        lab.host("client").curl("http://192.168.0.101/");
        web.edit(dev.lvsunit.dsl.ipvs.RealServer.realServer("192.168.0.8").weight(0));
        lab.host("client").curl("http://192.168.0.101/");
        lab.host("director").run("ipvsadm -L -n");
        lab.host("director").run("ipvsadm -L -n -c");
        dumpState(lab);

        assertReplays(lab);
    }

    @Test
    void deletingFlushingAndLinkChangesReplay() {
        Lab lab = Lab.create();
        Host a = lab.host("a");
        Host b = lab.host("b");
        lab.lan("net0", a, b);
        lab.lan("net1", a.nic("eth1"), b.nic("eth1"));
        a.eth0().add("10.0.0.1/24").add("10.0.0.2/24").add("10.0.0.3/24");
        a.sysctl(PROMOTE_SECONDARIES.on("eth0"), 1);
        a.eth0().delete("10.0.0.1/24");
        a.nic("eth1").add("10.1.0.1/16").add(addr("10.1.0.9/16").label("eth1:9")).flush();
        b.eth0().add("10.0.0.9/24");
        b.nic("eth1").down().up().setMac("02:aa:00:00:00:01");
        b.sysctl(RP_FILTER.defaults(), 2);
        b.addRoute(Route.route("default").via("10.0.0.2"));
        a.addRoute(Route.route("10.9.0.0/16").via("10.0.0.9").metric(5));
        a.addRoute(Route.route("10.8.0.0/16").type(dev.lvsunit.engine.ipv4.RouteType.BLACKHOLE));
        try {
            a.addRoute(Route.route("10.9.0.0/16").via("10.0.0.9").metric(5));
        } catch (CommandFailedException expected) {
            // RTNETLINK answers: File exists
        }
        a.deleteRoute(Route.route("10.8.0.0/16").type(dev.lvsunit.engine.ipv4.RouteType.BLACKHOLE));
        b.ping("10.0.0.2");
        b.sleep(java.time.Duration.ofSeconds(40));
        dumpState(lab);

        assertReplays(lab);
    }

    /** Random labs: whatever the DSL builds, its transcript builds too. */
    @RepeatedTest(30)
    void randomLabsReplay(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        Lab lab = Lab.create();
        int hostCount = 2 + random.nextInt(3);
        Host[] hosts = new Host[hostCount];
        for (int i = 0; i < hostCount; i++) {
            hosts[hostCount - 1 - i] = lab.host("h" + i);
        }
        lab.lan("net0", hosts);
        for (int step = 0; step < 12; step++) {
            Host h = hosts[random.nextInt(hostCount)];
            int octet = 1 + random.nextInt(20);
            try {
                switch (random.nextInt(7)) {
                    case 0 -> h.eth0().add("10.0.0." + octet + "/24");
                    case 1 -> h.lo().add(addr("10.0.0." + (100 + octet) + "/32").label("lo:" + octet));
                    case 2 -> h.eth0().delete("10.0.0." + octet + "/24");
                    case 3 -> h.sysctl(ARP_IGNORE.on(random.nextBoolean() ? "all" : "eth0"), random.nextInt(9));
                    case 4 -> h.sysctl(ARP_ANNOUNCE.on(random.nextBoolean() ? "all" : "eth0"), random.nextInt(3));
                    case 5 -> h.ping("10.0.0." + octet);
                    default -> h.sleep(java.time.Duration.ofMillis(random.nextInt(5000)));
                }
            } catch (CommandFailedException expected) {
                // a refused step is in the transcript too, with its error
            }
        }
        dumpState(lab);

        assertReplays(lab);
    }
}
