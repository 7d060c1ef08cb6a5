package dev.lvsunit.engine.robust;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static dev.lvsunit.engine.TestWorlds.sysctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.sim.CutShortException;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.sim.WorldLimits;
import dev.lvsunit.engine.socket.PingSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worlds that a real network would keep busy for ever stay finite: the kernel's
 * own limits (the TTL) end what they end on Linux, and the world's
 * {@link WorldLimits} end the rest with a clear reason.
 */
class BoundedWorldsTest {

    private static final long YEAR = 365L * 86_400 * Durations.NANOS_PER_SECOND;

    private final World world = new World();
    private final Segment net0 = world.addSegment("net0");

    private Host host(String name, String address) {
        Host h = world.addHost(name);
        NetDevice eth0 = nic(h, "eth0");
        net0.attach(eth0);
        addr(eth0, address);
        return h;
    }

    private static void route(Host h, String prefix, String gateway) {
        h.fib().insert(new FibRoute(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse(prefix).network(), 0, 0,
                h.device("eth0").orElseThrow(), Ipv4Address.parse(gateway), null, RtScope.UNIVERSE,
                FibRoute.PROTO_BOOT));
    }

    private static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    private List<Ipv4Packet> datagramsTo(String destination) {
        return net0.capture().stream().map(CapturedFrame::frame)
                .filter(f -> f.payload() instanceof Ipv4Packet p && p.destination().equals(ip(destination)))
                .map(f -> (Ipv4Packet) f.payload()).toList();
    }

