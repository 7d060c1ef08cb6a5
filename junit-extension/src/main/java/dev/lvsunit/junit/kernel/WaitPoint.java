package dev.lvsunit.junit.kernel;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One {@link LinuxReplay.Wait} as the test made it on the engine, for the
 * replay to make again on Linux.
 *
 * <p>On the engine the wait left in the transcript, from {@code firstStep}:
 * nothing, a {@code sleep} (the virtual time it took) or a comment (a time
 * shorter than the typing gap); then, at {@code commandStep}, the polled
 * command once more, recorded. The replay skips the first part and polls
 * Linux instead, in real time, before it runs the recorded command.
 *
 * @param firstStep the transcript index of the first step the wait added
 * @param commandStep the transcript index of the recorded command that ends it
 * @param host the host the command is polled on
 * @param commandLine the polled command, as typed after {@code HOST#}
 * @param assertion what the command's output must satisfy
 * @param atMost how long the wait may take, on either clock
 * @param pollInterval how often Linux is asked
 * @param engineTook how much virtual time the wait took on the engine
 */
record WaitPoint(int firstStep, int commandStep, String host, String commandLine, Consumer<String> assertion,
                 Duration atMost, Duration pollInterval, Duration engineTook) {

    WaitPoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(assertion, "assertion");
        Objects.requireNonNull(atMost, "atMost");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(engineTook, "engineTook");
        if (firstStep < 0 || commandStep < firstStep) {
            throw new IllegalArgumentException("steps " + firstStep + ".." + commandStep);
        }
    }

    /** Whether transcript step {@code index} is the wait itself, which Linux makes by polling. */
    boolean consumes(int index) {
        return index >= firstStep && index < commandStep;
    }
}
