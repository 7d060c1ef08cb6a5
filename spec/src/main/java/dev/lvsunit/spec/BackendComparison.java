package dev.lvsunit.spec;

import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.format.Alignment;
import dev.lvsunit.spec.format.BlockWriter;
import dev.lvsunit.spec.format.Diff;
import dev.lvsunit.spec.format.ExpectedLine;
import dev.lvsunit.spec.format.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what two backends printed for the same spec, command by command,
 * regardless of the spec's output blocks: the engine against real hosts
 * ({@code ./lvsunit --diff}).
 *
 * <p>The reference's output is read as expected output with its
 * {@link Volatility volatile fields} turned into globs, so round-trip times and
 * timestamps do not count as differences.
 */
public final class BackendComparison {

    private BackendComparison() {
    }

    /**
     * Every command both runs reached whose output or exit status differs. The
     * diffs are labelled with the backends' names, {@code -} lines from the
     * reference, {@code +} lines from the candidate.
     *
     * @throws IllegalArgumentException if the results are of different specs
     */
    public static List<Mismatch> compare(SpecResult reference, SpecResult candidate) {
        if (reference.spec() != candidate.spec()) {
            throw new IllegalArgumentException("results of different specs: "
                    + reference.spec().name() + ", " + candidate.spec().name());
        }
        Spec spec = reference.spec();
        List<Step> steps = spec.transcript().steps();
        String[] labels = {reference.backend(), candidate.backend()};
        List<Mismatch> differences = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            CommandOutcome ref = reference.outcomes().get(i);
            CommandOutcome cand = candidate.outcomes().get(i);
            if (ref == null || cand == null) {
                continue;
            }
            Step step = steps.get(i);
            String commandLine = step instanceof Step.Command c ? c.commandLine() : step.line().text();
            List<ExpectedLine> expected = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (String line : Outputs.lines(ref.output())) {
                expected.add(ExpectedLine.parse(
                        BlockWriter.line(line, l -> Volatility.globify(commandLine, l), false)));
                numbers.add(numbers.size() + 1);
            }
            List<String> actual = Outputs.lines(cand.output());
            if (Alignment.of(expected, actual).matches() && ref.exitStatus() == cand.exitStatus()) {
                continue;
            }
            String diff = Diff.render(labels, 0, expected, numbers, actual,
                    ref.exitStatus(), expected.size() + 1, cand.exitStatus());
            differences.add(Outputs.mismatch(spec.name(), step.line(), diff));
        }
        return differences;
    }
}