    @Test
    void aForwardingLoopEndsWhenTheTtlRunsOut() throws KernelException {
        // a and b route 172.16.0.0/16 to each other; the client sends one datagram into the loop
        Host client = host("client", "10.0.0.50/24");
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        sysctl(a, "net.ipv4.ip_forward", "1");
        sysctl(b, "net.ipv4.ip_forward", "1");
        route(client, "172.16.0.0/16", "10.0.0.1");
        route(a, "172.16.0.0/16", "10.0.0.2");
        route(b, "172.16.0.0/16", "10.0.0.1");

        try (PingSocket ping = client.icmp().openSocket()) {
            ping.send(ip("172.16.0.1"), Ipv4Address.ANY, null, 1, 56);
        }
        world.runFor(Durations.seconds(1));

        // sent with TTL 64; each forward takes one off; the router that gets it at TTL 1 drops it
        List<Ipv4Packet> hops = datagramsTo("172.16.0.1");
        assertThat(hops).extracting(Ipv4Packet::ttl)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 64).map(t -> 65 - t).boxed()
                        .toList());
        assertThat(world.events().cutShort()).isEmpty();
        assertThat(world.events().pending()).as("only neighbour timers").isLessThan(10);
    }

    @Test
    void aBroadcastLinkLayerAddressDoesNotTurnAForwardingLoopIntoAStorm() throws KernelException {
        // Four routers send a prefix to a neighbour whose lladdr is ff:ff:ff:ff:ff:ff (arp -s
        // allows it): every router receives every copy, and forwarding each would make three
        // copies per hop, 3^63 in all. ip_forward drops what did not arrive as PACKET_HOST.
        Host client = host("client", "10.0.0.50/24");
        route(client, "172.16.0.0/16", "10.0.0.1");
        for (int i = 1; i <= 4; i++) {
            Host h = host("r" + i, "10.0.0." + i + "/24");
            sysctl(h, "net.ipv4.ip_forward", "1");
            route(h, "172.16.0.0/16", "10.0.0.99");
            h.arp().reqSet(ip("10.0.0.99"), h.device("eth0").orElseThrow(), MacAddress.BROADCAST, true);
        }

        try (PingSocket ping = client.icmp().openSocket()) {
            ping.send(ip("172.16.0.1"), Ipv4Address.ANY, null, 1, 56);
        }
        world.runFor(Durations.seconds(1));

        // the client's datagram to r1, r1's broadcast copy, and nothing more
        assertThat(datagramsTo("172.16.0.1")).extracting(Ipv4Packet::ttl).containsExactly(64, 63);
        assertThat(world.events().cutShort()).isEmpty();
    }

    @Test
    void proxyArpRoutersThatRouteToEachOtherAnswerOnceAndForwardABoundedNumberOfTimes() throws KernelException {
        // Two routers with proxy_arp on, each routing 172.16.0.0/16 to the other: a host asking
        // for 172.16.0.1 gets proxy answers; its datagram loops until the TTL runs out.
        Host client = host("client", "10.0.0.50/16");
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        for (Host h : List.of(a, b)) {
            sysctl(h, "net.ipv4.ip_forward", "1");
            sysctl(h, "net.ipv4.conf.all.proxy_arp", "1");
        }
        route(a, "172.16.0.0/16", "10.0.0.2");
        route(b, "172.16.0.0/16", "10.0.0.1");
        client.fib().insert(new FibRoute(Fib.RT_TABLE_MAIN, RouteType.UNICAST, Ipv4Prefix.parse("172.16.0.0/16"),
                0, 0, client.device("eth0").orElseThrow(), null, null, RtScope.LINK, FibRoute.PROTO_BOOT));

        try (PingSocket ping = client.icmp().openSocket()) {
            for (int seq = 1; seq <= 3; seq++) {
                ping.send(ip("172.16.0.1"), Ipv4Address.ANY, null, seq, 56);
                world.runFor(Durations.seconds(1));
            }
        }
        world.runFor(Durations.seconds(10));

        assertThat(world.events().cutShort()).isEmpty();
        assertThat(net0.capture().size()).isLessThan(1_000);
        assertThat(world.events().pending()).isLessThan(100);
    }

    @Test
    void aYearOfIdleTimePassesAtOnce() throws KernelException {
        Host a = host("a", "10.0.0.1/24");
        Host b = host("b", "10.0.0.2/24");
        try (PingSocket ping = a.icmp().openSocket()) {
            ping.send(ip("10.0.0.2"), Ipv4Address.ANY, null, 1, 56);
            world.runFor(Durations.seconds(1));
            assertThat(ping.drain()).hasSize(1);
        }
        long events = world.events().executed();
        long started = System.nanoTime();

        world.events().beginCommand();
        world.runFor(YEAR);
        world.events().endCommand();

        assertThat(System.nanoTime() - started).isLessThan(Durations.seconds(2));
        assertThat(world.now()).isGreaterThan(YEAR);
        // the neighbour went REACHABLE → STALE and then stays: only a handful of timers fell due
        assertThat(world.events().executed() - events).isLessThan(100);
        assertThat(a.neigh().lookup(ip("10.0.0.2"), a.device("eth0").orElseThrow()).orElseThrow().state())
                .isEqualTo(NudState.NUD_STALE);
        assertThat(b.neigh().lookup(ip("10.0.0.1"), b.device("eth0").orElseThrow()).orElseThrow().state())
                .isEqualTo(NudState.NUD_STALE);
    }

    @Test
    void aCommandThatKeepsTheWorldBusyTooLongIsCutShortAndTheWorldStops() throws KernelException {
        // With a reachable_time shorter than delay_first_probe_time, an idle entry is re-probed
        // for ever (REACHABLE, DELAY for 5 s, a unicast probe, REACHABLE...; seen on 6.18): a
        // year of it is millions of events.
        Host a = host("a", "10.0.0.1/24");
        host("b", "10.0.0.2/24");
        sysctl(a, "net.ipv4.neigh.eth0.base_reachable_time_ms", "10");
        world.events().setLimits(new WorldLimits(20_000, 1_000_000, 1_000, WorldLimits.HUNDRED_YEARS));
        try (PingSocket ping = a.icmp().openSocket()) {
            ping.send(ip("10.0.0.2"), Ipv4Address.ANY, null, 1, 56);
        }
        world.runFor(Durations.seconds(1));

        world.events().beginCommand();
        assertThatThrownBy(() -> world.runFor(YEAR))
                .isInstanceOf(CutShortException.class)
                .hasMessageStartingWith("more than 20000 events in one command; the world stopped at ");
        world.events().endCommand();

        assertThat(world.events().cutShort()).hasValueSatisfying(c -> assertThat(c.at()).isLessThan(YEAR));
        assertThat(world.events().pending()).isZero();
        // outside a command the stopped world lets time pass and runs nothing
        long executed = world.events().executed();
        world.runFor(Durations.seconds(60));
        assertThat(world.events().executed()).isEqualTo(executed);
        // a later command that waits is ended at once, naming the first cause
        world.events().beginCommand();
        assertThatThrownBy(() -> world.runFor(1)).isInstanceOf(CutShortException.class)
                .hasMessageStartingWith("more than 20000 events in one command");
        world.events().endCommand();
    }
}
