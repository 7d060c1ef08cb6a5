package dev.lvsunit.bench;

import dev.lvsunit.kernel.KernelBackend;
import dev.lvsunit.spec.Spec;
import dev.lvsunit.spec.SpecResult;
import dev.lvsunit.spec.SpecRunner;
import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.engine.EngineBackend;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The seed LVS-DR experiment as a spec ({@code seed-dr.lvs}: 4 hosts, seven
 * {@code ip addr add}, two {@code arping}, two {@code sysctl -w}, a
 * {@code ping} and an {@code ip neigh show}), from its text to a passing
 * result, on the engine and on real network namespaces
 * ({@link KernelBackend}, root needed). One operation parses and runs the spec
 * once; a result that does not pass fails the benchmark.
 *
 * <p>The kernel run is dominated by real time: arping waits for its replies
 * and the backend waits the spec format's 50 ms after every command, on top
 * of creating and deleting five namespaces, a bridge and four veth pairs.
 */
@State(Scope.Benchmark)
@Fork(1)
public class SeedSpecBenchmark {

    static final String NAME = "seed-dr.lvs";
    static final String TEXT = read(NAME);

    private final Backend engine = new EngineBackend();
    private final Backend kernel = new KernelBackend();

    static String read(String resource) {
        try (InputStream in = SeedSpecBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpecResult runOn(Backend backend) {
        SpecResult r = new SpecRunner(backend).run(Spec.parse(NAME, TEXT));
        if (!r.passed()) {
            throw new IllegalStateException(r.report());
        }
        return r;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public SpecResult engine() {
        return runOn(engine);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public SpecResult kernel() {
        return runOn(kernel);
    }
}
