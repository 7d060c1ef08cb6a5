package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.Route.route;
import static dev.lvsunit.dsl.Sysctls.ARP_ANNOUNCE;
import static dev.lvsunit.dsl.Sysctls.ARP_IGNORE;
import static dev.lvsunit.dsl.Sysctls.BASE_REACHABLE_TIME_MS;
import static dev.lvsunit.dsl.ipvs.RealServer.realServer;
import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.CommandFailedException;
import dev.lvsunit.dsl.CommandResult;
import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.ipvs.Scheduler;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.engine.EngineBackend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Start here. A {@link Lab} is a simulated network built from Java; each
 * call is one command a person would type, and the lab keeps the transcript
 * of them, with what each printed. That transcript is a spec: replayed by
 * lvsunit, it builds the same network and prints the same output, so every
 * Java test is also a runnable document.
 */
class DslTourTest {

    @Test
    void aNetworkFromJavaIsATranscript() {
        Lab lab = Lab.create();

        // @lan: hosts and one Ethernet segment; a host joins with eth0
        Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
        lab.lan("net0", client, director, rs1);

        // ip addr add, with labels and scopes as iproute2 takes them
        director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
        rs1.eth0().add("192.168.0.8/24");
        rs1.lo().add(addr("192.168.0.101/32").label("lo:0").scope(RtScope.HOST));
        client.eth0().add("192.168.0.50/24");

        // sysctl -w, with typed keys on all, default or an interface
        rs1.sysctl(ARP_IGNORE.all(), 1).sysctl(ARP_ANNOUNCE.on(rs1.eth0()), 2);
        client.sysctl(BASE_REACHABLE_TIME_MS.on("eth0"), 10_000);

        // ip route add
        rs1.addRoute(route("default").via("192.168.0.2"));

        // ipvsadm -A / -a
        director.ipvs().add(tcp("192.168.0.101", 80).scheduler(Scheduler.RR)).add(realServer("192.168.0.8"));

        // any command line, through lvsunit's tools; the clock runs while it lasts
        CommandResult ping = client.ping("192.168.0.8");
        assertThat(ping.succeeded()).isTrue();
        CommandResult neigh = client.run("ip neigh show");
        assertThat(neigh.output()).contains("192.168.0.8 dev eth0 lladdr 02:00:00:00:03:01 REACHABLE");

        // the clock: ten virtual seconds pass at once
        client.sleep(Duration.ofSeconds(10));
        assertThat(client.run("ip neigh show").output()).contains("STALE");

        // what a person would have typed and seen
        assertThat(lab.transcript().render()).startsWith("""
                @lan net0 client director rs1
                director# ip addr add 192.168.0.2/24 dev eth0
                director# ip addr add 192.168.0.101/32 dev eth0 label eth0:0
                rs1# ip addr add 192.168.0.8/24 dev eth0
                rs1# ip addr add 192.168.0.101/32 dev lo label lo:0 scope host
                client# ip addr add 192.168.0.50/24 dev eth0
                rs1# sysctl -w net.ipv4.conf.all.arp_ignore=1
                net.ipv4.conf.all.arp_ignore = 1
                rs1# sysctl -w net.ipv4.conf.eth0.arp_announce=2
                net.ipv4.conf.eth0.arp_announce = 2
                client# sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=10000
                net.ipv4.neigh.eth0.base_reachable_time_ms = 10000
                rs1# ip route add default via 192.168.0.2
                director# ipvsadm -A -t 192.168.0.101:80 -s rr
                director# ipvsadm -a -t 192.168.0.101:80 -r 192.168.0.8 -g -w 1
                client# ping -c 1 192.168.0.8
                PING 192.168.0.8 (192.168.0.8) 56(84) bytes of data.
                """);

        // and that transcript, replayed as a spec, prints the same, byte for byte
        SpecResult replay = new SpecRunner(new EngineBackend()).run(lab.transcript().toSpec("tour.lvs"));
        assertThat(replay.passed()).as(replay.report()).isTrue();
    }

    @Test
    void aRefusedStepFailsAsTheCommandWould() {
        Lab lab = Lab.create();
        lab.lan("net0", lab.host("a"));
        lab.host("a").eth0().add("10.0.0.1/24");

        assertThatThrownBy(() -> lab.host("a").eth0().add("10.0.0.1/24"))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageEndingWith("""
                        a# ip addr add 10.0.0.1/24 dev eth0
                        Error: ipv4: Address already assigned.
                        [2]""");
        assertThatThrownBy(() -> addr("10.0.0.300/24")).hasMessage("not an IPv4 address: \"10.0.0.300\"");
    }

    @Test
    void aTopologyIsReusable() {
        Lab lab = Lab.of(new LvsDr());
        LvsDr.hideTheVip(lab.host("rs1"));
        LvsDr.hideTheVip(lab.host("rs2"));

        assertThat(lab.host("client").curl("http://192.168.0.101/").output()).startsWith("hello from rs");
        // renderPortable() globs round-trip times and timestamps: a spec that passes on real hosts too
        assertThat(lab.transcript().renderPortable()).contains("director# ipvsadm -A -t 192.168.0.101:80 -s rr");
    }
}
