package dev.lvsunit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * From process start to the first spec result: {@code ./lvsunit seed-dr.lvs}
 * run as a user runs it, timed until it prints its {@code PASS} line (the
 * closing summary and the JVM's exit are waited for outside the timing). The
 * checkout is found from the working directory (run from the repository
 * root) or the system property {@code lvsunit.root}; the CLI must have been
 * built ({@code ./lvsunit} builds it on first use, which is not timed: the
 * set-up runs it once).
 *
 * <p>Variants ({@code launcher}):
 * <ul>
 *   <li>{@code script}: {@code ./lvsunit} itself, with its staleness check;</li>
 *   <li>{@code java}: the same {@code java -cp ... dev.lvsunit.cli.Main}
 *       without the script;</li>
 *   <li>{@code appcds}: the same with an application class-data archive
 *       ({@code -XX:SharedArchiveFile}) that the set-up dumps with
 *       {@code -XX:ArchiveClassesAtExit}: the classes, lambdas and
 *       invokedynamic call sites of a first run come back mapped instead of
 *       loaded, linked and bootstrapped again;</li>
 *   <li>{@code appcds-c1-serial}: the same, plus {@code -XX:TieredStopAtLevel=1}
 *       (no C2: a short run never gains from it) and {@code -XX:+UseSerialGC}
 *       (no GC worker threads to start).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(1)
public class CliStartupBenchmark {

    @Param({"script", "java", "appcds", "appcds-c1-serial"})
    public String launcher;

    private Path root;
    private Path spec;
    private Path archive;
    private List<String> command;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        root = findRoot();
        spec = Files.createTempFile("lvsunit-bench-", ".lvs");
        Files.writeString(spec, SeedSpecBenchmark.TEXT);
        // build if needed (not timed)
        firstResult(List.of(root.resolve("lvsunit").toString(), spec.toString()));
        Path target = root.resolve("cli/target");
        String jar;
        try (var files = Files.list(target)) {
            jar = files.map(Path::toString)
                    .filter(p -> p.matches(".*/lvsunit-cli-[^/]*\\.jar") && !p.contains("-sources") && !p.contains("-javadoc"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no cli jar in " + target));
        }
        String classpath = jar + ":" + Files.readString(target.resolve("classpath.txt")).trim();
        List<String> java = List.of("java", "-cp", classpath);
        switch (launcher) {
            case "script" -> command = List.of(root.resolve("lvsunit").toString(), spec.toString());
            case "java" -> command = concat(java, "dev.lvsunit.cli.Main", spec.toString());
            case "appcds", "appcds-c1-serial" -> {
                archive = Files.createTempFile("lvsunit-bench-", ".jsa");
                Files.delete(archive);
                List<String> dump = new ArrayList<>(List.of("java", "-XX:ArchiveClassesAtExit=" + archive, "-cp", classpath,
                        "dev.lvsunit.cli.Main", spec.toString()));
                firstResult(dump);
                waitForFile(archive);
                List<String> run = new ArrayList<>(List.of("java", "-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
                if (launcher.equals("appcds-c1-serial")) {
                    run.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
                }
                run.addAll(List.of("-cp", classpath, "dev.lvsunit.cli.Main", spec.toString()));
                command = List.copyOf(run);
            }
            default -> throw new IllegalArgumentException("launcher " + launcher);
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> out = new ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }

    private static void waitForFile(Path p) throws InterruptedException {
        for (int i = 0; i < 100 && !Files.exists(p); i++) {
            Thread.sleep(50);
        }
        if (!Files.exists(p)) {
            throw new IllegalStateException("the JVM did not write " + p);
        }
    }

    static Path findRoot() {
        String given = System.getProperty("lvsunit.root");
        Path p = Path.of(given != null ? given : "").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isExecutable(q.resolve("lvsunit")) && Files.isDirectory(q.resolve("cli"))) {
                return q;
            }
        }
        throw new IllegalStateException("run from the lvsunit checkout or set -Dlvsunit.root (looked from " + p + ")");
    }

    /** A started CLI whose first result line has been read. */
    record Started(Process process, BufferedReader output) {

        /** Reads the rest of the output and waits for the exit. */
        void finish() throws IOException, InterruptedException {
            try (output) {
                output.transferTo(java.io.Writer.nullWriter());
            }
            process.waitFor();
        }
    }

    /** Starts the command and reads until its first PASS/FAIL line, which must be a PASS. */
    static Started start(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder all = new StringBuilder();
        String line;
        while ((line = r.readLine()) != null) {
            all.append(line).append('\n');
            if (line.startsWith("PASS ")) {
                return new Started(p, r);
            }
            if (line.startsWith("FAIL ")) {
                break;
            }
        }
        r.close();
        p.waitFor();
        throw new IllegalStateException(command + " gave no PASS line:\n" + all);
    }

    static void firstResult(List<String> command) throws IOException, InterruptedException {
        start(command).finish();
    }

    private Started running;

    /** Timed from process start to the PASS line; the summary line and the exit are not. */
    @Benchmark
    public void firstSpecResult() throws IOException, InterruptedException {
        running = start(command);
    }

    @TearDown(Level.Invocation)
    public void finish() throws IOException, InterruptedException {
        if (running != null) {
            running.finish();
            running = null;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(spec);
        if (archive != null) {
            Files.deleteIfExists(archive);
        }
    }
}
