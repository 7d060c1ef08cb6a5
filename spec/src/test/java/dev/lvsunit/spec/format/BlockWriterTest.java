package dev.lvsunit.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlockWriterTest {

    private static OutputBlock block(String text) {
        TranscriptParser.Result result = TranscriptParser.parse(
                TranscriptSource.of(SourceText.of("t.lvs", "h# cmd\n" + text)));
        assertThat(result.problems()).isEmpty();
        return ((Step.Command) result.transcript().steps().get(0)).block();
    }

    private static List<String> write(String oldBlock, List<String> actual, int exit) {
        return BlockWriter.write(block(oldBlock), actual, exit, UnaryOperator.identity(), false);
    }

    @Test
    void matchingBlockIsKept() {
        assertThat(write("a\nt=* (glob)\n[1]\n", List.of("a", "t=5"), 1)).isNull();
    }

    @Test
    void patternsThatStillMatchSurvive() {
        assertThat(write("PING x\ntime=* ms (glob)\n...\nold last\n", List.of("PING y", "time=1 ms", "m1", "new last"), 0))
                .containsExactly("PING y", "time=* ms (glob)", "...", "new last");
    }

    @Test
    void exitStatusIsAddedAndRemoved() {
        assertThat(write("out\n", List.of("out"), 2)).containsExactly("out", "[2]");
        assertThat(write("out\n[2]\n", List.of("out"), 0)).containsExactly("out");
    }

    @Test
    void trailingBlankLineIsWrittenAsAnEmptyGlobUnlessAnExitLineFollows() {
        assertThat(write("", List.of("a", "", ""), 0)).containsExactly("a", " (glob)", " (glob)");
        assertThat(write("", List.of("a", ""), 1)).containsExactly("a", "", "[1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "[3]", "x (re)", "a*b (glob)", "# looks like a comment", "#", "@lan net0 a",
            "host# command", "h$ x", "```", "   ~~~", "plain*?\\", ""})
    void everyActualLineReadsBackAsALineThatMatchesIt(String actual) {
        String written = BlockWriter.line(actual, UnaryOperator.identity(), true);
        assertThat(TranscriptParser.isOutputLine(written)).isTrue();
        assertThat(TranscriptSource.looksLikeFence(written)).isFalse();
        ExpectedLine parsed = ExpectedLine.parse(written);
        assertThat(parsed).isNotInstanceOf(ExpectedLine.Ellipsis.class);
        assertThat(parsed.matches(actual)).as(written).isTrue();
        assertThat(written).doesNotMatch("\\[\\d+\\]");
    }

    @Test
    void ordinaryLinesAreWrittenAsTheyAre() {
        assertThat(BlockWriter.line("    inet 10.0.0.1/24 scope global eth0  ", UnaryOperator.identity(), false))
                .isEqualTo("    inet 10.0.0.1/24 scope global eth0");
        assertThat(BlockWriter.line("```", UnaryOperator.identity(), false)).isEqualTo("```");
    }

    @Test
    void escapedFormsAreReadable() {
        assertThat(BlockWriter.line("# x", UnaryOperator.identity(), false)).isEqualTo("[#] x (re)");
        assertThat(BlockWriter.line("...", UnaryOperator.identity(), false)).isEqualTo("... (glob)");
        assertThat(BlockWriter.line("a*b (glob)", UnaryOperator.identity(), false)).isEqualTo("a\\*b (glob) (glob)");
    }

    @Test
    void recorderOutputIsUsedWhenItMatches() {
        UnaryOperator<String> recorder = line -> line.replace("0.05", "*") + " (glob)";
        assertThat(write("", List.of("time=0.05 ms"), 0).get(0)).isEqualTo("time=0.05 ms");
        assertThat(BlockWriter.write(block(""), List.of("time=0.05 ms"), 0, recorder, false))
                .containsExactly("time=* ms (glob)");
        UnaryOperator<String> broken = line -> "nonsense";
        assertThat(BlockWriter.write(block(""), List.of("time=0.05 ms"), 0, broken, false))
                .containsExactly("time=0\\.05 ms (re)");
    }
}
