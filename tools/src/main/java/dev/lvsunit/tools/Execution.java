package dev.lvsunit.tools;

import java.util.Objects;

/**
 * What a command printed and how it exited.
 *
 * @param output standard output and standard error interleaved in write order
 * @param exitStatus the exit status, 0 for success
 */
public record Execution(String output, int exitStatus) {
    public Execution {
        Objects.requireNonNull(output, "output");
    }
}
