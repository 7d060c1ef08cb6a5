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
 *       line costs 0 ({@link Op.Kind#MATCH});</li>
 *   <li>{@code ...} takes any number of actual lines at cost 0
 *       ({@link Op.Kind#ABSORB} per line; {@link Op.Kind#ELLIPSIS} marks where
 *       it stops);</li>
 *   <li>an expected line with no actual line ({@link Op.Kind#DELETE}), an
 *       actual line with no expected line ({@link Op.Kind#INSERT}) and an
 *       expected line replaced by a different actual line
 *       ({@link Op.Kind#SUBSTITUTE}) cost 1 each.</li>
 * </ul>
 * The output matches exactly when the cost is 0. Ties prefer, in order: a
 * match, ending a {@code ...}, a deletion, an insertion, a substitution; so a
 * {@code ...} takes no more lines than it must and diffs read like LCS diffs.
 * Each (expected, actual) pair is compared once: O(expected × actual).
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

    private final List<Op> ops;
    private final int cost;

    private Alignment(List<Op> ops, int cost) {
        this.ops = List.copyOf(ops);
        this.cost = cost;
    }

    /** The edit script, in order. */
    public List<Op> ops() {
        return ops;
    }

    /** Whether every actual line is accounted for by an expected line and vice versa. */
    public boolean matches() {
        return cost == 0;
    }

    /** Aligns {@code expected} with {@code actual}. */
    public static Alignment of(List<ExpectedLine> expected, List<String> actual) {
        int n = expected.size();
        int m = actual.size();
        int[][] cost = new int[n + 1][m + 1];
        Op.Kind[][] choice = new Op.Kind[n + 1][m + 1];
        for (int j = m; j >= 0; j--) {
            cost[n][j] = m - j;
            choice[n][j] = Op.Kind.INSERT;
        }
        for (int i = n - 1; i >= 0; i--) {
            ExpectedLine e = expected.get(i);
            for (int j = m; j >= 0; j--) {
                if (e instanceof ExpectedLine.Ellipsis) {
                    int best = cost[i + 1][j];
                    Op.Kind kind = Op.Kind.ELLIPSIS;
                    if (j < m && cost[i][j + 1] < best) {
                        best = cost[i][j + 1];
                        kind = Op.Kind.ABSORB;
                    }
                    cost[i][j] = best;
                    choice[i][j] = kind;
                    continue;
                }
                int best = Integer.MAX_VALUE;
                Op.Kind kind = null;
                if (j < m && e.matches(actual.get(j))) {
                    best = cost[i + 1][j + 1];
                    kind = Op.Kind.MATCH;
                }
                if (1 + cost[i + 1][j] < best) {
                    best = 1 + cost[i + 1][j];
                    kind = Op.Kind.DELETE;
                }
                if (j < m && 1 + cost[i][j + 1] < best) {
                    best = 1 + cost[i][j + 1];
                    kind = Op.Kind.INSERT;
                }
                if (j < m && 1 + cost[i + 1][j + 1] < best) {
                    best = 1 + cost[i + 1][j + 1];
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
