package dev.lvsunit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * {@code -prof dev.lvsunit.bench.BenchProfiler}: how much CPU the benchmark
 * threads actually got in each iteration, the primary score scaled to one
 * fully available core, and the {@link Gauges} the benchmark set.
 *
 * <p>The machine's two cores are shared with other work, so a wall-clock score
 * says as much about the neighbours as about lvsunit. This profiler reads the
 * CPU time of the JMH worker threads (ThreadMXBean) around each iteration:
 * {@code cpu.share} is worker CPU time over wall time (1.0 = one core all the
 * time), and {@code per.cpu} is the score divided by that share, for
 * throughput modes (ops per CPU-second), or multiplied by it, for time modes
 * (CPU time per op). Both are approximate: the window also holds the
 * iteration's set-up and tear-down. For single-shot benchmarks
 * {@code process.cpu} is the CPU time of the whole JVM during the iteration,
 * compiler and collector threads included: what one core would have to give.
 *
 * <p>Gauges are reported under their own names, averaged over the
 * iterations that saw them.
 */
public final class BenchProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> cpuBefore = new HashMap<>();
    private long wallBefore;
    private long processBefore;

    @Override
    public String getDescription() {
        return "CPU time of the JMH worker threads, the score per CPU, and lvsunit's gauges";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuBefore = workerCpu();
        processBefore = processCpu();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long wall = System.nanoTime() - wallBefore;
        long process = processCpu() - processBefore;
        long cpu = 0;
        for (Map.Entry<Long, Long> e : workerCpu().entrySet()) {
            cpu += e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
        }
        double share = wall <= 0 ? Double.NaN : (double) cpu / wall;
        if (result.getRawPrimaryResults().isEmpty()) {
            return List.of(); // the iteration failed; JMH reports why
        }
        double score = result.getPrimaryResult().getScore();
        boolean throughput = benchmarkParams.getMode().shortLabel().equals("thrpt");
        double perCpu = throughput ? score / share : score * share;
        List<Result> out = new ArrayList<>();
        out.add(new ScalarResult("cpu.share", share, "cores", AggregationPolicy.AVG));
        out.add(new ScalarResult("per.cpu", perCpu, result.getScoreUnit(), AggregationPolicy.AVG));
        if (!throughput && process >= 0) {
            // single shot: the whole process's CPU for the one operation, JIT and GC threads included
            out.add(new ScalarResult("process.cpu", process / 1e6, "ms", AggregationPolicy.AVG));
        }
        for (Map.Entry<String, Double> g : Gauges.all().entrySet()) {
            out.add(new ScalarResult(g.getKey(), g.getValue(), "", AggregationPolicy.AVG));
        }
        return out;
    }

    /** CPU time of the whole JVM (every thread), or -1 if the platform does not tell. */
    private static long processCpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    private Map<Long, Long> workerCpu() {
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains("jmh-worker")) {
                long ns = threads.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) {
                    out.put(t.getThreadId(), ns);
                }
            }
        }
        return out;
    }
}
