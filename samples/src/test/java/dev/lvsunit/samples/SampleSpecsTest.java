package dev.lvsunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecFiles;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.engine.EngineBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every sample spec under {@code samples/specs}, replayed on the engine: the
 * same check {@code ./lvsunit samples} makes, as one JUnit test per file.
 */
class SampleSpecsTest {

    private static final Path SPECS = Path.of("specs");

    @TestFactory
    Stream<DynamicTest> everySampleSpecPassesOnTheEngine() throws IOException {
        assertThat(SPECS).as("samples/specs").isDirectory();
        List<Path> files = SpecFiles.find(List.of(SPECS));
        assertThat(files).as("sample specs").isNotEmpty();
        SpecRunner runner = new SpecRunner(new EngineBackend());
        return files.stream().map(file -> DynamicTest.dynamicTest(SPECS.relativize(file).toString(), file.toUri(), () -> {
            SpecResult result = runner.run(Spec.read(file));
            assertThat(result.passed()).as(result.report()).isTrue();
        }));
    }

    @Test
    void theReadmeExamplePassesOnTheEngine() throws IOException {
        SpecResult result = new SpecRunner(new EngineBackend()).run(Spec.read(Path.of("..", "README.md")));
        assertThat(result.passed()).as(result.report()).isTrue();
    }
}
