package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecFiles;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import dev.lvsunit.spec.engine.EngineBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance corpus ({@code ../conformance}, specs recorded on real Linux
 * with {@code ./lvsunit --kernel --update}) on both backends.
 *
 * <p>For every spec two dynamic tests:
 * <ul>
 *   <li>{@code kernel: FILE} - the spec passes on {@link KernelBackend}: the
 *       recording is still what this Linux does. Skipped, with the reason, when
 *       the test does not run as root or cannot create network namespaces. The
 *       kernel runs are started together on a small fixed pool (they spend most
 *       of their time waiting for arping and sleep), so the corpus takes minutes,
 *       not the sum of its specs.</li>
 *   <li>{@code engine: FILE} - the spec passes on {@link EngineBackend}: the
 *       simulator agrees with Linux.</li>
 * </ul>
 *
 * <p>After the last test an agreement table (spec, kernel, engine, the first
 * command where the engine differs) goes to standard output.
 */
class ConformanceTest {

    /** The corpus, relative to the kernel module (Maven's working directory for tests). */
    static final Path CORPUS = Path.of("../conformance");

    /**
     * The other specs of the repository that must hold on Linux too: the seed
     * experiments and the spec-format example. (The IPVS samples cannot: this
     * kernel has no ip_vs module.)
     */
    static final List<Path> ALSO = List.of(Path.of("../samples/specs"), Path.of("../README.md"),
            Path.of("../docs/spec-format.md"));

    /** Where names are taken relative to. */
    static final Path ROOT = Path.of("..");

    /** Kernel specs run at once; they mostly sleep, so more than the 2 cores of a CI box. */
    static final int KERNEL_THREADS = 5;

    /** Longest a single kernel spec may take, waiting in the pool included. */
    static final long KERNEL_TIMEOUT_MINUTES = 15;

    private static final Map<String, String> KERNEL = new ConcurrentHashMap<>();
    private static final Map<String, String> ENGINE = new ConcurrentHashMap<>();
    private static final Map<String, String> ENGINE_FIRST_DIFF = new ConcurrentHashMap<>();
    private static final List<String> NAMES = new ArrayList<>();
    private static ExecutorService pool;

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<Path> files = new ArrayList<>(SpecFiles.find(List.of(CORPUS)));
        assertThat(files).as("specs under " + CORPUS.toAbsolutePath().normalize()).isNotEmpty();
        for (Path file : SpecFiles.find(ALSO)) {
            if (!file.normalize().toString().contains("/ipvs/")) {
                files.add(file);
            }
        }
        Optional<String> noKernel = kernelUnavailable();
        Map<String, Future<SpecResult>> kernelRuns = new ConcurrentHashMap<>();
        List<Spec> specs = new ArrayList<>();
        for (Path file : files) {
            Spec spec = Spec.read(file);
            if (spec.hasTranscript()) {
                specs.add(spec);
                NAMES.add(name(file));
            }
        }
        if (noKernel.isEmpty()) {
            pool = Executors.newFixedThreadPool(KERNEL_THREADS, r -> {
                Thread t = new Thread(r, "lvsunit-conformance-kernel");
                t.setDaemon(true);
                return t;
            });
            for (Spec spec : specs) {
                kernelRuns.put(name(spec), pool.submit(() -> new SpecRunner(new KernelBackend()).run(spec)));
            }
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (Spec spec : specs) {
            String name = name(spec);
            tests.add(DynamicTest.dynamicTest("kernel: " + name, spec.file().orElseThrow().toUri(), () -> {
                if (noKernel.isPresent()) {
                    KERNEL.put(name, "SKIP");
                    Assumptions.abort(noKernel.get());
                }
                SpecResult result = await(kernelRuns.get(name));
                KERNEL.put(name, result.passed() ? "PASS" : "FAIL");
                assertThat(result.passed()).as("on Linux: %s", result.report()).isTrue();
            }));
            tests.add(DynamicTest.dynamicTest("engine: " + name, spec.file().orElseThrow().toUri(), () -> {
                SpecResult result = new SpecRunner(new EngineBackend()).run(spec);
                ENGINE.put(name, result.passed() ? "PASS" : "FAIL");
                firstDifference(result).ifPresent(d -> ENGINE_FIRST_DIFF.put(name, d));
                assertThat(result.passed()).as("on the engine: %s", result.report()).isTrue();
            }));
        }
        return tests.stream();
    }

    @AfterAll
    static void agreementTable() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (NAMES.isEmpty()) {
            return;
        }
        int width = NAMES.stream().mapToInt(String::length).max().orElse(4);
        StringBuilder out = new StringBuilder("\nConformance: the corpus on Linux and on the engine\n");
        out.append(String.format("%-" + width + "s  %-6s  %-6s  %s%n", "spec", "kernel", "engine", "engine differs first at"));
        int agree = 0;
        for (String name : NAMES) {
            String kernel = KERNEL.getOrDefault(name, "-");
            String engine = ENGINE.getOrDefault(name, "-");
            if (engine.equals("PASS")) {
                agree++;
            }
            out.append(String.format("%-" + width + "s  %-6s  %-6s  %s%n", name, kernel, engine,
                    ENGINE_FIRST_DIFF.getOrDefault(name, "")));
        }
        out.append(String.format("engine agrees with Linux on %d of %d specs%n", agree, NAMES.size()));
        System.out.print(out);
    }

    private static SpecResult await(Future<SpecResult> run) throws Exception {
        try {
            return run.get(KERNEL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("the kernel run took more than " + KERNEL_TIMEOUT_MINUTES + " minutes", e);
        }
    }

    /** {@code file:line: command} of the first mismatch, or the error that stopped the run. */
    private static Optional<String> firstDifference(SpecResult result) {
        if (!result.mismatches().isEmpty()) {
            var m = result.mismatches().get(0);
            return Optional.of(relative(m.location() + ": " + m.command()));
        }
        return result.error().map(ConformanceTest::relative);
    }

    /** A location without the corpus directory in front, as in the table's first column. */
    private static String relative(String location) {
        String prefix = CORPUS + "/";
        return location.startsWith(prefix) ? location.substring(prefix.length()) : location;
    }

    private static String name(Spec spec) {
        return name(spec.file().orElseThrow());
    }

    private static String name(Path file) {
        return ROOT.normalize().relativize(file.normalize()).toString();
    }

    /** Why the kernel half cannot run here (not root, no network namespaces), or empty. */
    static Optional<String> kernelUnavailable() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            id.waitFor();
            if (!uid.equals("0")) {
                return Optional.of("the kernel half of the conformance corpus needs root (running as uid " + uid + ")");
            }
            String probe = "lvk" + ProcessHandle.current().pid() + "-conformance-probe";
            int added = new ProcessBuilder("ip", "netns", "add", probe).redirectErrorStream(true).start().waitFor();
            if (added != 0) {
                return Optional.of("the kernel half of the conformance corpus needs network namespaces"
                        + " (ip netns add failed)");
            }
            new ProcessBuilder("ip", "netns", "del", probe).start().waitFor();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the kernel half of the conformance corpus needs iproute2: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking for root and network namespaces");
        }
    }

}
