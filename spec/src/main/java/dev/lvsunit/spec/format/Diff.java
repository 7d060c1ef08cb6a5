package dev.lvsunit.spec.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an {@link Alignment} as a unified diff: {@code -} lines are expected
 * lines that no actual line matched, {@code +} lines are actual lines that no
 * expected line matched, context lines (a space) show actual output that
 * matched. An exit status that differs shows as {@code -[N]} / {@code +[M]}
 * at the end, as the spec would write it. Hunks keep three lines of context;
 * their headers number expected lines by file line and actual lines from 1.
 */
public final class Diff {

    private static final int CONTEXT = 3;

    private record Line(char tag, String text, int expectedNumber, int actualNumber) {
    }

    private Diff() {
    }

    /**
     * The diff of one output block against one command's output.
     *
     * @param labels the names of the two sides, such as {@code expected} and {@code actual}
     * @param anchorLine the file line of the command (where an empty expected side sits)
     * @param expected the expected lines
     * @param expectedNumbers the file line number of each expected line
     * @param actual the actual lines
     * @param expectedExit the expected exit status and, if not 0, the file line of its {@code [N]}
     * @param actualExit the actual exit status
     */
    public static String render(String[] labels, int anchorLine, List<ExpectedLine> expected,
                                List<Integer> expectedNumbers, List<String> actual,
                                int expectedExit, int expectedExitLine, int actualExit) {
        Alignment alignment = Alignment.of(expected, actual);
        List<Line> lines = new ArrayList<>();
        List<Line> removed = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        for (Alignment.Op op : alignment.ops()) {
            int e = op.expected();
            int a = op.actual();
            switch (op.kind()) {
                case MATCH, ABSORB -> {
                    flush(lines, removed, added);
                    lines.add(new Line(' ', actual.get(a), expectedNumbers.get(e), a + 1));
                }
                case ELLIPSIS -> {
                }
                case DELETE -> removed.add(new Line('-', expected.get(e).source(), expectedNumbers.get(e), -1));
                case INSERT -> added.add(new Line('+', actual.get(a), -1, a + 1));
                case SUBSTITUTE -> {
                    removed.add(new Line('-', expected.get(e).source(), expectedNumbers.get(e), -1));
                    added.add(new Line('+', actual.get(a), -1, a + 1));
                }
            }
        }
        if (expectedExit != actualExit) {
            if (expectedExit != 0) {
                removed.add(new Line('-', "[" + expectedExit + "]", expectedExitLine, -1));
            }
            if (actualExit != 0) {
                added.add(new Line('+', "[" + actualExit + "]", -1, actual.size() + 1));
            }
        }
        flush(lines, removed, added);
        return hunks(labels, anchorLine, lines);
    }

    private static void flush(List<Line> lines, List<Line> removed, List<Line> added) {
        lines.addAll(removed);
        lines.addAll(added);
        removed.clear();
        added.clear();
    }

    private static String hunks(String[] labels, int anchorLine, List<Line> lines) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(labels[0]).append('\n');
        out.append("+++ ").append(labels[1]).append('\n');
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).tag() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            // extend while the next change is within 2 * CONTEXT lines
            int lastChange = i;
            for (int k = i; k < lines.size(); k++) {
                if (lines.get(k).tag() != ' ') {
                    if (k - lastChange > 2 * CONTEXT) {
                        break;
                    }
                    lastChange = k;
                }
            }
            int end = Math.min(lines.size(), lastChange + CONTEXT + 1);
            header(out, anchorLine, lines, start, end);
            for (Line line : lines.subList(start, end)) {
                out.append(line.tag()).append(line.text()).append('\n');
            }
            i = end;
        }
        return out.toString();
    }

    private static void header(StringBuilder out, int anchorLine, List<Line> lines, int start, int end) {
        int expectedStart = -1;
        int expectedCount = 0;
        int actualStart = -1;
        int actualCount = 0;
        for (Line line : lines.subList(start, end)) {
            if (line.tag() != '+') {
                expectedCount++;
                if (expectedStart < 0) {
                    expectedStart = line.expectedNumber();
                }
            }
            if (line.tag() != '-') {
                actualCount++;
                if (actualStart < 0) {
                    actualStart = line.actualNumber();
                }
            }
        }
        if (expectedStart < 0) {
            expectedStart = anchorLine;
            for (Line line : lines.subList(0, start)) {
                if (line.expectedNumber() > 0) {
                    expectedStart = line.expectedNumber();
                }
            }
        }
        if (actualStart < 0) {
            actualStart = 0;
            for (Line line : lines.subList(0, start)) {
                if (line.actualNumber() > 0) {
                    actualStart = line.actualNumber();
                }
            }
        }
        out.append("@@ -").append(expectedStart).append(',').append(expectedCount)
                .append(" +").append(actualStart).append(',').append(actualCount).append(" @@\n");
    }
}
