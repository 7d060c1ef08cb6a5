package dev.lvsunit.spec.format;

import java.util.List;

/**
 * The output block under a command or directive, trailing blank lines dropped.
 *
 * @param lines the block's transcript lines, including a final {@code [N]} line
 * @param expected the expected lines, without the {@code [N]} line
 * @param exitStatus the expected exit status: N from a final {@code [N]}, else 0
 */
public record OutputBlock(List<TranscriptLine> lines, List<ExpectedLine> expected, int exitStatus) {

    public OutputBlock {
        lines = List.copyOf(lines);
        expected = List.copyOf(expected);
    }

    /** The block of a command that must print nothing and exit 0. */
    public static OutputBlock empty() {
        return new OutputBlock(List.of(), List.of(), 0);
    }

    /** The file line number of the i-th expected line. */
    public int lineNumber(int expectedIndex) {
        return lines.get(expectedIndex).number();
    }

    /** The file line number of the {@code [N]} line; only valid when {@code exitStatus != 0}. */
    public int exitLineNumber() {
        return lines.get(lines.size() - 1).number();
    }
}
