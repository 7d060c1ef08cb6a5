package dev.lvsunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private static final String TABLE = "--backend=" + TableBackend.class.getName();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String[] args(Object... parts) {
        List<String> list = new ArrayList<>();
        for (Object part : parts) {
            list.add(part.toString());
        }
        return list.toArray(String[]::new);
    }

    @Test
    void allPassingExitsZeroWithSummary() throws IOException {
        Path a = write("a.lvs", "h# echo hi\nhi\nh# exit 3\n[3]\n");
        write("sub/b.md", "# Doc\n\n```lvs\nh# echo there\nthere\n```\n");
        write("sub/readme.md", "# no blocks here\n");
        assertThat(run(args(TABLE, dir))).isEqualTo(0);
        assertThat(out()).isEqualTo("PASS " + a + "\nPASS " + dir.resolve("sub/b.md") + "\n2 passed, 0 failed\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void failureExitsOneWithDiff() throws IOException {
        Path a = write("a.lvs", "h# echo hi\nho\n");
        assertThat(run(args(TABLE, a))).isEqualTo(1);
        assertThat(out()).isEqualTo("FAIL " + a + "\n"
                + "  " + a + ":1: h# echo hi\n"
                + "    --- expected\n    +++ actual\n    @@ -2,1 +1,1 @@\n    -ho\n    +hi\n"
                + "0 passed, 1 failed\n");
    }

    @Test
    void syntaxErrorIsAFailureNamingFileAndLine() throws IOException {
        Path a = write("a.lvs", "stray\nh# echo x\nx\n");
        assertThat(run(args(TABLE, a))).isEqualTo(1);
        assertThat(out()).isEqualTo("FAIL " + a + "\n  " + a + ":1: output line before any command or directive\n"
                + "0 passed, 1 failed\n");
    }

    @Test
    void updateRewritesFailingFilesAndExitsZero() throws IOException {
        Path a = write("a.lvs", "h# echo new\nold\nh# exit 1\n");
        Path b = write("b.lvs", "h# echo same\nsame\n");
        assertThat(run(args("--update", TABLE, a, b))).isEqualTo(0);
        assertThat(Files.readString(a)).isEqualTo("h# echo new\nnew\nh# exit 1\n[1]\n");
        assertThat(Files.readString(b)).isEqualTo("h# echo same\nsame\n");
        assertThat(out()).startsWith("UPDATED " + a + "\n").contains("PASS " + b + "\n")
                .endsWith("1 passed, 1 failed\n1 updated\n");
        out.reset();
        assertThat(run(args(TABLE, a, b))).isEqualTo(0);
    }

    @Test
    void usageErrorsExitTwoWithoutStackTrace() throws IOException {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("lvsunit: no PATH given\nusage: lvsunit");
        err.reset();
        assertThat(run("--frobnicate", "x")).isEqualTo(2);
        assertThat(err()).startsWith("lvsunit: unknown option --frobnicate\n");
        err.reset();
        assertThat(run(args(TABLE, dir.resolve("missing.lvs")))).isEqualTo(2);
        assertThat(err()).startsWith("lvsunit: " + dir.resolve("missing.lvs") + ": no such file or directory\n");
        err.reset();
        assertThat(run("--update", "--diff", "x")).isEqualTo(2);
        err.reset();
        write("readme.md", "nothing\n");
        assertThat(run(args(TABLE, dir))).isEqualTo(2);
        assertThat(err()).startsWith("lvsunit: no specs found");
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void missingBackendIsAClearError() throws IOException {
        Path a = write("a.lvs", "h# echo hi\nhi\n");
        assertThat(run(args("--backend=no.such.Backend", a))).isEqualTo(2);
        assertThat(err()).isEqualTo("lvsunit: backend no.such.Backend is not on the class path "
                + "(not written or not built yet?)\n");
    }

    @Test
    void helpGoesToStandardOutput() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out()).startsWith("usage: lvsunit [--update] [--kernel | --diff] PATH...");
    }
}
