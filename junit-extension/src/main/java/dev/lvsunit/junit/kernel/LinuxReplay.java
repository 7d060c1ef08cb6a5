package dev.lvsunit.junit.kernel;

import dev.lvsunit.dsl.CommandResult;
import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Transcript;
import dev.lvsunit.junit.assertions.Eventually;
import dev.lvsunit.tools.Execution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * A lab's steps asked again of real Linux: the lab's transcript replayed on
 * hosts built from network namespaces ({@code dev.lvsunit.kernel.KernelBackend}),
 * each command's output compared with what the engine printed.
 *
 * <p>{@link AlsoOnLinux @AlsoOnLinux} makes one per test and checks it after
 * the test body; a test takes it as a parameter to wait on both clocks:
 *
 * <pre>{@code
 * @Test
 * void theEntryGoesStale(@Named("client") Host client, LinuxReplay linux) {
 *     client.ping("192.168.0.2");
 *     linux.eventually(client, "ip neigh show 192.168.0.2").atMost(Duration.ofSeconds(10))
 *             .untilAsserted(out -> assertThat(out).contains(" STALE"));
 * }
 * }</pre>
 *
 * A lab the test made itself is checked with {@code LinuxReplay.of(lab)} and
 * {@link #assertSameOnLinux()} at the end.
 *
 * <p>Not thread-safe, like the lab.
 */
public final class LinuxReplay {

    /** The deadline of a wait unless set: 10 s, as Awaitility's and the engine's {@code eventually}. */
    public static final Duration DEFAULT_AT_MOST = Duration.ofSeconds(10);
    /** How often a wait asks Linux unless set: 100 ms, as Awaitility does. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    private final Lab lab;
    private final Machine machine;
    private final List<WaitPoint> waits = new ArrayList<>();
    private String name = "lab.lvs";
    private Path reportFile;
    /** How many transcript steps the last replay that agreed covered, -1 before one. */
    private int agreedSteps = -1;

    LinuxReplay(Lab lab, Machine machine) {
        this.lab = Objects.requireNonNull(lab, "lab");
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    /** The replay of {@code lab} on this machine's kernel. */
    public static LinuxReplay of(Lab lab) {
        return new LinuxReplay(lab, Machine.local());
    }

    /** The lab it replays. */
    public Lab lab() {
        return lab;
    }

    /**
     * A wait on a command's output: on the engine until the virtual clock
     * brings it about, on Linux (in the replay) until the real one does. The
     * command must take no time, as {@code ip neigh show} or
     * {@code cat /proc/sys/...}: it is polled.
     */
    public Wait eventually(Host host, String commandLine) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(commandLine, "commandLine");
        if (host.lab() != lab) {
            throw new IllegalArgumentException(host + " belongs to another lab");
        }
        return new Wait(host, commandLine, DEFAULT_AT_MOST, DEFAULT_POLL_INTERVAL);
    }

    /**
     * Replays what the lab did so far on Linux and checks that every command
     * printed there what it printed on the engine.
     *
     * @throws org.opentest4j.TestAbortedException when Linux cannot be asked
     *     here (not root, no network namespaces, IPVS without the ip_vs
     *     module, a step with no transcript form), with the reason
     * @throws AssertionError listing each command that printed something else,
     *     with its diff, and the replayed transcript
     */
    public void assertSameOnLinux() {
        Transcript transcript = lab.transcript();
        int steps = transcript.steps().size();
        boolean asksAnything = transcript.steps().stream()
                .anyMatch(s -> s instanceof Transcript.Command || s instanceof Transcript.Tcpdump);
        if (steps == agreedSteps || !asksAnything) {
            return;
        }
        Replay.Result result = Replay.run(name, transcript, List.copyOf(waits), machine);
        result.skipped().ifPresent(Assumptions::abort);
        if (result.agreed()) {
            agreedSteps = steps;
            return;
        }
        throw new AssertionError(result.message(write(result.transcript())));
    }

    /** Names the replayed spec in messages, and the file it is written to when it differs. */
    LinuxReplay reportAs(String specName, Path file) {
        this.name = Objects.requireNonNull(specName, "specName");
        this.reportFile = file;
        return this;
    }

    private Optional<String> write(String text) {
        if (reportFile == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, text, StandardCharsets.UTF_8);
            return Optional.of(reportFile.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A wait on one command's output, on both clocks. Immutable: each setter
     * returns a new wait.
     */
    public final class Wait {

        private final Host host;
        private final String commandLine;
        private final Duration atMost;
        private final Duration pollInterval;

        private Wait(Host host, String commandLine, Duration atMost, Duration pollInterval) {
            this.host = host;
            this.commandLine = commandLine;
            this.atMost = atMost;
            this.pollInterval = pollInterval;
        }

        /** The deadline, on either clock: 10 s unless set. */
        public Wait atMost(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("negative deadline " + value);
            }
            return new Wait(host, commandLine, value, pollInterval);
        }

        /**
         * How often Linux is asked: 100 ms unless set. (The engine is asked at
         * every instant something happens, so it sees the first.)
         */
        public Wait pollInterval(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the poll interval must be positive: " + value);
            }
            return new Wait(host, commandLine, atMost, value);
        }

        /**
         * Runs the engine's clock until {@code assertion} accepts what the
         * command prints ({@link Eventually}), then runs the command once more
         * as a step of the lab. In the replay, Linux is polled with Awaitility
         * at this point, up to the same deadline, before that step runs.
         *
         * @return the recorded command's result
         * @throws AssertionError if it did not hold on the engine by the deadline
         * @throws IllegalArgumentException if the command made the clock move
         */
        public CommandResult untilAsserted(Consumer<String> assertion) {
            Objects.requireNonNull(assertion, "assertion");
            int first = lab.transcript().steps().size();
            Duration took = Eventually.eventually(lab).within(atMost)
                    .untilAsserted(() -> assertion.accept(peek()));
            CommandResult result = host.run(commandLine);
            List<Transcript.Step> steps = lab.transcript().steps();
            int commandStep = steps.size() - 1;
            for (Transcript.Step s : steps.subList(first, commandStep)) {
                boolean idle = s instanceof Transcript.Command c && c.commandLine().startsWith("sleep ")
                        || s instanceof Transcript.Comment;
                if (!idle) {
                    throw new IllegalStateException("the assertion of a wait took a step of the lab: " + s);
                }
            }
            waits.add(new WaitPoint(first, commandStep, host.name(), commandLine, assertion, atMost, pollInterval,
                    took));
            return result;
        }

        /** The command's output now, without a step: it must take no time. */
        private String peek() {
            long before = lab.world().now();
            host.engine();
            Execution e = lab.shell().run(host.name(), commandLine);
            if (lab.world().now() != before) {
                throw new IllegalArgumentException("a wait polls a command that takes no time, but "
                        + host.name() + "# " + commandLine + " let " + (lab.world().now() - before)
                        + " ns of virtual time pass");
            }
            return e.output();
        }
    }
}
