package dev.lvsunit.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecUpdaterTest {

    private final FakeBackend backend = new FakeBackend();

    private String update(String name, String text) {
        SpecResult result = new SpecRunner(backend).run(Spec.parse(name, text));
        String once = SpecUpdater.literal().rewrite(result);
        // idempotent: the updated spec passes, and updating it again changes nothing
        SpecResult again = new SpecRunner(backend).run(Spec.parse(name, once));
        assertThat(again.passed()).as(again.report()).isTrue();
        assertThat(SpecUpdater.literal().rewrite(again)).isEqualTo(once);
        return once;
    }

    @Test
    void passingSpecIsLeftByteForByte() {
        backend.answer("h# x", "a\n");
        String text = "# intro\nh# x\na   \n\n\n";
        assertThat(update("p.lvs", text)).isEqualTo(text);
    }

    @Test
    void blocksAreReplacedAndSeparatorsCommentsAndCommandsKept() {
        backend.answer("h# one", "1\n").answer("h# two", "").answer("h# three", "3a\n3b\n", 4);
        String text = """
                # start
                h# one
                old

                h# two
                stale
                [1]
                # comment
                h# three
                """;
        assertThat(update("u.lvs", text)).isEqualTo("""
                # start
                h# one
                1

                h# two
                # comment
                h# three
                3a
                3b
                [4]
                """);
    }

    @Test
    void globRegexAndEllipsisSurviveWhereTheyStillMatch() {
        backend.answer("c# ping -c 2 10.0.0.1", """
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.061 ms
                64 bytes from 10.0.0.1: icmp_seq=2 ttl=63 time=0.070 ms

                --- 10.0.0.1 ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time 1001ms
                rtt min/avg/max/mdev = 0.061/0.065/0.070/0.004 ms
                """);
        String text = """
                c# ping -c 2 10.0.0.1
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=* ms (glob)
                64 bytes from 10.0.0.1: icmp_seq=2 ttl=64 time=* ms (glob)
                ...
                rtt min/avg/max/mdev = [0-9./]+ ms (re)
                """;
        assertThat(update("g.lvs", text)).isEqualTo("""
                c# ping -c 2 10.0.0.1
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=* ms (glob)
                64 bytes from 10.0.0.1: icmp_seq=2 ttl=63 time=0.070 ms
                ...
                rtt min/avg/max/mdev = [0-9./]+ ms (re)
                """);
    }

    @Test
    void markdownProseAndFencesAreUntouchedAndIndentationKept() {
        backend.answer("h# one", "new 1\n").answer("h# two", "new 2\n\nsecond para\n");
        String text = """
                # Title

                Prose before, with a command-looking line:

                h# one

                  ```lvs
                  h# one
                  old 1
                  ```

                More prose.

                ```lvs
                h# two
                ```
                """;
        assertThat(update("d.md", text)).isEqualTo("""
                # Title

                Prose before, with a command-looking line:

                h# one

                  ```lvs
                  h# one
                  new 1
                  ```

                More prose.

                ```lvs
                h# two
                new 2

                second para
                ```
                """);
    }

    @Test
    void outputBlockSpanningTwoFencesMovesUnderItsCommand() {
        backend.answer("h# one", "fresh\n");
        String text = "```lvs\nh# one\nold a\n```\n\ntext\n\n```lvs\nold b\n```\n";
        assertThat(update("s.md", text)).isEqualTo("```lvs\nh# one\nfresh\n```\n\ntext\n\n```lvs\n```\n");
    }

    @Test
    void linesThatWouldNotReadBackAreEscaped() {
        backend.answer("h# x", "# not a comment\n...\n[2]\nh# y\nstar * (glob)\n```\n\n");
        String updated = update("e.md", "```lvs\nh# x\n```\n");
        assertThat(updated).isEqualTo("""
                ```lvs
                h# x
                [#] not a comment (re)
                ... (glob)
                [2] (glob)
                [h]# y (re)
                star \\* (glob) (glob)
                [`]`` (re)
                 (glob)
                ```
                """);
    }

    @Test
    void crlfLineEndsAreKept() {
        backend.answer("h# x", "new\n");
        assertThat(update("c.lvs", "h# x\r\nold\r\n# end\r\n")).isEqualTo("h# x\r\nnew\r\n# end\r\n");
    }

    @Test
    void stepsAfterAnErrorKeepTheirBlocks() {
        backend.answer("h# one", "1\n");
        backend.failOn = "h# two";
        backend.failure = new dev.lvsunit.spec.backend.BackendException("gone");
        SpecResult result = new SpecRunner(backend).run(Spec.parse("x.lvs", "h# one\nold\nh# two\nkeep\n"));
        assertThat(SpecUpdater.literal().rewrite(result)).isEqualTo("h# one\n1\nh# two\nkeep\n");
    }

    @Test
    void recordingTurnsVolatileFieldsIntoGlobs() {
        backend.answer("c# ping -c 1 10.0.0.1", """
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.071 ms

                --- 10.0.0.1 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time 0ms
                rtt min/avg/max/mdev = 0.071/0.071/0.071/0.000 ms
                """);
        SpecResult result = new SpecRunner(backend).run(Spec.parse("r.lvs", "c# ping -c 1 10.0.0.1\n"));
        assertThat(SpecUpdater.recording().rewrite(result)).isEqualTo("""
                c# ping -c 1 10.0.0.1
                PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.
                64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=* ms (glob)

                --- 10.0.0.1 ping statistics ---
                1 packets transmitted, 1 received, 0% packet loss, time 0ms
                rtt min/avg/max/mdev = * ms (glob)
                """);
    }

    @Test
    void randomBlocksAndOutputsUpdateToPassingSpecsIdempotently() {
        String[] outputs = {"", "   ", "...", "[1]", "[0]", "# x", "#", "@lan a b", "h# y", "```", "~~~ x", "plain",
            "other", "  indented", "time=0.1 ms", "a*b?c\\d", "x (re)", "y (glob)", "p1", "p22"};
        String[] expectations = {"plain", "other", "...", "* (glob)", "p.* (re)", "", "time=* ms (glob)", "p? (glob)",
            "  indented", "[1]"};
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 300; round++) {
            backend.answers.clear();
            boolean markdown = round % 2 == 0;
            StringBuilder spec = new StringBuilder(markdown ? "Prose.\n\n```lvs\n" : "");
            int commands = 1 + random.nextInt(3);
            for (int c = 0; c < commands; c++) {
                StringBuilder output = new StringBuilder();
                for (int k = random.nextInt(5); k > 0; k--) {
                    output.append(outputs[random.nextInt(outputs.length)]).append('\n');
                }
                backend.answer("h# cmd" + c, output.toString(), random.nextInt(3));
                spec.append("h# cmd").append(c).append('\n');
                for (int k = random.nextInt(5); k > 0; k--) {
                    spec.append(expectations[random.nextInt(expectations.length)]).append('\n');
                }
                if (random.nextBoolean()) {
                    spec.append("[").append(1 + random.nextInt(2)).append("]\n");
                }
                if (random.nextBoolean()) {
                    spec.append('\n');
                }
            }
            if (markdown) {
                spec.append("```\n\nMore prose.\n");
            }
            String text = spec.toString();
            String updated = update(markdown ? "r.md" : "r.lvs", text);
            if (markdown) {
                assertThat(updated).startsWith("Prose.\n\n```lvs\n").endsWith("```\n\nMore prose.\n");
            }
        }
    }

    @Test
    void updateWritesTheFileOnlyWhenItChanges(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("f.lvs");
        Files.writeString(file, "h# x\nold\n");
        backend.answer("h# x", "new\n");
        SpecUpdater updater = SpecUpdater.literal();
        assertThat(updater.update(new SpecRunner(backend).run(Spec.read(file)))).isTrue();
        assertThat(Files.readString(file)).isEqualTo("h# x\nnew\n");
        assertThat(updater.update(new SpecRunner(backend).run(Spec.read(file)))).isFalse();
    }
}
