package dev.lvsunit.samples.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.Named;
import dev.lvsunit.junit.internal.FrameText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A hundred LVS-DR clusters at once, under JUnit's parallel execution. Each
 * test gets its own world: its own clock, its own random source, its own
 * frames. So every run prints the same transcript and sees the same frames,
 * byte for byte, whatever else runs beside it, and no frame of one world
 * ever reaches another.
 */
@Execution(ExecutionMode.CONCURRENT)
@LvsTest(topology = LvsDr.class)
class ParallelWorldsTest {

    /** What every world saw, to compare them: test code, shared on purpose. */
    private static final Map<String, Integer> FINGERPRINTS = new ConcurrentHashMap<>();
    private static final List<long[]> INTERVALS = new CopyOnWriteArrayList<>();

    @RepeatedTest(100)
    void everyWorldIsIsolatedAndDeterministic(Lab lab, @Named("client") Host client, @Named("rs1") Host rs1,
                                              @Named("rs2") Host rs2) {
        long start = System.nanoTime();
        LvsDr.hideTheVip(rs1);
        LvsDr.hideTheVip(rs2);
        for (int i = 0; i < 4; i++) {
            client.curl("http://192.168.0.101/");
        }
        client.ping(LvsDr.RS1);

        // isolation: every frame this world captured was sent by one of its own interfaces
        assertThat(lab.capture().all().frames()).allSatisfy(f -> assertThat(f.ingress().host().world()).isSameAs(lab.world()));
        String fingerprint = lab.transcript().render() + FrameText.lines(lab.capture().all().frames());
        FINGERPRINTS.merge(fingerprint, 1, Integer::sum);
        INTERVALS.add(new long[] {start, System.nanoTime()});
    }

    @AfterAll
    static void allHundredSawTheSameAndSomeRanAtTheSameTime() {
        // determinism: one fingerprint, seen 100 times
        assertThat(FINGERPRINTS).hasSize(1).containsValue(100);
        boolean overlap = false;
        for (long[] a : INTERVALS) {
            for (long[] b : INTERVALS) {
                overlap |= a != b && a[0] < b[1] && b[0] < a[1];
            }
        }
        assertThat(overlap).as("some worlds ran at the same time (is junit.jupiter.execution.parallel.enabled on?)")
                .isTrue();
    }
}
