package dev.lvsunit.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program to completion and collects what it printed.
 *
 * <p>Standard output and standard error go to one file through one open file
 * description (the effect of {@code 2>&1}), so the two streams keep the order
 * in which the program wrote them. A file rather than a pipe: a background
 * process the command leaves behind (a server it started) would keep a pipe
 * open and block the reader, while a file can be read as soon as the command
 * itself has exited.
 */
final class Exec {

    /** What a program printed (both streams, in write order) and its exit status. */
    record Result(String output, int exitStatus) {
        boolean ok() {
            return exitStatus == 0;
        }

        /** The output on one line, for error messages. */
        String oneLine() {
            return output.strip().replace('\n', ' ');
        }
    }

    /** The program did not finish within its time limit; it was killed. */
    static final class TimeoutException extends Exception {
        private static final long serialVersionUID = 1L;

        TimeoutException(String message) {
            super(message);
        }
    }

    /** A clean, predictable environment, as a root login shell would have it. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME", "/root",
            "USER", "root",
            "LOGNAME", "root",
            "SHELL", "/bin/bash",
            "LC_ALL", "C");

    private Exec() {
    }

    /**
     * Runs {@code argv} with {@code ENVIRONMENT} plus {@code extraEnv}, standard
     * input from /dev/null, output collected through {@code scratch} (a file
     * that is created and deleted here).
     */
    static Result run(List<String> argv, Map<String, String> extraEnv, Path scratch, Duration timeout)
            throws IOException, TimeoutException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(ENVIRONMENT);
        builder.environment().putAll(extraEnv);
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(scratch.toFile());
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                kill(process);
                throw new TimeoutException("did not finish within " + timeout.toSeconds() + " s: "
                        + String.join(" ", argv));
            }
            String output = Files.readString(scratch, StandardCharsets.UTF_8);
            return new Result(output, process.exitValue());
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    /** Kills a process we started and everything it started. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
