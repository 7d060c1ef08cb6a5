package dev.lvsunit.spec.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTest {

    private static final String[] LABELS = {"expected", "actual"};

    private static String diff(List<String> expected, int firstLine, List<String> actual, int expectedExit,
                               int actualExit) {
        List<ExpectedLine> lines = expected.stream().map(ExpectedLine::parse).toList();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            numbers.add(firstLine + i);
        }
        return Diff.render(LABELS, firstLine - 1, lines, numbers, actual, expectedExit,
                firstLine + expected.size(), actualExit);
    }

    @Test
    void changedLinesWithContextAndHeader() {
        String diff = diff(List.of(
                        "ARPING 10.0.0.1 from 10.0.0.2 eth0",
                        "Unicast reply from 10.0.0.1 [02:00:00:00:03:01]  *ms (glob)",
                        "Unicast reply from 10.0.0.1 [02:00:00:00:02:01]  *ms (glob)",
                        "Sent 1 probes (1 broadcast(s))",
                        "Received 2 response(s)"), 12,
                List.of("ARPING 10.0.0.1 from 10.0.0.2 eth0",
                        "Unicast reply from 10.0.0.1 [02:00:00:00:02:01]  0.100ms",
                        "Sent 1 probes (1 broadcast(s))",
                        "Received 1 response(s)"), 1, 0);
        assertThat(diff).isEqualTo("""
                --- expected
                +++ actual
                @@ -12,6 +1,4 @@
                 ARPING 10.0.0.1 from 10.0.0.2 eth0
                -Unicast reply from 10.0.0.1 [02:00:00:00:03:01]  *ms (glob)
                 Unicast reply from 10.0.0.1 [02:00:00:00:02:01]  0.100ms
                 Sent 1 probes (1 broadcast(s))
                -Received 2 response(s)
                -[1]
                +Received 1 response(s)
                """);
    }

    @Test
    void unexpectedOutputOfACommandThatShouldPrintNothing() {
        assertThat(diff(List.of(), 5, List.of("RTNETLINK answers: File exists"), 0, 2)).isEqualTo("""
                --- expected
                +++ actual
                @@ -4,0 +1,2 @@
                +RTNETLINK answers: File exists
                +[2]
                """);
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            expected.add("line " + i);
        }
        List<String> actual = new ArrayList<>(expected);
        actual.set(1, "LINE 2");
        actual.set(17, "LINE 18");
        String diff = diff(expected, 101, actual, 0, 0);
        assertThat(diff).isEqualTo("""
                --- expected
                +++ actual
                @@ -101,5 +1,5 @@
                 line 1
                -line 2
                +LINE 2
                 line 3
                 line 4
                 line 5
                @@ -115,6 +15,6 @@
                 line 15
                 line 16
                 line 17
                -line 18
                +LINE 18
                 line 19
                 line 20
                """);
    }

    @Test
    void contextShowsWhatTheEllipsisTook() {
        String diff = diff(Arrays.asList("a", "...", "z"), 1, List.of("a", "b", "y"), 0, 0);
        assertThat(diff).isEqualTo("""
                --- expected
                +++ actual
                @@ -1,3 +1,3 @@
                 a
                 b
                -z
                +y
                """);
    }
}
