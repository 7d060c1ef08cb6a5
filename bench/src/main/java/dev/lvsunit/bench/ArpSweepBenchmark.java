package dev.lvsunit.bench;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * An exhaustive sysctl sweep as a test would run it: every combination of
 * {@code arp_ignore} {0,1,2,3,8} × {@code arp_announce} {0,1,2} ×
 * {@code arp_filter} {0,1} on {@code conf/all} and, independently, on
 * {@code conf/eth0} of a real server (30 × 30 = 900 worlds). Each combination
 * gets a fresh LVS-DR world (client, director with the VIP on eth0:0, real
 * server with the VIP on lo) and one {@code arping -c 1 -I eth0 VIP} from the
 * client, run by the tools' shell. One operation is the whole sweep of 900.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ArpSweepBenchmark {

    static final int[] ARP_IGNORE = {0, 1, 2, 3, 8};
    static final int[] ARP_ANNOUNCE = {0, 1, 2};
    static final int[] ARP_FILTER = {0, 1};
    static final String VIP = "192.168.0.101";
    static final String ARPING = "arping -c 1 -I eth0 " + VIP;

    /** One side of the sweep: the three values for one conf directory. */
    record Conf(int arpIgnore, int arpAnnounce, int arpFilter) {
    }

    static final List<Conf> CONFS = confs();

    private static List<Conf> confs() {
        List<Conf> out = new ArrayList<>();
        for (int ignore : ARP_IGNORE) {
            for (int announce : ARP_ANNOUNCE) {
                for (int filter : ARP_FILTER) {
                    out.add(new Conf(ignore, announce, filter));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Steady state: the JIT has seen the sweep before. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public int sweep900() {
        return sweep();
    }

    /** The first sweep of a fresh JVM, as a test class that runs once would see it. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(3)
    public int sweep900Cold() {
        return sweep();
    }

    /**
     * Runs the 900 worlds; returns in how many the real server answered
     * (checked against {@link #EXPECTED_RS_REPLIES}, so a sweep that stopped
     * doing the work cannot pass).
     */
    static int sweep() {
        int rsReplies = 0;
        for (Conf all : CONFS) {
            for (Conf eth0 : CONFS) {
                rsReplies += arpingOnce(all, eth0);
            }
        }
        if (rsReplies != EXPECTED_RS_REPLIES) {
            throw new IllegalStateException("the real server answered " + rsReplies + " times, expected "
                    + EXPECTED_RS_REPLIES);
        }
        return rsReplies;
    }

    /**
     * The real server answers a request for the VIP (on lo, scope global)
     * arriving on eth0 when the effective arp_ignore, the larger of all and
     * eth0 ({@code IN_DEV_ARP_IGNORE} is a MAXCONF), is 0 (any local address)
     * or 3 (any address not of scope host); 1 and 2 want the target on eth0, 8
     * answers nothing ({@code arp_ignore()} in {@code net/ipv4/arp.c}).
     * arp_filter does not matter here: the route back to the client leaves by
     * eth0, the interface the request came in on ({@code arp_filter()}); nor
     * does arp_announce, which only picks the source of requests the real
     * server sends. 6×12 + 6×6 + 6×6 + 6×24 = 288 of the 900.
     */
    static final int EXPECTED_RS_REPLIES = expectedReplies();

    private static int expectedReplies() {
        int n = 0;
        for (Conf all : CONFS) {
            for (Conf eth0 : CONFS) {
                int ignore = Math.max(all.arpIgnore(), eth0.arpIgnore());
                if (ignore == 0 || ignore == 3) {
                    n++;
                }
            }
        }
        return n;
    }

    /** One fresh world, one arping; 1 if the real server answered, else 0. */
    static int arpingOnce(Conf all, Conf eth0) {
        World world = new World();
        Segment lan = world.addSegment("net0");
        Host client = Lab.host(world, lan, "client");
        Host director = Lab.host(world, lan, "director");
        Host rs1 = Lab.host(world, lan, "rs1");
        Lab.addr(director, "eth0", "192.168.0.2/24");
        Lab.addr(director, "eth0", VIP + "/32", "eth0:0");
        Lab.addr(rs1, "eth0", "192.168.0.8/24");
        Lab.addr(rs1, "lo", VIP + "/32", "lo:0");
        Lab.addr(client, "eth0", "192.168.0.50/24");
        set(rs1, "all", all);
        set(rs1, "eth0", eth0);
        Execution e = new Shell(world).run("client", ARPING);
        return e.output().contains("[02:00:00:00:03:01]") ? 1 : 0;
    }

    private static void set(Host h, String dir, Conf c) {
        Lab.conf(h, dir, "arp_ignore", c.arpIgnore());
        Lab.conf(h, dir, "arp_announce", c.arpAnnounce());
        Lab.conf(h, dir, "arp_filter", c.arpFilter());
    }
}
