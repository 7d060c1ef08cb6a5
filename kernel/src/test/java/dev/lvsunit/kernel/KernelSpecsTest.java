package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The specs in {@code src/test/resources/specs}, recorded on real hosts with
 * {@code ./lvsunit --kernel --update}, pass again on the kernel backend:
 * the backend reproduces its own recordings, and the spec format's README
 * example holds on this kernel.
 */
class KernelSpecsTest {

    @BeforeAll
    static void needsNamespaces() throws Exception {
        KernelBackendTest.needsNamespaces();
    }

    static List<Path> specs() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/specs"))) {
            return files.filter(f -> f.toString().endsWith(".lvs")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void passesOnRealHosts(Path file) throws Exception {
        if (Files.readString(file).contains("# serve ")) {
            KernelBackendTest.needsServeAndCurl();
        }
        SpecResult result = new SpecRunner(new KernelBackend()).run(Spec.read(file));
        assertThat(result.passed()).as(result.report()).isTrue();
    }
}
