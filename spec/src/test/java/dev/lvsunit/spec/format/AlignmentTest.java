package dev.lvsunit.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.format.Alignment.Op;
import dev.lvsunit.spec.format.Alignment.Op.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    private static List<ExpectedLine> expected(String... lines) {
        return Arrays.stream(lines).map(ExpectedLine::parse).toList();
    }

    private static Alignment align(List<ExpectedLine> expected, String... actual) {
        return Alignment.of(expected, List.of(actual));
    }

    private static List<Kind> kinds(Alignment alignment) {
        return alignment.ops().stream().map(Op::kind).toList();
    }

    @Test
    void emptyMatchesEmptyOnly() {
        assertThat(align(expected()).matches()).isTrue();
        assertThat(align(expected(), "x").matches()).isFalse();
        assertThat(align(expected("x")).matches()).isFalse();
    }

    @Test
    void ellipsisMatchesZeroOrMoreLines() {
        List<ExpectedLine> e = expected("first", "...", "last");
        assertThat(align(e, "first", "last").matches()).isTrue();
        assertThat(align(e, "first", "a", "b", "last").matches()).isTrue();
        assertThat(align(e, "first", "a", "b").matches()).isFalse();
        assertThat(align(expected("..."), "a", "b").matches()).isTrue();
        assertThat(align(expected("..."), new String[0]).matches()).isTrue();
    }

    @Test
    void ellipsisBacktracksPastEarlierCandidates() {
        // a greedy or lazy single pass fails here: "x" occurs twice and only the
        // second is followed by "y"
        List<ExpectedLine> e = expected("...", "x", "y", "...");
        assertThat(align(e, "x", "z", "x", "y", "w").matches()).isTrue();
        assertThat(align(e, "x", "z", "x", "w", "y").matches()).isFalse();
        assertThat(align(expected("...", "...", "a"), "b", "a").matches()).isTrue();
    }

    @Test
    void patternsTakePartInTheAlignment() {
        List<ExpectedLine> e = expected("PING * (glob)", "64 bytes .* time=[0-9.]+ ms (re)", "...");
        assertThat(align(e, "PING 10.0.0.1 (10.0.0.1)", "64 bytes from 10.0.0.1: time=0.05 ms", "", "tail").matches())
                .isTrue();
    }

    @Test
    void changedLineIsASubstitutionBetweenMatches() {
        Alignment a = align(expected("a", "b", "c"), "a", "B", "c");
        assertThat(a.matches()).isFalse();
        assertThat(kinds(a)).containsExactly(Kind.MATCH, Kind.SUBSTITUTE, Kind.MATCH);
    }

    @Test
    void missingAndExtraLinesAreDeletionsAndInsertions() {
        assertThat(kinds(align(expected("a", "b", "c"), "a", "c"))).containsExactly(Kind.MATCH, Kind.DELETE, Kind.MATCH);
        assertThat(kinds(align(expected("a", "c"), "a", "b", "c"))).containsExactly(Kind.MATCH, Kind.INSERT, Kind.MATCH);
        // a shifted line is kept as a match, not two substitutions
        assertThat(kinds(align(expected("a", "b"), "b", "c"))).containsExactly(Kind.DELETE, Kind.MATCH, Kind.INSERT);
    }

    @Test
    void ellipsisTakesNoMoreLinesThanItMust() {
        // "Z" became "Y": the ellipsis keeps "x", and "Y" shows as the replacement of "Z"
        Alignment a = align(expected("A", "...", "Z"), "A", "x", "Y");
        assertThat(a.ops()).containsExactly(
                new Op(Kind.MATCH, 0, 0), new Op(Kind.ABSORB, 1, 1), new Op(Kind.ELLIPSIS, 1, -1),
                new Op(Kind.SUBSTITUTE, 2, 2));
    }

    @Test
    void everyActualLineIsAccountedForOnce() {
        Alignment a = align(expected("a", "...", "q", "z"), "a", "b", "c", "z", "y");
        long actualSteps = a.ops().stream().filter(op -> op.actual() >= 0).count();
        assertThat(actualSteps).isEqualTo(5);
        assertThat(a.ops().stream().filter(op -> op.actual() >= 0).map(Op::actual)).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void unorderedLinesMatchTheirActualLinesInAnyOrder() {
        List<ExpectedLine> e = expected("ARPING x",
                "reply [02:00:00:00:02:01]  *ms (glob) (unordered)",
                "reply [02:00:00:00:03:01]  *ms (glob) (unordered)",
                "Sent 1 probes");
        assertThat(align(e, "ARPING x", "reply [02:00:00:00:03:01]  0.1ms", "reply [02:00:00:00:02:01]  0.2ms",
                "Sent 1 probes").matches()).isTrue();
        assertThat(align(e, "ARPING x", "reply [02:00:00:00:02:01]  0.1ms", "reply [02:00:00:00:03:01]  0.2ms",
                "Sent 1 probes").matches()).isTrue();
    }

    @Test
    void anUnorderedRunStillNeedsEveryLineOnce() {
        List<ExpectedLine> e = expected("a (unordered)", "b (unordered)");
        assertThat(align(e, "a", "a").matches()).isFalse();
        assertThat(align(e, "b").matches()).isFalse();
        assertThat(align(e, "b", "a", "c").matches()).isFalse();
        // a plain line keeps its place: only the marked run may move
        assertThat(align(expected("x", "a (unordered)", "b (unordered)"), "a", "x", "b").matches()).isFalse();
    }

    @Test
    void theStepsOfAnUnorderedMatchFollowTheActualLines() {
        Alignment a = align(expected("a (unordered)", "b (unordered)"), "b", "a");
        assertThat(a.ops()).containsExactly(new Op(Kind.MATCH, 1, 0), new Op(Kind.MATCH, 0, 1));
    }

    @Test
    void withoutTheMarkerOrderMatters() {
        assertThat(align(expected("a", "b"), "b", "a").matches()).isFalse();
        assertThat(ExpectedLine.parse("a (unordered)")).isInstanceOf(ExpectedLine.Unordered.class);
        assertThat(ExpectedLine.parse("... (unordered)")).isInstanceOf(ExpectedLine.Literal.class);
    }
}
