package dev.lvsunit.spec.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up expected lines with actual lines: the matcher, the diff and
 * {@code --update} all read the same alignment.
 *
 * <p>The alignment is the cheapest edit script by dynamic programming, where
 * <ul>
 *   <li>an expected line that {@link ExpectedLine#matches matches} an actual
 *       line costs nothing ({@link Op.Kind#MATCH});</li>
 *   <li>{@code ...} takes any number of actual lines ({@link Op.Kind#ABSORB}
 *       per line; {@link Op.Kind#ELLIPSIS} marks where it stops) at a tiny cost
 *       per line, so that it takes no more lines than it must: a changed line
 *       next to a {@code ...} shows as changed rather than vanishing into it;</li>
 *   <li>an expected line with no actual line ({@link Op.Kind#DELETE}), an
 *       actual line with no expected line ({@link Op.Kind#INSERT}) and an
 *       expected line replaced by a different actual line
 *       ({@link Op.Kind#SUBSTITUTE}) cost one change each.</li>
 * </ul>
 * The output matches exactly when no change is needed. Ties prefer, in order:
 * a match, ending a {@code ...}, a deletion, an insertion, a substitution, so
 * diffs read like LCS diffs. Each (expected, actual) pair is compared once:
 * O(expected × actual).
 */
public final class Alignment {

    /**
     * One step of the edit script.
     *
     * @param kind what happened
     * @param expected index into the expected lines, or -1
     * @param actual index into the actual lines, or -1
     */
    public record Op(Kind kind, int expected, int actual) {
        /** The kinds of step. */
        public enum Kind { MATCH, ABSORB, ELLIPSIS, DELETE, INSERT, SUBSTITUTE }

        /** Whether this step means the lines differ. */
        public boolean isChange() {
            return kind == Kind.DELETE || kind == Kind.INSERT || kind == Kind.SUBSTITUTE;
        }
    }

    /** The cost of one changed line; a line taken by {@code ...} costs 1. */
    private static final long CHANGE = 1L << 32;

    private final List<Op> ops;
    private final long cost;

    private Alignment(List<Op> ops, long cost) {
        this.ops = List.copyOf(ops);
        this.cost = cost;
    }

    /** The edit script, in order. */
    public List<Op> ops() {
        return ops;
    }

    /** Whether every actual line is accounted for by an expected line and vice versa. */
    public boolean matches() {
        return cost < CHANGE;
    }

    /** Aligns {@code expected} with {@code actual}. */
    public static Alignment of(List<ExpectedLine> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        long[][] cost = new long[n + 1][m + 1];
        Op.Kind[][] choice = new Op.Kind[n + 1][m + 1];
        for (int j = m; j >= 0; j--) {
            cost[n][j] = (m - j) * CHANGE;
            choice[n][j] = Op.Kind.INSERT;
        }
        for (int i = n - 1; i >= 0; i--) {
            ExpectedLine e = expected.get(i);
            for (int j = m; j >= 0; j--) {
                if (e instanceof ExpectedLine.Ellipsis) {
                    long best = cost[i + 1][j];
                    Op.Kind kind = Op.Kind.ELLIPSIS;
                    if (j < m && 1 + cost[i][j + 1] < best) {
                        best = 1 + cost[i][j + 1];
                        kind = Op.Kind.ABSORB;
                    }
                    cost[i][j] = best;
                    choice[i][j] = kind;
                    continue;
                }
                long best = Long.MAX_VALUE;
                Op.Kind kind = null;
                if (j < m && e.matches(actual.get(j))) {
                    best = cost[i + 1][j + 1];
                    kind = Op.Kind.MATCH;
                }
                if (CHANGE + cost[i + 1][j] < best) {
                    best = CHANGE + cost[i + 1][j];
                    kind = Op.Kind.DELETE;
                }
                if (j < m && CHANGE + cost[i][j + 1] < best) {
                    best = CHANGE + cost[i][j + 1];
                    kind = Op.Kind.INSERT;
                }
                if (j < m && CHANGE + cost[i + 1][j + 1] < best) {
                    best = CHANGE + cost[i + 1][j + 1];
                    kind = Op.Kind.SUBSTITUTE;
                }
                cost[i][j] = best;
                choice[i][j] = kind;
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            Op.Kind kind = choice[i][j];
            switch (kind) {
                case MATCH, SUBSTITUTE -> ops.add(new Op(kind, i++, j++));
                case ABSORB -> ops.add(new Op(kind, i, j++));
                case ELLIPSIS, DELETE -> ops.add(new Op(kind, i++, -1));
                case INSERT -> ops.add(new Op(kind, -1, j++));
            }
        }
        return new Alignment(ops, cost[0][0]);
    }
}
