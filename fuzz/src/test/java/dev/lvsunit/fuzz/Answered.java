package dev.lvsunit.fuzz;

import dev.lvsunit.engine.World;
import dev.lvsunit.engine.sim.WorldLimits;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;
import java.nio.charset.StandardCharsets;

/**
 * The property every front end must have: every input is answered. A command
 * line ends in output or a clear error with an exit status in 0..255, never in
 * an exception escaping {@link Shell#run}; and it is bounded: the world runs at
 * most the engine's per-command budget of events, and its clock stays finite.
 *
 * <p>A failure without a word is not a bug by itself: the real tools do it
 * ({@code sysctl -w n} exits 1 silently, {@code curl -s} exits 6), and lvsunit
 * prints what they print.
 */
final class Answered {

    /** Longer inputs say nothing new and only slow the fuzzer down. */
    static final int MAX_LINE = 300;

    private Answered() {
    }

    /** The fuzzer's bytes as text, the way a terminal would hand them to bash. */
    static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The first line of the input: a command line has no newline. */
    static String line(byte[] data) {
        String text = text(data);
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
    }

    /**
     * Runs {@code line} on {@code host} and checks the property.
     *
     * @throws AssertionError if it does not hold (an exception from the command
     *     escapes as itself, so that the fuzzer tells crashes apart by their stack)
     */
    static Execution run(Shell shell, String host, String line) {
        World world = shell.world();
        long eventsBefore = world.events().executed();
        Execution e = shell.run(host, line);
        long events = world.events().executed() - eventsBefore;
        if (e.exitStatus() < 0 || e.exitStatus() > 255) {
            throw new AssertionError("exit status " + e.exitStatus() + " for: " + line);
        }
        WorldLimits limits = world.events().limits();
        if (events > limits.maxEventsPerCommand() + 1) {
            throw new AssertionError(events + " events for one command: " + line);
        }
        if (world.now() < 0 || world.now() > limits.maxTime()) {
            throw new AssertionError("virtual clock at " + world.now() + " after: " + line);
        }
        return e;
    }
}
