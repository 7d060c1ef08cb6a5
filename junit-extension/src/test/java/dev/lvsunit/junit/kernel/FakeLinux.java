package dev.lvsunit.junit.kernel;

import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Transcript;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A stand-in for Linux in tests that need no root: by default each command
 * prints what the lab's engine printed for it (the Nth run of a command line
 * what its Nth run printed, the last one after that), except where a test
 * says otherwise. It records every request, in order.
 */
final class FakeLinux implements Backend {

    /** Every request: {@code @lan ...}, {@code HOST# COMMAND}, {@code @tcpdump ...}, {@code close}. */
    final List<String> requests = new ArrayList<>();
    private final Map<String, List<CommandOutcome>> engine = new HashMap<>();
    private final Map<String, IntFunction<CommandOutcome>> overrides = new HashMap<>();
    private final Map<String, Integer> runs = new HashMap<>();

    /** Linux as the lab's engine saw it. */
    static FakeLinux like(Lab lab) {
        FakeLinux fake = new FakeLinux();
        for (Transcript.Step step : lab.transcript().steps()) {
            if (step instanceof Transcript.Command c) {
                fake.engine.computeIfAbsent(c.host() + "# " + c.commandLine(), k -> new ArrayList<>())
                        .add(new CommandOutcome(c.output(), c.exitStatus()));
            } else if (step instanceof Transcript.Tcpdump t) {
                fake.engine.computeIfAbsent(tcpdumpLine(t.segment(), t.arguments()), k -> new ArrayList<>())
                        .add(new CommandOutcome(t.output(), t.exitStatus()));
            }
        }
        return fake;
    }

    /** {@code request} ({@code HOST# COMMAND} or {@code @tcpdump ...}) prints, on its Nth run (from 1), {@code answer(N)}. */
    FakeLinux when(String request, IntFunction<CommandOutcome> answer) {
        overrides.put(request, answer);
        return this;
    }

    /** {@code request} always prints {@code output} and exits 0. */
    FakeLinux when(String request, String output) {
        return when(request, n -> new CommandOutcome(output, 0));
    }

    /** A machine where this fake is Linux. */
    Machine machine() {
        return new Machine(this, "fake Linux hosts", Optional.empty(), Optional.empty());
    }

    /** How many times {@code request} ran. */
    int runs(String request) {
        return runs.getOrDefault(request, 0);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Session open() {
        return new Session() {
            @Override
            public void host(String name) {
                requests.add("host " + name);
            }

            @Override
            public void lan(String segment, List<LanMember> members) {
                StringBuilder sb = new StringBuilder("@lan ").append(segment);
                for (LanMember m : members) {
                    sb.append(' ').append(m.host()).append(':').append(m.device()).append('=').append(m.mac());
                }
                requests.add(sb.toString());
            }

            @Override
            public CommandOutcome run(String host, String commandLine) {
                return answer(host + "# " + commandLine);
            }

            @Override
            public CommandOutcome tcpdump(String segment, List<String> arguments) {
                return answer(tcpdumpLine(segment, arguments));
            }

            @Override
            public void close() {
                requests.add("close");
            }
        };
    }

    private CommandOutcome answer(String request) {
        requests.add(request);
        int n = runs.merge(request, 1, Integer::sum);
        IntFunction<CommandOutcome> override = overrides.get(request);
        if (override != null) {
            return override.apply(n);
        }
        List<CommandOutcome> seen = engine.get(request);
        if (seen == null) {
            return new CommandOutcome("bash: " + request.substring(request.indexOf("# ") + 2).split(" ")[0]
                    + ": command not found\n", 127);
        }
        return seen.get(Math.min(n, seen.size()) - 1);
    }

    private static String tcpdumpLine(String segment, List<String> arguments) {
        List<String> words = new ArrayList<>(List.of("@tcpdump", segment));
        words.addAll(arguments);
        return String.join(" ", words);
    }
}
