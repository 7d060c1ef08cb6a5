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
