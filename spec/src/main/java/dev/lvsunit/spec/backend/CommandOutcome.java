package dev.lvsunit.spec.backend;

import java.util.Objects;

/**
 * What a command printed and how it exited.
 *
 * @param output standard output and standard error, interleaved in the order
 *     they were written; lines end with {@code \n}
 * @param exitStatus the exit status, 0 for success
 */
public record CommandOutcome(String output, int exitStatus) {
    public CommandOutcome {
        Objects.requireNonNull(output, "output");
    }
}
