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
 * A run of consecutive {@link ExpectedLine.Unordered} lines may also take as
 * many actual lines at once, in any order, at no cost when every line of the
 * run matches a different one of them (a bipartite matching); its steps are
 * then {@link Op.Kind#MATCH}es listed in actual-line order.
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
        int[] runLength = unorderedRuns(expected);
        java.util.Map<Long, int[]> groups = new java.util.HashMap<>();
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
                int k = runLength[i];
                if (k > 1 && j + k <= m) {
                    int[] assignment = assign(expected, i, actual, j, k);
                    if (assignment != null) {
                        best = cost[i + k][j + k];
                        kind = null;
                        groups.put(((long) i << 32) | j, assignment);
                    }
                }
                if (j < m && e.matches(actual.get(j)) && cost[i + 1][j + 1] < best) {
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
            if (kind == null) {
                int[] assignment = groups.get(((long) i << 32) | j);
                for (int a = 0; a < assignment.length; a++) {
                    ops.add(new Op(Op.Kind.MATCH, i + assignment[a], j + a));
                }
                i += assignment.length;
                j += assignment.length;
                continue;
            }
            switch (kind) {
                case MATCH, SUBSTITUTE -> ops.add(new Op(kind, i++, j++));
                case ABSORB -> ops.add(new Op(kind, i, j++));
                case ELLIPSIS, DELETE -> ops.add(new Op(kind, i++, -1));
                case INSERT -> ops.add(new Op(kind, -1, j++));
            }
        }
        return new Alignment(ops, cost[0][0]);
    }

    /** For each index starting a run of unordered lines, the run's length; 0 elsewhere. */
    private static int[] unorderedRuns(List<ExpectedLine> expected) {
        int[] run = new int[expected.size()];
        for (int i = expected.size() - 1; i >= 0; i--) {
            if (expected.get(i) instanceof ExpectedLine.Unordered) {
                run[i] = 1 + (i + 1 < expected.size() ? run[i + 1] : 0);
            }
        }
        for (int i = 1; i < run.length; i++) {
            if (run[i - 1] > 0) {
                run[i] = 0; // only the first line of a run starts a group
            }
        }
        return run;
    }

    /**
     * A perfect matching between the {@code k} unordered lines from
     * {@code e0} and the {@code k} actual lines from {@code a0}, by augmenting
     * paths: for each actual line, the offset of the expected line it takes;
     * {@code null} when there is none.
     */
    private static int[] assign(List<ExpectedLine> expected, int e0, List<String> actual, int a0, int k) {
        boolean[][] fits = new boolean[k][k];
        for (int a = 0; a < k; a++) {
            for (int e = 0; e < k; e++) {
                fits[a][e] = expected.get(e0 + e).matches(actual.get(a0 + a));
            }
        }
        int[] ownerOfExpected = new int[k];
        java.util.Arrays.fill(ownerOfExpected, -1);
        for (int a = 0; a < k; a++) {
            if (!augment(a, fits, ownerOfExpected, new boolean[k])) {
                return null;
            }
        }
        int[] assignment = new int[k];
        for (int e = 0; e < k; e++) {
            assignment[ownerOfExpected[e]] = e;
        }
        return assignment;
    }

    private static boolean augment(int a, boolean[][] fits, int[] ownerOfExpected, boolean[] seen) {
        for (int e = 0; e < fits.length; e++) {
            if (fits[a][e] && !seen[e]) {
                seen[e] = true;
                if (ownerOfExpected[e] < 0 || augment(ownerOfExpected[e], fits, ownerOfExpected, seen)) {
                    ownerOfExpected[e] = a;
                    return true;
                }
            }
        }
        return false;
    }
}
