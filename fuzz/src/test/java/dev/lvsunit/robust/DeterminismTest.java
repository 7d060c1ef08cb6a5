package dev.lvsunit.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.spec.Spec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same spec always prints the same bytes: run after run in one JVM, in
 * fresh JVMs (with different identity-hash algorithms, so that any output that
 * hangs on a {@code HashMap} of objects without {@code hashCode} would show),
 * and on many threads at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminismTest {

    /** The sample specs and what each printed the first time, in file order. */
    private final Map<Path, String> reference = new LinkedHashMap<>();

    @BeforeAll
    void runEverySampleOnce() throws IOException {
        for (Path file : Samples.files()) {
            if (Spec.read(file).hasTranscript()) {
                reference.put(file, Transcripts.of(file));
            }
        }
        assertThat(reference).as("sample specs").isNotEmpty();
    }

    @Test
    void theRichestSampleRunAHundredTimesPrintsTheSameBytes() {
        // the one with the most output: most frames, timers and commands to get out of order
        Path richest = reference.entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.length(), b.length())))
                .orElseThrow().getKey();
        for (int run = 0; run < 100; run++) {
            assertThat(Transcripts.of(richest)).as("run %d of %s", run, richest).isEqualTo(reference.get(richest));
        }
    }

    @Test
    void everySampleRunAgainPrintsTheSameBytes() {
        for (int run = 0; run < 3; run++) {
            reference.forEach((file, expected) -> assertThat(Transcripts.of(file)).as("%s", file).isEqualTo(expected));
        }
    }

    @Test
    void freshJvmsPrintTheSameBytes() throws Exception {
        StringBuilder expected = new StringBuilder();
        List<String> command = new ArrayList<>();
        reference.forEach((file, transcript) -> {
            expected.append("=== ").append(file).append('\n').append(transcript);
        });
        // 5: the default (thread-local xorshift); 2: every object hashes to 1; 3: a global sequence
        for (String hashCode : List.of("5", "2", "3")) {
            command.clear();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-XX:+UnlockExperimentalVMOptions");
            command.add("-XX:hashCode=" + hashCode);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(TranscriptMain.class.getName());
            reference.keySet().forEach(f -> command.add(f.toString()));
            assertThat(runJava(command)).as("a JVM with -XX:hashCode=%s", hashCode).isEqualTo(expected.toString());
        }
    }

    @Test
    void specsRunOnManyThreadsAtOncePrintTheSameBytes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Map.Entry<Path, Future<String>>> runs = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (Path file : reference.keySet()) {
                    runs.add(Map.entry(file, pool.submit(() -> Transcripts.of(file))));
                }
            }
            for (Map.Entry<Path, Future<String>> run : runs) {
                assertThat(run.getValue().get(5, TimeUnit.MINUTES)).as("%s", run.getKey())
                        .isEqualTo(reference.get(run.getKey()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String runJava(List<String> command) throws IOException, InterruptedException {
        File out = File.createTempFile("lvsunit-determinism-", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("the JVM did not finish: " + command);
            }
            String printed = Files.readString(out.toPath(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("exit status; it printed:%n%s", printed).isZero();
            return printed;
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }

}
