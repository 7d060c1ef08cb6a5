package dev.lvsunit.bench;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipvs.DestSettings;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.ipvs.IpvsException;
import dev.lvsunit.engine.ipvs.RealServer;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.ipvs.ServiceSettings;
import dev.lvsunit.engine.ipvs.VirtualService;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.sim.Durations;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * IPVS at scale: an LVS-DR cluster (client, director, 100 real servers with
 * the VIP on lo, arp_ignore 1, arp_announce 2) and a {@code wlc} TCP service
 * on VIP:80. The client fires SYNs from 16 addresses and distinct ports, as
 * {@code hping3 --syn} would (no client sockets); each SYN crosses the wire
 * to the director, is scheduled (a new entry in the connection table, wlc
 * over the 100 real servers), forwarded by {@code ip_vs_dr_xmit} to its real
 * server, which answers RST (nobody listens on port 80). The connections then
 * sit in SYN_RECV until their 60 s timer expires them on the virtual clock.
 *
 * <p>{@link #connectAndExpire} times the whole life: N connections made, then
 * the clock run until the table is empty (checked). {@link #heldConnections}
 * measures the heap that N live connections hold, reported as the gauge
 * {@code bytes.per.conn} (with {@code -prof dev.lvsunit.bench.BenchProfiler}).
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// A throughput run over a 4 GB heap: the parallel collector (no concurrent
// work competing for the benchmark's core), the heap touched up front and
// backed by transparent huge pages (a million connections are random reads
// over hundreds of megabytes; 4 KB pages made each a TLB miss too).
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch",
        "-XX:+UseTransparentHugePages"})
public class IpvsBenchmark {

    static final String VIP = "192.168.0.101";
    static final int REAL_SERVERS = 100;
    static final int CLIENT_ADDRESSES = 16;
    /** SYNs sent before the world runs to carry them: a window of connections being set up. */
    static final int WINDOW = 64;

    @Param({"1000000"})
    public int connections;

    /**
     * Whether the client follows each SYN with an ACK, as the third packet of
     * a handshake: the director finds the connection and re-arms its timer
     * (a timer cancelled and scheduled anew for every packet after the first).
     */
    @Param({"false"})
    public boolean ack;

    private World world;
    private Host client;
    private Host director;
    private Ipv4Address vip;
    private Ipv4Address[] clientAddresses;
    private VirtualService service;

    @Setup(Level.Iteration)
    public void setUp() throws IpvsException {
        world = new World();
        Segment lan = world.addSegment("net0");
        lan.setCapturing(false);
        client = Lab.host(world, lan, "client");
        director = Lab.host(world, lan, "director");
        clientAddresses = new Ipv4Address[CLIENT_ADDRESSES];
        for (int i = 0; i < CLIENT_ADDRESSES; i++) {
            String a = "192.168.0." + (50 + i);
            Lab.addr(client, "eth0", a + "/16");
            clientAddresses[i] = Ipv4Address.parse(a);
        }
        Lab.addr(director, "eth0", "192.168.0.2/16");
        Lab.addr(director, "eth0", VIP + "/32", "eth0:0");
        vip = Ipv4Address.parse(VIP);
        ServiceKey key = ServiceKey.tcp(vip, 80);
        service = director.ipvs().addService(key, ServiceSettings.of("wlc"));
        for (int i = 0; i < REAL_SERVERS; i++) {
            Host rs = Lab.host(world, lan, "rs" + (i + 1));
            String rip = "192.168.1." + (i + 1);
            Lab.addr(rs, "eth0", rip + "/16");
            Lab.addr(rs, "lo", VIP + "/32", "lo:0");
            Lab.conf(rs, "all", "arp_ignore", 1);
            Lab.conf(rs, "all", "arp_announce", 2);
            director.ipvs().addDest(key, DestSettings.of(Ipv4Address.parse(rip), 80, ForwardMethod.DROUTE, 1));
        }
    }

    /** Makes {@code n} connections; the world has carried every SYN to its real server on return. */
    private void connect(int n) throws KernelException {
        int port = 1024;
        int address = 0;
        for (int i = 0; i < n; i++) {
            TcpSegment syn = new TcpSegment(port, 80, 1000L + i, 0, TcpSegment.SYN, 64240, "");
            client.ip().sendLocal(vip, clientAddresses[address], null, true, syn);
            if (ack) {
                TcpSegment third = new TcpSegment(port, 80, 1001L + i, 1, TcpSegment.ACK, 502, "");
                client.ip().sendLocal(vip, clientAddresses[address], null, true, third);
            }
            if (++address == CLIENT_ADDRESSES) {
                address = 0;
                port++;
            }
            if ((i + 1) % WINDOW == 0) {
                world.runFor(100_000); // three hops of 20 µs: SYN in, SYN forwarded, RST back
            }
        }
        world.runFor(Durations.millis(10));
    }

    private int inactiveConnections() {
        int n = 0;
        for (RealServer d : service.destinations()) {
            n += d.inactConns() + d.activeConns();
        }
        return n;
    }

    /** N connections made and expired; the score is the time for all of it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int connectAndExpire() throws KernelException {
        connect(connections);
        int made = inactiveConnections();
        if (made != connections) {
            throw new IllegalStateException("made " + made + " connections, expected " + connections);
        }
        // SYN_RECV lasts 60 s, ESTABLISHED (after the ACK) 900 s; run on past it
        world.runFor(Durations.seconds(ack ? 901 : 61));
        int left = inactiveConnections();
        if (left != 0) {
            throw new IllegalStateException(left + " connections left after their timeout");
        }
        return made;
    }

    /** The heap held per live connection: N made, then measured after a full collection. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long heldConnections() throws KernelException {
        long before = usedAfterGc();
        connect(connections);
        long after = usedAfterGc();
        if (inactiveConnections() != connections) {
            throw new IllegalStateException("connections missing");
        }
        long perConn = (after - before) / connections;
        Gauges.set("bytes.per.conn", perConn);
        return perConn;
    }

    static long usedAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return m.getHeapMemoryUsage().getUsed();
    }
}
