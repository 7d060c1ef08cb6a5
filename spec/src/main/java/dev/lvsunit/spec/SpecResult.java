package dev.lvsunit.spec;

import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What running one {@link Spec} on one backend gave: every {@link Mismatch},
 * in file order, or the error that stopped the run.
 *
 * <p>A run goes on after a mismatch (later mismatches may be consequences of an
 * earlier one; all are reported) but stops at an error: a
 * {@link BackendException} (no root rights, an impossible topology) or a crash
 * of the backend.
 */
public final class SpecResult {

    private final Spec spec;
    private final String backend;
    private final List<Mismatch> mismatches;
    private final String error;
    private final Throwable errorCause;
    /** Per step of the transcript, what it printed; null for @lan and steps not run. */
    private final List<CommandOutcome> outcomes;

    SpecResult(Spec spec, String backend, List<Mismatch> mismatches, String error, Throwable errorCause,
               List<CommandOutcome> outcomes) {
        this.spec = spec;
        this.backend = backend;
        this.mismatches = List.copyOf(mismatches);
        this.error = error;
        this.errorCause = errorCause;
        this.outcomes = Collections.unmodifiableList(outcomes);
    }

    /** The spec that ran. */
    public Spec spec() {
        return spec;
    }

    /** The {@link dev.lvsunit.spec.backend.Backend#name() name} of the backend it ran on. */
    public String backend() {
        return backend;
    }

    /** True when the run completed and every command printed what its block says. */
    public boolean passed() {
        return error == null && mismatches.isEmpty();
    }

    /** Every command whose output or exit status differed, in file order. */
    public List<Mismatch> mismatches() {
        return mismatches;
    }

    /**
     * Why the run stopped early, as {@code file:line: message} (the line of the
     * step that failed, or the first line when the world could not be made).
     */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /**
     * The exception behind {@link #error()}: a {@link BackendException} (its
     * message says it all) or an unexpected exception from the backend (a bug:
     * its stack trace helps).
     */
    public Optional<Throwable> errorCause() {
        return Optional.ofNullable(errorCause);
    }

    /**
     * A readable report: {@code PASS name}, or {@code FAIL name} followed by
     * each mismatch ({@code file:line: command} and its diff, indented) and the
     * error, if any. Ends with a newline.
     */
    public String report() {
        StringBuilder out = new StringBuilder(passed() ? "PASS " : "FAIL ").append(spec.name()).append('\n');
        for (Mismatch m : mismatches) {
            out.append("  ").append(m.location()).append(": ").append(m.command()).append('\n');
            m.diff().lines().forEach(l -> out.append("    ").append(l).append('\n'));
        }
        if (error != null) {
            out.append("  ").append(error).append('\n');
        }
        return out.toString();
    }

    List<CommandOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public String toString() {
        return "SpecResult[" + spec.name() + " on " + backend + ": "
                + (passed() ? "passed" : mismatches.size() + " mismatches" + (error != null ? ", error" : "")) + "]";
    }
}
