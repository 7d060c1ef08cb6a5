package dev.lvsunit.dsl.sweep;

import dev.lvsunit.dsl.SysctlSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of every combination tried so far, and what they mean together:
 * the minimal failing combinations (failing, and no failing combination has a
 * strict subset of their changes) and the minimal passing ones. Filled
 * smallest combination first, as {@link SweepSpace} orders them.
 */
public final class SweepResults {

    /** One tried combination. */
    public record Outcome(Combination combination, boolean passed, String failure) {
    }

    private final SweepSpace space;
    private final Map<Combination, Outcome> outcomes = new LinkedHashMap<>();

    public SweepResults(SweepSpace space) {
        this.space = space;
    }

    /**
     * Runs {@code body} for every combination of {@code space}, smallest first,
     * without JUnit: a combination fails when the body throws an
     * {@link AssertionError}; any other exception stops the sweep.
     *
     * <pre>{@code
     * SweepResults results = SweepResults.run(space, c -> { ...; assertThat(...)...; });
     * assertThat(results.minimalFailures()).extracting(Combination::label).containsExactly(...);
     * }</pre>
     */
    public static SweepResults run(SweepSpace space, java.util.function.Consumer<Combination> body) {
        SweepResults results = new SweepResults(space);
        for (Combination c : space.all()) {
            try {
                body.accept(c);
                results.passed(c);
            } catch (AssertionError e) {
                results.failed(c, String.valueOf(e.getMessage()));
            }
        }
        return results;
    }

    public SweepSpace space() {
        return space;
    }

    public synchronized void passed(Combination c) {
        outcomes.put(c, new Outcome(c, true, null));
    }

    public synchronized void failed(Combination c, String failure) {
        outcomes.put(c, new Outcome(c, false, failure));
    }

    public synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes.values());
    }

    /** A failing combination tried so far whose changes are a strict subset of {@code c}'s, if any. */
    public synchronized Optional<Combination> smallerFailure(Combination c) {
        for (Outcome o : outcomes.values()) {
            if (!o.passed() && o.combination().isSmallerThan(c)) {
                return Optional.of(o.combination());
            }
        }
        return Optional.empty();
    }

    /** Failing combinations with no failing strict subset among those tried. */
    public synchronized List<Combination> minimalFailures() {
        return minimal(false);
    }

    /** Passing combinations with no passing strict subset among those tried. */
    public synchronized List<Combination> minimalPasses() {
        return minimal(true);
    }

    private List<Combination> minimal(boolean passed) {
        List<Combination> out = new ArrayList<>();
        for (Outcome o : outcomes.values()) {
            if (o.passed() != passed) {
                continue;
            }
            boolean minimal = true;
            for (Outcome other : outcomes.values()) {
                if (other.passed() == passed && other.combination().isSmallerThan(o.combination())) {
                    minimal = false;
                    break;
                }
            }
            if (minimal) {
                out.add(o.combination());
            }
        }
        return out;
    }

    public synchronized long failures() {
        return outcomes.values().stream().filter(o -> !o.passed()).count();
    }

    /**
     * The report: minimal failing combinations, then the minimal passing ones
     * (the smallest changes from the baseline that make the property hold).
     */
    public synchronized String summary() {
        StringBuilder sb = new StringBuilder();
        List<Combination> minFail = minimalFailures();
        sb.append(failures()).append(" of ").append(outcomes.size()).append(" combinations of ").append(space)
                .append(" fail; baseline ").append(baselineText()).append('\n');
        sb.append("minimal failing combinations (no failing combination has a subset of their changes):\n");
        for (Combination c : minFail) {
            sb.append("  ").append(c.label()).append('\n');
        }
        if (minFail.isEmpty()) {
            sb.append("  none\n");
        }
        List<Combination> minPass = minimalPasses();
        sb.append("minimal passing combinations:\n");
        for (Combination c : minPass) {
            sb.append("  ").append(c.label()).append('\n');
        }
        if (minPass.isEmpty()) {
            sb.append("  none\n");
        }
        return sb.toString();
    }

    private String baselineText() {
        List<String> words = new ArrayList<>();
        for (SysctlSetting s : space.baseline().settings()) {
            words.add(Combination.shortName(s.key().name()) + "=" + s.value());
        }
        return String.join(" ", words);
    }

    /**
     * A Markdown table for documentation: one column per dimension, one row
     * per combination tried, and the result, {@code pass} or {@code FAIL}
     * ({@code FAIL, minimal} for the minimal failures).
     */
    public synchronized String table() {
        StringBuilder sb = new StringBuilder("|");
        for (Dimension d : space.dimensions()) {
            sb.append(' ').append(Combination.shortName(d.key().name())).append(" |");
        }
        sb.append(" result |\n|");
        for (int i = 0; i <= space.dimensions().size(); i++) {
            sb.append("---|");
        }
        sb.append('\n');
        List<Combination> minFail = minimalFailures();
        for (Outcome o : outcomes.values()) {
            sb.append('|');
            for (SysctlSetting s : o.combination().settings()) {
                sb.append(' ').append(s.value()).append(" |");
            }
            sb.append(' ').append(o.passed() ? "pass" : minFail.contains(o.combination()) ? "FAIL, minimal" : "FAIL")
                    .append(" |\n");
        }
        return sb.toString();
    }
}
