package dev.lvsunit.junit.kernel;

import static org.awaitility.Awaitility.await;

import dev.lvsunit.dsl.Shells;
import dev.lvsunit.dsl.Transcript;
import dev.lvsunit.spec.Mismatch;
import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Replays a lab's transcript on another backend and compares, command by
 * command, what it prints with what the engine printed.
 *
 * <p>The algorithm:
 * <ol>
 *   <li>skip (with the reason) when the machine cannot run the backend, when
 *       the transcript configures IPVS and the machine has none, or when the
 *       test did something a transcript cannot replay (a raw frame);</li>
 *   <li>render the transcript in its portable form (the engine's output, with
 *       round-trip times, timestamps and other fields that vary between runs
 *       as globs, as {@code ./lvsunit --update} records them) and parse it as
 *       a spec;</li>
 *   <li>run the spec with {@link SpecRunner} on the backend, so matching and
 *       diffs are the spec format's own; where the test waited
 *       ({@link WaitPoint}), leave out the wait's {@code sleep} and instead
 *       poll the backend with Awaitility until the wait's assertion holds on
 *       what it prints, then run the recorded command;</li>
 *   <li>report every command whose output or exit status differs and every
 *       wait that did not come true, in file order.</li>
 * </ol>
 */
final class Replay {

    /** How {@link dev.lvsunit.spec.format.Diff} heads a spec's diff. */
    private static final String SPEC_HEADER = "--- expected\n+++ actual\n";

    private Replay() {
    }

    /** One command that went otherwise on the backend. */
    record Finding(int line, String command, String body) {
    }

    /**
     * What a replay gave.
     *
     * @param name the spec's name, for locations
     * @param transcript the replayed transcript, portable form
     * @param where the backend's hosts, for the message ({@code Linux 6.18 hosts})
     * @param checks how many commands the transcript checks
     * @param skipped why the replay did not run, if it did not
     * @param findings the differences, in file order
     * @param error what stopped the replay early, as {@code name:line: message}
     */
    record Result(String name, String transcript, String where, int checks, Optional<String> skipped,
                  List<Finding> findings, Optional<String> error) {

        static Result skipped(String name, String reason) {
            return new Result(name, "", "", 0, Optional.of(reason), List.of(), Optional.empty());
        }

        /** True when the replay ran and every command printed what it printed on the engine. */
        boolean agreed() {
            return skipped.isEmpty() && findings.isEmpty() && error.isEmpty();
        }

        /**
         * The failure message: what differs, with each command's diff
         * ({@code -} the engine, {@code +} the backend), then the transcript
         * with line numbers. {@code file}, if given, is where it was written.
         */
        String message(Optional<String> file) {
            long differing = findings.stream().map(Finding::line).distinct().count();
            StringBuilder sb = new StringBuilder("Linux disagrees with the engine: the test passed on the engine, but ");
            if (differing > 0) {
                sb.append("replayed on ").append(where).append(", ").append(differing).append(" of ").append(checks)
                        .append(checks == 1 ? " command" : " commands").append(" printed something else");
            } else {
                sb.append("its replay on ").append(where).append(" stopped");
            }
            sb.append("\n(- what the engine printed, fields that vary between runs as globs; + what Linux printed)\n");
            for (Finding f : findings) {
                sb.append("  ").append(name).append(':').append(f.line()).append(": ").append(f.command()).append('\n');
                f.body().lines().forEach(l -> sb.append("    ").append(l).append('\n'));
            }
            error.ifPresent(e -> sb.append("  ").append(e).append('\n'));
            sb.append("lvsunit: the transcript replayed on Linux");
            file.ifPresent(f -> sb.append(" (in ").append(f).append("; sudo ./lvsunit --kernel ")
                    .append(Shells.quote(Path.of(f).toAbsolutePath().normalize().toString()))
                    .append(" runs it again)"));
            sb.append(":\n");
            String[] lines = transcript.split("\n", -1);
            int width = Integer.toString(lines.length).length();
            for (int i = 0; i < lines.length - 1; i++) {
                sb.append(String.format("  %" + width + "d  ", i + 1)).append(lines[i]).append('\n');
            }
            return sb.toString();
        }
    }

