package dev.lvsunit.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TranscriptSourceTest {

    private static TranscriptSource markdown(String text) {
        return TranscriptSource.of(SourceText.of("doc.md", text));
    }

    @Test
    void lvsFileIsOneTranscriptLineForLine() {
        TranscriptSource source = TranscriptSource.of(SourceText.of("a.lvs", "h# true\n\n# c\n"));
        assertThat(source.hasBlocks()).isTrue();
        assertThat(source.lines()).extracting(TranscriptLine::text).containsExactly("h# true", "", "# c");
        assertThat(source.lines()).extracting(TranscriptLine::number).containsExactly(1, 2, 3);
    }

    @Test
    void markdownJoinsLvsBlocksInOrderAndKeepsFileLineNumbers() {
        String text = """
                # Title

                Some prose.

                ```lvs
                h# one
                ```

                ```sh
                not# taken
                ```

                ~~~~ lvs extra words
                h# two
                ~~~~
                """;
        TranscriptSource source = markdown(text);
        assertThat(source.hasBlocks()).isTrue();
        assertThat(source.lines()).extracting(TranscriptLine::text).containsExactly("h# one", "h# two");
        assertThat(source.lines()).extracting(TranscriptLine::number).containsExactly(6, 14);
    }

    @Test
    void markdownWithoutLvsBlocksHasNoTranscript() {
        TranscriptSource source = markdown("# Title\n\n```\ncode\n```\n");
        assertThat(source.hasBlocks()).isFalse();
        assertThat(source.lines()).isEmpty();
    }

    @Test
    void fenceClosesOnlyWithSameCharacterAndAtLeastItsLength() {
        String text = """
                ````lvs
                h# one
                ```
                ~~~~
                out
                ````
                after
                """;
        assertThat(markdown(text).lines()).extracting(TranscriptLine::text)
                .containsExactly("h# one", "```", "~~~~", "out");
    }

    @Test
    void lvsFenceQuotedInsideAnotherFenceIsNotASpec() {
        String text = """
                ````markdown
                ```lvs
                h# quoted
                ```
                ````
                """;
        assertThat(markdown(text).hasBlocks()).isFalse();
    }

    @Test
    void indentedFenceRemovesItsIndentationFromContentLines() {
        String text = "  ```lvs\n  h# one\n    out\n x\n  ```\n";
        TranscriptSource source = markdown(text);
        assertThat(source.lines()).extracting(TranscriptLine::text).containsExactly("h# one", "  out", "x");
        assertThat(source.lines()).extracting(TranscriptLine::indent).containsOnly("  ");
    }

    @Test
    void unclosedFenceRunsToTheEndOfTheFile() {
        assertThat(markdown("```lvs\nh# one\nout").lines()).extracting(TranscriptLine::text)
                .containsExactly("h# one", "out");
    }

    @Test
    void backtickFenceWhoseInfoHasABacktickIsNotAFence() {
        assertThat(markdown("```lvs `x`\nh# one\n```\n").hasBlocks()).isFalse();
    }

    @Test
    void crlfFilesRenderBackIdentically() {
        String text = "a\r\nb\r\n";
        SourceText source = SourceText.of("x.lvs", text);
        assertThat(source.lines()).containsExactly("a", "b");
        assertThat(source.text()).isEqualTo(text);
        assertThat(SourceText.of("y.lvs", "a\nb").text()).isEqualTo("a\nb");
    }
}
