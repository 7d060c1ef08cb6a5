package dev.lvsunit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar bench/target/benchmarks.jar [JMH options] [BENCHMARK-REGEX...]}:
 * runs the benchmarks as JMH's own main does, always with {@link BenchProfiler},
 * then prints the results as the Markdown table of {@code bench/README.md}
 * (target, measured figure with its error, CPU-normalised figure, verdict) with
 * the machine they ran on. {@code -h}, {@code -l} and the other listing options
 * go straight to JMH.
 */
public final class Main {

    private static final Set<String> LISTING = Set.of("-h", "-help", "--help", "-l", "-lp", "-lprof", "-lrf");

    private Main() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        for (String a : args) {
            if (LISTING.contains(a)) {
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        String load0 = loadAverage();
        CommandLineOptions cmd = new CommandLineOptions(args);
        boolean given = cmd.getProfilers().stream().anyMatch(p -> p.getKlass().equals(BenchProfiler.class.getName()));
        Options opts = given ? cmd : new OptionsBuilder().parent(cmd).addProfiler(BenchProfiler.class).build();
        Collection<RunResult> results = new Runner(opts).run();
        System.out.println();
        System.out.print(table(new ArrayList<>(results), load0, loadAverage()));
    }

    // ------------------------------------------------------------------ the table

    static String table(List<RunResult> results, String load0, String load1) {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(machine()).append('\n');
        sb.append("Load average (1/5/15 min) before: ").append(load0).append("; after: ").append(load1)
                .append(". Errors are JMH's 99.9% intervals; \"per CPU\" divides by the CPU share the benchmark thread got.\n\n");
        sb.append("| what | target | measured | per CPU | met? |\n");
        sb.append("|---|---|---|---|---|\n");
        seedSpec(sb, results);
        sweep(sb, results);
        flow(sb, results);
        segment(sb, results);
        ipvs(sb, results);
        cli(sb, results);
        return sb.toString();
    }

    private static void seedSpec(StringBuilder sb, List<RunResult> rs) {
        RunResult e = find(rs, "SeedSpecBenchmark.engine");
        RunResult k = find(rs, "SeedSpecBenchmark.kernel");
        if (e == null && k == null) {
            return;
        }
        String measured;
        String verdict = "not run";
        if (e != null && k != null) {
            double es = e.getPrimaryResult().getScore() / 1000.0; // µs -> ms
            double ks = k.getPrimaryResult().getScore();
            double ratio = ks / es;
            double lo = (ks - k.getPrimaryResult().getScoreError())
                    / (es + e.getPrimaryResult().getScoreError() / 1000.0);
            measured = String.format(Locale.ROOT, "engine %s; kernel %s; **%,.0f×** faster%s",
                    fmt(e), fmt(k), ratio, lo > 0 ? String.format(Locale.ROOT, " (≥ %,.0f× within the intervals)", lo) : "");
            verdict = ratio >= 1000 ? (lo >= 1000 ? "yes" : "yes (wide intervals)") : "no";
        } else {
            measured = e != null ? "engine " + fmt(e) + "; kernel not run (root and namespaces needed)" : "kernel " + fmt(k);
        }
        row(sb, "seed DR spec, 4 hosts (set-up, 2× arping, sysctl, ping, ip neigh)", "≥ 1000× the same spec on namespaces",
                measured, e == null ? "" : "engine " + perCpu(e), verdict);
    }

    private static void sweep(StringBuilder sb, List<RunResult> rs) {
        RunResult warm = find(rs, "ArpSweepBenchmark.sweep900");
        RunResult cold = find(rs, "ArpSweepBenchmark.sweep900Cold");
        if (warm == null && cold == null) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (warm != null) {
            parts.add("warm JVM " + fmt(warm));
        }
        if (cold != null) {
            parts.add("first sweep of a fresh JVM " + fmt(cold));
        }
        // "on one core": the benchmark thread's CPU when warm; the whole JVM's CPU (JIT included) when cold
        double warmCpu = warm == null ? 0 : cpuOrScore(warm);
        double coldCpu = cold == null ? 0 : gaugeOr(cold, "process.cpu", cold.getPrimaryResult().getScore());
        String cpu = (warm == null ? "" : "warm " + perCpu(warm))
                + (cold == null ? "" : (warm == null ? "" : "; ") + String.format(Locale.ROOT,
                "cold: %,.0f ms of the whole JVM's CPU, JIT threads included", coldCpu));
        row(sb, "exhaustive sweep: 900 combinations of arp_ignore × arp_announce × arp_filter on all and eth0, a fresh world and one arping each",
                "< 1 s in total on one core", String.join("; ", parts), cpu,
                Math.max(warmCpu, coldCpu) < 1000 ? "yes" : (warmCpu < 1000 ? "warm yes, cold no" : "no"));
    }

    private static void flow(StringBuilder sb, List<RunResult> rs) {
        for (RunResult r : rs) {
            if (!r.getParams().getBenchmark().endsWith("UnicastFlowBenchmark.unicastFlow")) {
                continue;
            }
            boolean capture = Boolean.parseBoolean(r.getParams().getParam("capture"));
            Result<?> p = r.getPrimaryResult();
            Result<?> cpu = r.getSecondaryResults().get("per.cpu");
            double best = cpu != null ? cpu.getScore() : p.getScore();
            row(sb, "raw engine: steady unicast flow a → b (UDP, full IP path)"
                            + (capture ? ", segment recording every frame (the default)" : ", capture off"),
                    "≥ 5 M frames/s on one core",
                    String.format(Locale.ROOT, "%.2f ± %.2f M frames/s", p.getScore() / 1e6, p.getScoreError() / 1e6),
                    cpu == null ? "" : String.format(Locale.ROOT, "%.2f ± %.2f M frames/CPU-s (share %.2f)",
                            cpu.getScore() / 1e6, cpu.getScoreError() / 1e6, share(r)),
                    capture ? "(for reference)" : (best >= 5e6 ? (p.getScore() >= 5e6 ? "yes" : "yes per CPU-s") : "no"));
        }
    }

    private static void segment(StringBuilder sb, List<RunResult> rs) {
        for (RunResult r : rs) {
            if (!r.getParams().getBenchmark().endsWith("LargeSegmentBenchmark.resolveEveryTenth")) {
                continue;
            }
            int hosts = Integer.parseInt(r.getParams().getParam("hosts"));
            double lookups = hosts / 10 - 1;
            double deliveries = lookups * hosts;
            Result<?> p = r.getPrimaryResult();
            Result<?> cpu = r.getSecondaryResults().get("per.cpu");
            double perRoundMs = cpu != null ? cpu.getScore() : p.getScore();
            double nsPerDelivery = perRoundMs * 1e6 / deliveries;
            String full = duration(perRoundMs * hosts / 1000.0);
            String measured = String.format(Locale.ROOT,
                    "set-up %.1f s, %,.0f B heap per host; one host's round (%,.0f lookups, %.1e frame deliveries) %s;"
                            + " %,.0f B per resolved lookup; all %,d rounds ≈ %s on one CPU",
                    gauge(r, "setup.ms") / 1000.0, gauge(r, "heap.per.host"), lookups, deliveries, fmt(r),
                    gauge(r, "heap.per.lookup"), hosts, full);
            row(sb, String.format(Locale.ROOT, "%,d-host segment, every host resolves every tenth other host", hosts),
                    "time and memory reported; cost linear in hosts × lookups",
                    measured, String.format(Locale.ROOT, "%s per round = **%.0f ns per delivery**", perCpu(r), nsPerDelivery),
                    "reported");
        }
    }

    private static void ipvs(StringBuilder sb, List<RunResult> rs) {
        for (RunResult r : rs) {
            if (!r.getParams().getBenchmark().endsWith("IpvsBenchmark.connectAndExpire")) {
                continue;
            }
            int n = Integer.parseInt(r.getParams().getParam("connections"));
            RunResult held = null;
            for (RunResult h : rs) {
                if (h.getParams().getBenchmark().endsWith("IpvsBenchmark.heldConnections")
                        && h.getParams().getParam("connections").equals(r.getParams().getParam("connections"))) {
                    held = h;
                }
            }
            Result<?> p = r.getPrimaryResult();
            Result<?> cpu = r.getSecondaryResults().get("per.cpu");
            double rate = n / (p.getScore() / 1000.0);
            double cpuRate = cpu == null ? rate : n / (cpu.getScore() / 1000.0);
            double bytes = held == null ? Double.NaN : gauge(held, "bytes.per.conn");
            String measured = String.format(Locale.ROOT, "%,d connections made and expired in %s = %,.0f conn/s; %s",
                    n, fmt(r), rate, Double.isNaN(bytes) ? "memory not measured"
                            : String.format(Locale.ROOT, "%.0f B heap per live connection", bytes));
            boolean memoryOk = !Double.isNaN(bytes) && bytes <= 200;
            row(sb, "IPVS: connections through a wlc service with 100 real servers (LVS-DR, SYN → director → real server → RST), then expired on the virtual clock",
                    "≥ 2 M conn/s; ≤ 200 B per tracked connection", measured,
                    String.format(Locale.ROOT, "%s = %,.0f conn/CPU-s", perCpu(r), cpuRate),
                    (cpuRate >= 2e6 ? "rate yes" : "rate no") + ", " + (memoryOk ? "memory yes" : "memory no"));
        }
    }

    private static void cli(StringBuilder sb, List<RunResult> rs) {
        List<String> parts = new ArrayList<>();
        for (RunResult r : rs) {
            if (r.getParams().getBenchmark().endsWith("CliStartupBenchmark.firstSpecResult")) {
                parts.add(r.getParams().getParam("launcher") + " " + fmt(r));
            }
        }
        if (!parts.isEmpty()) {
            row(sb, "JVM start to first spec result, `./lvsunit seed-dr.lvs`", "reported; trimmed of needless start-up work",
                    String.join("; ", parts), "", "reported; the AppCDS trim is measured, the launcher is unchanged");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void row(StringBuilder sb, String what, String target, String measured, String perCpu, String met) {
        sb.append("| ").append(what).append(" | ").append(target).append(" | ").append(measured).append(" | ")
                .append(perCpu).append(" | ").append(met).append(" |\n");
    }

    private static RunResult find(List<RunResult> rs, String suffix) {
        for (RunResult r : rs) {
            if (r.getParams().getBenchmark().endsWith(suffix)) {
                return r;
            }
        }
        return null;
    }

    private static String fmt(RunResult r) {
        Result<?> p = r.getPrimaryResult();
        String unit = p.getScoreUnit().replace("us/op", "µs").replace("ms/op", "ms").replace("/op", "");
        if (Double.isNaN(p.getScoreError())) {
            return String.format(Locale.ROOT, "%,.1f %s", p.getScore(), unit);
        }
        return String.format(Locale.ROOT, "%,.1f ± %,.1f %s", p.getScore(), p.getScoreError(), unit);
    }

    private static String perCpu(RunResult r) {
        Result<?> cpu = r.getSecondaryResults().get("per.cpu");
        if (cpu == null) {
            return "";
        }
        String unit = cpu.getScoreUnit().replace("us/op", "µs").replace("ms/op", "ms").replace("/op", "");
        return String.format(Locale.ROOT, "%,.1f %s (share %.2f)", cpu.getScore(), unit, share(r));
    }

    private static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    private static double cpuOrScore(RunResult r) {
        return gaugeOr(r, "per.cpu", r.getPrimaryResult().getScore());
    }

    private static double gaugeOr(RunResult r, String name, double otherwise) {
        double g = gauge(r, name);
        return Double.isNaN(g) ? otherwise : g;
    }

    private static double share(RunResult r) {
        Result<?> s = r.getSecondaryResults().get("cpu.share");
        return s == null ? Double.NaN : s.getScore();
    }

    private static double gauge(RunResult r, String name) {
        Result<?> g = r.getSecondaryResults().get(name);
        return g == null ? Double.NaN : g.getScore();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String machine() {
        int cpus = Runtime.getRuntime().availableProcessors();
        String mem = "unknown memory";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    mem = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep "unknown memory"
        }
        String cpuModel = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpuModel = line.substring(line.indexOf(':') + 1).trim() + ", ";
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no model name
        }
        return String.format(Locale.ROOT, "%s%d cores (nproc), %s, %s %s (%s), %s %s",
                cpuModel, cpus, mem, System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.version"));
    }
}