    /** Replays {@code transcript} on {@code machine}, with {@code waits} made there again. */
    static Result run(String name, Transcript transcript, List<WaitPoint> waits, Machine machine) {
        Objects.requireNonNull(name, "name");
        List<Transcript.Step> steps = transcript.steps();
        Optional<String> skip = whyNot(steps, waits, machine);
        if (skip.isPresent()) {
            return Result.skipped(name, skip.get());
        }
        String text = transcript.renderPortable();
        Spec spec = Spec.parse(name, text);
        Following backend = new Following(machine.backend(), steps, waits);
        SpecResult result = new SpecRunner(backend).run(spec);
        List<Finding> findings = new ArrayList<>();
        int[] lines = commandLines(text, steps);
        // a wait comes before the command it ends, so it goes first of findings on one line (the sort is stable)
        for (Following.Late late : backend.late) {
            findings.add(new Finding(lines[late.index()], late.point().host() + "# " + late.point().commandLine(),
                    late.describe()));
        }
        for (Mismatch m : result.mismatches()) {
            findings.add(new Finding(m.line(), m.command(), relabel(m.diff())));
        }
        findings.sort(Comparator.comparingInt(Finding::line));
        return new Result(name, text, machine.where(), spec.checkCount(), Optional.empty(), findings,
                result.error());
    }

    /** Why the transcript cannot be replayed on this machine, if it cannot. */
    private static Optional<String> whyNot(List<Transcript.Step> steps, List<WaitPoint> waits, Machine machine) {
        if (machine.unavailable().isPresent()) {
            return machine.unavailable();
        }
        for (int i = 0; i < steps.size(); i++) {
            Transcript.Step step = steps.get(i);
            int index = i;
            if (step instanceof Transcript.Comment c && c.inexact() && waits.stream().noneMatch(w -> w.consumes(index))) {
                return Optional.of("this test did something a transcript cannot replay, so Linux cannot be asked: "
                        + c.text().replaceFirst("^lvsunit: ", ""));
            }
            if (step instanceof Transcript.Command c && machine.noIpvs().isPresent()
                    && firstWord(c.commandLine()).equals("ipvsadm")) {
                return Optional.of("the lab configures IPVS (" + c.host() + "# " + c.commandLine() + ") and "
                        + machine.noIpvs().get());
            }
        }
        return Optional.empty();
    }

    private static String firstWord(String commandLine) {
        String first = commandLine.strip().split("\\s+", 2)[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** A spec diff's {@code expected}/{@code actual} header as {@code engine}/{@code linux}. */
    private static String relabel(String diff) {
        return diff.startsWith(SPEC_HEADER) ? "--- engine\n+++ linux\n" + diff.substring(SPEC_HEADER.length()) : diff;
    }

    /**
     * The file line of each step's {@code HOST# COMMAND} or {@code @tcpdump}
     * line in {@code text}, 0 for other steps: found in order, since the
     * rendering writes steps in order, each command line as typed.
     */
    private static int[] commandLines(String text, List<Transcript.Step> steps) {
        String[] lines = text.split("\n", -1);
        int[] numbers = new int[steps.size()];
        int at = 0;
        for (int i = 0; i < steps.size(); i++) {
            String header;
            if (steps.get(i) instanceof Transcript.Command c) {
                header = c.host() + "# " + c.commandLine();
            } else if (steps.get(i) instanceof Transcript.Tcpdump t) {
                List<String> words = new ArrayList<>(List.of("@tcpdump", t.segment()));
                words.addAll(t.arguments());
                header = String.join(" ", words);
            } else {
                continue;
            }
            while (at < lines.length && !lines[at].equals(header)) {
                at++;
            }
            numbers[i] = at < lines.length ? at + 1 : 0;
        }
        return numbers;
    }

    /**
     * The backend, driven by {@link SpecRunner} step by step through the
     * lab's transcript: each run or tcpdump is the next checked step. A wait's
     * own steps are answered with what the engine printed (a sleep prints
     * nothing) without running them, and the backend is polled instead.
     */
    static final class Following implements Backend {

        /** A wait that did not come true on the backend. */
        record Late(int index, WaitPoint point, int polls, Duration waited, String lastOutput, AssertionError failure) {
            String describe() {
                StringBuilder sb = new StringBuilder("waited for this command's output to satisfy the test's assertion: ")
                        .append("on the engine it did after ").append(seconds(point.engineTook()))
                        .append(" of virtual time, on Linux not within ")
                        .append(seconds(point.atMost())).append(" (").append(polls)
                        .append(polls == 1 ? " poll" : " polls").append(" in ").append(seconds(waited))
                        .append("); the last output:\n");
                lastOutput.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
                if (failure != null && failure.getMessage() != null) {
                    sb.append("the last failure:\n");
                    failure.getMessage().strip().lines().forEach(l -> sb.append("  ").append(l).append('\n'));
                }
                return sb.toString();
            }
        }

        private final Backend backend;
        private final List<Transcript.Step> steps;
        private final List<Integer> checked = new ArrayList<>();
        private final Map<Integer, WaitPoint> waitBefore = new HashMap<>();
        private final List<WaitPoint> waits;
        final List<Late> late = new ArrayList<>();

        Following(Backend backend, List<Transcript.Step> steps, List<WaitPoint> waits) {
            this.backend = backend;
            this.steps = steps;
            this.waits = waits;
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) instanceof Transcript.Command || steps.get(i) instanceof Transcript.Tcpdump) {
                    checked.add(i);
                }
            }
            for (WaitPoint w : waits) {
                waitBefore.put(w.commandStep(), w);
            }
        }

