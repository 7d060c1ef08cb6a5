package dev.lvsunit.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void eventsRunInTimeOrderAndInSchedulingOrderAtTheSameInstant() {
        EventQueue q = new EventQueue();
        List<String> log = new ArrayList<>();
        q.schedule(200, () -> log.add("b@" + q.now()));
        q.schedule(100, () -> log.add("a1@" + q.now()));
        q.schedule(100, () -> log.add("a2@" + q.now()));
        q.runUntil(150);
        assertThat(log).containsExactly("a1@100", "a2@100");
        assertThat(q.now()).isEqualTo(150);
        q.runUntil(1000);
        assertThat(log).containsExactly("a1@100", "a2@100", "b@200");
        assertThat(q.now()).isEqualTo(1000);
    }

    @Test
    void aCancelledTimerNeverFiresAndEventsMayScheduleEvents() {
        EventQueue q = new EventQueue();
        List<Long> log = new ArrayList<>();
        Timer t = q.schedule(10, () -> log.add(-1L));
        q.schedule(5, () -> q.schedule(5, () -> log.add(q.now())));
        t.cancel();
        q.runUntil(100);
        assertThat(log).containsExactly(10L);
        assertThat(t.pending()).isFalse();
    }

    @Test
    void manyCancelledTimersAreSweptAndTheRestStillRunInOrder() {
        EventQueue q = new EventQueue();
        List<Long> log = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long at = 1000 - i;
            timers.add(q.schedule(at, () -> log.add(at)));
        }
        // cancel every timer but those due at multiples of 100: more than half, so a sweep happens
        for (Timer t : timers) {
            if (t.at() % 100 != 0) {
                t.cancel();
            }
        }
        assertThat(q.nextEventTime()).isEqualTo(100);
        q.runUntil(550);
        assertThat(log).containsExactly(100L, 200L, 300L, 400L, 500L);
        assertThat(q.executed()).isEqualTo(5);
        timers.get(1000 - 600).cancel(); // the one due at 600
        q.runUntil(2000);
        assertThat(log).containsExactly(100L, 200L, 300L, 400L, 500L, 700L, 800L, 900L, 1000L);
        assertThat(q.executed()).isEqualTo(9);
        assertThat(q.nextEventTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void lanesAndTheHeapInterleaveInTimeThenSchedulingOrder() {
        // delays of 20 and 5 µs get lanes, 0 too; 2 s and 60 s go to the heap:
        // whatever holds an event, they run by (time, order scheduled), as one heap would
        EventQueue q = new EventQueue();
        List<String> log = new ArrayList<>();
        Random random = new Random(7);
        long[] delays = {0, 5_000, 20_000, 2_000_000_000L, 60_000_000_000L, 20_000, 5_000};
        List<long[]> expected = new ArrayList<>(); // {at, sequence}
        long[] seq = {0};
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 5; i++) {
                long delay = delays[random.nextInt(delays.length)];
                long at = q.now() + delay;
                long s = seq[0]++;
                expected.add(new long[] {at, s});
                q.schedule(delay, () -> log.add(q.now() + "#" + s));
            }
            q.runUntil(q.now() + random.nextInt(30_000));
        }
        q.runUntil(Long.MAX_VALUE / 4);
        expected.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        assertThat(log).containsExactlyElementsOf(expected.stream().map(e -> e[0] + "#" + e[1]).toList());
        assertThat(q.pending()).isZero();
    }

    @Test
    void cancelledEventsInLanesAreSkippedAndCounted() {
        EventQueue q = new EventQueue();
        List<Integer> log = new ArrayList<>();
        List<Timer> timers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int n = i;
            timers.add(q.schedule(20_000, () -> log.add(n)));
        }
        for (int i = 0; i < 300; i++) {
            if (i % 3 != 0) {
                timers.get(i).cancel(); // 200 of 300: a sweep happens
            }
        }
        assertThat(q.pending()).isEqualTo(100);
        q.runUntil(20_000);
        assertThat(log).hasSize(100).allMatch(n -> n % 3 == 0).isSorted();
        assertThat(q.pending()).isZero();
    }
}
