package dev.lvsunit.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
}
