package dev.lvsunit.bench;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.UdpDatagram;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A flat segment of {@code hosts} hosts (10.x.y.z/8 on eth0) where a host
 * resolves every tenth other host: it sends one UDP datagram to each, so each
 * needs an ARP request (a broadcast reaching every other host), a reply and
 * the datagram. One operation is one host's round of {@code hosts / 10}
 * resolutions, so it costs about {@code hosts × hosts / 10} frame deliveries;
 * the whole exercise (every host taking its round) is {@code hosts} operations.
 *
 * <p>Set-up time and heap per host of the world are reported as gauges
 * ({@code setup.ms}, {@code heap.per.host}); so is the heap the resolved
 * neighbour entries add, per lookup ({@code heap.per.lookup}). The score
 * divided by {@code hosts × hosts / 10} is the cost of one frame delivery;
 * it stays flat as the segment grows when the cost is linear in hosts ×
 * lookups.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class LargeSegmentBenchmark {

    /** Resolutions in flight at once: every one floods the whole segment. */
    static final int WINDOW = 8;

    @Param({"1000", "10000"})
    public int hosts;

    private World world;
    private final List<Host> all = new ArrayList<>();
    private final List<Ipv4Address> addresses = new ArrayList<>();
    private int nextResolver;
    private long heapBefore;
    private int lookupsDone;
    private final UdpDatagram datagram = new UdpDatagram(40000, 9, "x");

    @Setup(Level.Trial)
    public void setUp() {
        long heap0 = IpvsBenchmark.usedAfterGc();
        long t0 = System.nanoTime();
        world = new World();
        Segment lan = world.addSegment("net0");
        lan.setCapturing(false);
        for (int i = 0; i < hosts; i++) {
            Host h = Lab.host(world, lan, "h" + i);
            Ipv4Address a = new Ipv4Address(0x0a00_0000 + i + 1);
            Lab.addr(h, "eth0", a + "/8");
            all.add(h);
            addresses.add(a);
        }
        long t1 = System.nanoTime();
        heapBefore = IpvsBenchmark.usedAfterGc();
        Gauges.set("setup.ms", (t1 - t0) / 1e6);
        Gauges.set("heap.per.host", (double) (heapBefore - heap0) / hosts);
    }

    /** One host resolves every tenth other host. */
    @Benchmark
    public int resolveEveryTenth() throws KernelException {
        int r = nextResolver;
        nextResolver = (nextResolver + 1) % hosts;
        Host resolver = all.get(r);
        int lookups = 0;
        for (int k = 10; k < hosts; k += 10) {
            resolver.ip().sendLocal(addresses.get((r + k) % hosts), Ipv4Address.ANY, null, false, datagram);
            if (++lookups % WINDOW == 0) {
                world.runFor(1_000_000); // request out, flooded, answered; the datagram follows
            }
        }
        world.runFor(1_000_000);
        lookupsDone += lookups;
        return lookups;
    }

    @TearDown(Level.Iteration)
    public void memory() {
        long heap = IpvsBenchmark.usedAfterGc();
        Gauges.set("heap.per.lookup", lookupsDone == 0 ? 0 : (double) (heap - heapBefore) / lookupsDone);
    }
}
