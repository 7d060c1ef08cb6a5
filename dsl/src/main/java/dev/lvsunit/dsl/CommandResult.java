package dev.lvsunit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one command printed on a host and how it exited.
 *
 * @param host the host it ran on
 * @param commandLine the command line as typed after {@code HOST#}
 * @param output standard output and standard error, interleaved in write order
 * @param exitStatus the exit status, 0 for success
 */
public record CommandResult(String host, String commandLine, String output, int exitStatus) {

    public CommandResult {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(output, "output");
    }

    /** Whether it exited 0. */
    public boolean succeeded() {
        return exitStatus == 0;
    }

    /** The output split into lines, without their newlines (a final newline ends the last line). */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(List.of(output.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /**
     * This result, if the command exited 0.
     *
     * @throws CommandFailedException with the command, its output and status otherwise
     */
    public CommandResult orThrow() {
        if (exitStatus != 0) {
            throw new CommandFailedException(this);
        }
        return this;
    }

    /** As a transcript shows it: {@code host# command}, the output, then {@code [N]} for a failure. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(host).append("# ").append(commandLine).append('\n');
        sb.append(output);
        if (!output.isEmpty() && !output.endsWith("\n")) {
            sb.append('\n');
        }
        if (exitStatus != 0) {
            sb.append('[').append(exitStatus).append("]\n");
        }
        return sb.toString();
    }
}
