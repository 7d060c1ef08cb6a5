package dev.lvsunit.spec;

import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.format.Alignment;
import dev.lvsunit.spec.format.Diff;
import dev.lvsunit.spec.format.ExpectedLine;
import dev.lvsunit.spec.format.OutputBlock;
import dev.lvsunit.spec.format.Step;
import dev.lvsunit.spec.format.TranscriptLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Comparing one step's outcome with its block. */
final class Outputs {

    private static final String[] LABELS = {"expected", "actual"};

    private Outputs() {
    }

    /** The lines of an output: split at {@code \n}; a missing final newline does not count. */
    static List<String> lines(String output) {
        List<String> lines = new ArrayList<>(List.of(output.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The mismatch of one step, or empty when its output matches. */
    static Optional<Mismatch> check(String file, Step.Checked step, CommandOutcome outcome) {
        OutputBlock block = step.block();
        List<String> actual = lines(outcome.output());
        if (Alignment.of(block.expected(), actual).matches() && block.exitStatus() == outcome.exitStatus()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < block.expected().size(); i++) {
            numbers.add(block.lineNumber(i));
        }
        String diff = Diff.render(LABELS, step.line().number(), block.expected(), numbers, actual,
                block.exitStatus(), block.exitStatus() == 0 ? -1 : block.exitLineNumber(), outcome.exitStatus());
        return Optional.of(mismatch(file, step.line(), diff));
    }

    static Mismatch mismatch(String file, TranscriptLine line, String diff) {
        return new Mismatch(file, line.number(), ExpectedLine.stripTrailingSpaces(line.text()), diff);
    }
}