        @Override
        public String name() {
            return backend.name();
        }

        @Override
        public Session open() {
            return new FollowingSession(backend.open());
        }

        private final class FollowingSession implements Session {
            private final Session session;
            private int calls;

            FollowingSession(Session session) {
                this.session = session;
            }

            @Override
            public void host(String name) {
                session.host(name);
            }

            @Override
            public void lan(String segment, List<LanMember> members) {
                session.lan(segment, members);
            }

            @Override
            public CommandOutcome run(String host, String commandLine) {
                int index = next(host + "# " + commandLine);
                Transcript.Command recorded = (Transcript.Command) steps.get(index);
                if (waits.stream().anyMatch(w -> w.consumes(index))) {
                    return new CommandOutcome(recorded.output(), recorded.exitStatus());
                }
                WaitPoint wait = waitBefore.get(index);
                if (wait != null) {
                    poll(index, wait);
                }
                return session.run(host, commandLine);
            }

            @Override
            public CommandOutcome tcpdump(String segment, List<String> arguments) {
                List<String> words = new ArrayList<>(List.of("@tcpdump", segment));
                words.addAll(arguments);
                next(String.join(" ", words));
                return session.tcpdump(segment, arguments);
            }

            @Override
            public void close() {
                session.close();
            }

            /** The transcript index of the step the runner asks for now, checked against what it asks. */
            private int next(String asked) {
                if (calls >= checked.size()) {
                    throw new IllegalStateException("the replay asked for " + asked + " after the last step");
                }
                int index = checked.get(calls++);
                Transcript.Step step = steps.get(index);
                String expected = step instanceof Transcript.Command c ? c.host() + "# " + c.commandLine() : null;
                if (expected != null && !expected.equals(asked)
                        || expected == null && !asked.startsWith("@tcpdump ")) {
                    throw new IllegalStateException("the replay is out of step: it asked for " + asked
                            + " where the transcript has " + step);
                }
                return index;
            }

            /** Asks the backend, in real time, until the wait's assertion holds on what the command prints. */
            private void poll(int index, WaitPoint wait) {
                AtomicReference<String> lastOutput = new AtomicReference<>("");
                AtomicReference<AssertionError> lastFailure = new AtomicReference<>();
                int[] polls = {0};
                long start = System.nanoTime();
                try {
                    await("the test's wait on " + wait.host() + "# " + wait.commandLine())
                            .atMost(wait.atMost())
                            .pollDelay(Duration.ZERO)
                            .pollInterval(wait.pollInterval())
                            .pollInSameThread()
                            .untilAsserted(() -> {
                                polls[0]++;
                                String output = session.run(wait.host(), wait.commandLine()).output();
                                lastOutput.set(output);
                                try {
                                    wait.assertion().accept(output);
                                    lastFailure.set(null);
                                } catch (AssertionError e) {
                                    lastFailure.set(e);
                                    throw e;
                                }
                            });
                } catch (ConditionTimeoutException e) {
                    late.add(new Late(index, wait, polls[0], Duration.ofNanos(System.nanoTime() - start),
                            lastOutput.get(), lastFailure.get()));
                }
            }
        }
    }

    /** {@code 2.35 s}, {@code 10 s}, {@code 0.0004 s}. */
    static String seconds(Duration d) {
        return new BigDecimal(d.toNanos()).movePointLeft(9).round(new MathContext(3))
                .stripTrailingZeros().toPlainString() + " s";
    }
}
