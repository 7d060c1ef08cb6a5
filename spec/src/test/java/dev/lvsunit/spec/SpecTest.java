package dev.lvsunit.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecTest {

    @Test
    void syntaxErrorsNameFileAndLine() {
        assertThatThrownBy(() -> Spec.parse("bad.md", "Prose\n\n```lvs\n@bogus\nh# x\n[0]\n```\n"))
                .isInstanceOf(SpecSyntaxException.class)
                .hasMessage("bad.md:4: unknown directive @bogus (known: @lan, @tcpdump)\n"
                        + "bad.md:6: [0] is not allowed: without [N] a command must exit 0")
                .satisfies(e -> assertThat(((SpecSyntaxException) e).errors())
                        .extracting(SpecSyntaxException.Error::line).containsExactly(4, 6));
    }

    @Test
    void markdownWithoutLvsBlocksHasNoTranscript() {
        Spec spec = Spec.parse("README.md", "# Readme\n\n```sh\nh# x\n```\n");
        assertThat(spec.hasTranscript()).isFalse();
        assertThat(spec.checkCount()).isZero();
        assertThat(Spec.parse("empty.lvs", "").hasTranscript()).isTrue();
    }

    @Test
    void hostsAndChecksAreCounted() {
        Spec spec = Spec.parse("a.lvs", "@lan n a b\n@tcpdump n\nc# x\na# y\n");
        assertThat(spec.hosts()).containsExactly("a", "b", "c");
        assertThat(spec.checkCount()).isEqualTo(3);
    }

    @Test
    void readRemembersTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.lvs");
        Files.writeString(file, "h# true\n");
        Spec spec = Spec.read(file);
        assertThat(spec.file()).contains(file);
        assertThat(spec.name()).isEqualTo(file.toString());
        assertThat(spec.text()).isEqualTo("h# true\n");
        assertThat(Spec.parse("y.lvs", "").file()).isEmpty();
    }

    @Test
    void specFilesFindsLvsAndMdRecursivelyInNameOrderSkippingHiddenAndTarget(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/.git"));
        Files.createDirectories(dir.resolve("target"));
        for (String name : List.of("b/2.lvs", "b/1.md", "a.lvs", "notes.txt", "b/.git/x.lvs", "target/y.lvs")) {
            Files.writeString(dir.resolve(name), "");
        }
        assertThat(SpecFiles.find(List.of(dir, dir.resolve("a.lvs"))))
                .containsExactly(dir.resolve("a.lvs"), dir.resolve("b/1.md"), dir.resolve("b/2.lvs"));
        assertThatThrownBy(() -> SpecFiles.find(List.of(dir.resolve("notes.txt"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("not a spec file (expected .lvs or .md)");
        assertThatThrownBy(() -> SpecFiles.find(List.of(dir.resolve("missing"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("no such file or directory");
    }

    @Test
    void backendComparisonIgnoresVolatileFieldsAndReportsRealDifferences() {
        Spec spec = Spec.parse("c.lvs", "h# ping -c 1 10.0.0.1\nh# ip neigh\n");
        FakeBackend kernel = new FakeBackend()
                .answer("h# ping -c 1 10.0.0.1", "64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.071 ms\n")
                .answer("h# ip neigh", "10.0.0.1 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE\n");
        FakeBackend engine = new FakeBackend()
                .answer("h# ping -c 1 10.0.0.1", "64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.100 ms\n")
                .answer("h# ip neigh", "10.0.0.1 dev eth0 lladdr 02:00:00:00:02:01 STALE\n");
        List<Mismatch> differences = BackendComparison.compare(
                new SpecRunner(kernel).run(spec), new SpecRunner(engine).run(spec));
        assertThat(differences).extracting(Mismatch::location).containsExactly("c.lvs:2");
        assertThat(differences.get(0).diff()).isEqualTo("""
                --- fake
                +++ fake
                @@ -1,1 +1,1 @@
                -10.0.0.1 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE
                +10.0.0.1 dev eth0 lladdr 02:00:00:00:02:01 STALE
                """);
    }
}
