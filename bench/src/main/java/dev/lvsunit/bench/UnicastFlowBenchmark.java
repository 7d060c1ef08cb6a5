package dev.lvsunit.bench;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.engine.sim.WorldLimits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Raw engine throughput: a steady flow of UDP datagrams from host a to host b
 * on one segment, through the whole path: {@code ip_route_output}, the
 * neighbour (kept resolved by its own REACHABLE/STALE/DELAY/PROBE cycle), the
 * learning switch, the event queue, {@code ip_rcv} and the input route lookup
 * on b. One operation is one datagram sent by a and delivered to b's
 * {@code ip_local_deliver} (counted and checked at tear-down).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class UnicastFlowBenchmark {

    /** Datagrams sent before the world runs to deliver them: a window of frames in flight. */
    static final int BATCH = 64;

    /**
     * Whether the segment records every frame for {@code @tcpdump}, as it does
     * by default: the record grows by one frame per datagram, so the collector
     * copies it over and over.
     */
    @Param({"false", "true"})
    public boolean capture;

    private World world;
    private Host a;
    private Host b;
    private Ipv4Address dst;
    private UdpDatagram datagram;
    private long sent;
    private long delivered;

    @Setup(Level.Iteration)
    public void setUp() throws KernelException {
        world = new World();
        // a 2 s iteration delivers more than the default 20 million events a world may run
        WorldLimits d = WorldLimits.DEFAULT;
        world.events().setLimits(new WorldLimits(d.maxEventsPerCommand(), Long.MAX_VALUE, d.maxPendingEvents(), d.maxTime()));
        Segment lan = world.addSegment("net0");
        lan.setCapturing(capture);
        a = Lab.host(world, lan, "a");
        b = Lab.host(world, lan, "b");
        Lab.addr(a, "eth0", "10.0.0.1/24");
        Lab.addr(b, "eth0", "10.0.0.2/24");
        dst = Ipv4Address.parse("10.0.0.2");
        datagram = new UdpDatagram(40000, 9, "x".repeat(18));
        // resolve b first: the first datagram waits in the neighbour's queue while ARP runs
        a.ip().sendLocal(dst, Ipv4Address.ANY, null, false, datagram);
        world.runFor(1_000_000);
        // count what ip_local_deliver hands up on b (the hook lets every datagram through)
        b.ip().registerLocalIn((packet, in) -> {
            delivered++;
            return false;
        });
        delivered = 0;
        sent = 0;
    }


    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void unicastFlow() throws KernelException {
        for (int i = 0; i < BATCH; i++) {
            a.ip().sendLocal(dst, Ipv4Address.ANY, null, false, datagram);
        }
        sent += BATCH;
        // one hop takes 20 µs: run the world until the window has arrived
        world.runFor(20_000);
    }

    @TearDown(Level.Iteration)
    public void check() {
        // a PROBE round trip can hold a few frames of a window; every other datagram must arrive
        if (delivered < sent - BATCH * 4L || delivered > sent) {
            throw new IllegalStateException("sent " + sent + " datagrams, b received " + delivered + " frames");
        }
    }
}
