package dev.lvsunit.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Under JUnit's parallel execution (eight threads, see
 * {@code junit-platform.properties}), every sample spec run four times side by
 * side with the others prints exactly what its first run printed.
 */
@Execution(ExecutionMode.CONCURRENT)
class ParallelRunsTest {

    /** The first transcript of each file, whichever thread made it. */
    private static final Map<Path, String> FIRST = new ConcurrentHashMap<>();

    static Stream<Arguments> runs() throws IOException {
        return Samples.files().stream()
                .filter(ParallelRunsTest::hasTranscript)
                .flatMap(file -> IntStream.rangeClosed(1, 4).mapToObj(round -> Arguments.of(file, round)));
    }

    private static boolean hasTranscript(Path file) {
        try {
            return Spec.read(file).hasTranscript();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("runs")
    void printsWhatItPrintedBefore(Path file, int round) {
        String transcript = Transcripts.of(file);
        String first = FIRST.putIfAbsent(file, transcript);
        if (first != null) {
            assertThat(transcript).as("%s, run %d", file, round).isEqualTo(first);
        }
    }
}
