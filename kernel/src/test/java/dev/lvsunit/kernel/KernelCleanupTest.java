package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A JVM stopped by SIGINT (Ctrl-C) or SIGTERM in the middle of a spec on the
 * kernel backend leaves nothing behind: no {@code lvk<pid>-} namespace (which
 * takes its bridge and veths with it), no tcpdump or other process of the
 * session, no temporary directory. The JVM runs {@link RunSpec} on a spec that
 * sleeps for 5 s and is signalled while the sleep runs.
 */
class KernelCleanupTest {

    private static final String SPEC = """
            @lan net0 a b
            a# ip addr add 10.9.0.1/24 dev eth0
            a# sleep 5
            a# echo not reached
            """;

    private Path directory;
    private Process jvm;

    @BeforeAll
    static void needsRootAndNamespaces() throws Exception {
        Assumptions.assumeTrue(run("id", "-u").strip().equals("0"), "kernel cleanup tests need root");
        String probe = "lvk" + ProcessHandle.current().pid() + "-cleanup-probe";
        int added = new ProcessBuilder("ip", "netns", "add", probe).redirectErrorStream(true).start().waitFor();
        Assumptions.assumeTrue(added == 0, "kernel cleanup tests need network namespaces (ip netns add failed)");
        new ProcessBuilder("ip", "netns", "del", probe).start().waitFor();
        int tools = new ProcessBuilder("bash", "-c", "command -v tcpdump && command -v python3")
                .redirectErrorStream(true).start().waitFor();
        Assumptions.assumeTrue(tools == 0, "kernel cleanup tests need tcpdump and python3");
    }

    @BeforeEach
    void writeSpec() throws IOException {
        directory = Files.createTempDirectory("lvsunit-cleanup-test-");
        Files.writeString(directory.resolve("sleep.lvs"), SPEC);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (jvm != null && jvm.isAlive()) {
            jvm.destroyForcibly();
            jvm.waitFor(10, TimeUnit.SECONDS);
        }
        if (jvm != null) {
            // never leave anything of ours behind, even when the test failed
            String tag = "lvk" + jvm.pid() + "-";
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains(tag))
                    .forEach(ProcessHandle::destroyForcibly);
            for (String ns : namespacesOf(jvm.pid())) {
                new ProcessBuilder("ip", "netns", "del", ns).start().waitFor();
            }
            try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                for (Path leftover : tmp.filter(p -> p.getFileName().toString().startsWith("lvsunit-" + tag)).toList()) {
                    deleteTree(leftover);
                }
            }
        }
        deleteTree(directory);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"INT", "TERM"})
    void aJvmStoppedMidRunLeavesNoNamespaceAndNoProcess(String signal) throws Exception {
        // python resets SIGINT to its default before exec: a JVM started from a non-interactive
        // shell's background job would otherwise inherit SIGINT ignored and never see it
        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                RunSpec.class.getName(), directory.resolve("sleep.lvs").toString()));
        File log = directory.resolve("jvm.log").toFile();
        jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        long pid = jvm.pid();

        ProcessHandle sleep = awaitSleep(pid, log);
        List<ProcessHandle> children = jvm.descendants().toList();
        assertThat(namespacesOf(pid)).as("namespaces while the spec runs").hasSize(3);
        assertThat(children).as("the capture on net0's bridge")
                .anyMatch(p -> p.info().command().orElse("").endsWith("tcpdump"));
        assertThat(sleep.isAlive()).isTrue();

        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();

        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM ends after SIG%s", signal).isTrue();
        String printed = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        // the main thread may still report the interrupted run while the shutdown hook cleans up
        // ("sleep 5" killed, "session ... is closed"), but the spec never passes
        assertThat(printed).as("the spec did not finish").doesNotContain("PASS");
        assertThat(namespacesOf(pid)).as("namespaces left after SIG%s", signal).isEmpty();
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("%s (%s) after SIG%s", child.pid(), child.info().commandLine(), signal)
                    .isFalse();
        }
        assertThat(processesMentioning("lvk" + pid + "-")).as("processes of the session").isEmpty();
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString()))
                    .as("temporary directories").noneMatch(n -> n.startsWith("lvsunit-lvk" + pid + "-"));
        }
    }

    /** Waits until the spec's {@code sleep 5} runs (and so everything before it is set up). */
    private ProcessHandle awaitSleep(long pid, File log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> sleep = jvm.descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("/sleep")).findFirst();
            if (sleep.isPresent()) {
                return sleep.get();
            }
            if (!jvm.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the spec's sleep never started; the JVM printed:\n"
                + Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private static List<String> namespacesOf(long pid) throws Exception {
        List<String> names = new ArrayList<>();
        for (String line : run("ip", "netns", "list").split("\n")) {
            String name = line.strip().split("\\s+")[0];
            if (name.startsWith("lvk" + pid + "-")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Live processes whose command line mentions {@code text}. */
    private static List<String> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains(text))
                .toList();
    }

    private static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** The JVM under test: runs one spec file on the kernel backend and prints the report. */
    public static final class RunSpec {

        private RunSpec() {
        }

        public static void main(String[] args) throws IOException {
            SpecResult result = new SpecRunner(new KernelBackend()).run(Spec.read(Path.of(args[0])));
            System.out.print(result.report());
        }
    }
}
