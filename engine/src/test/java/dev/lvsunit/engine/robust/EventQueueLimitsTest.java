package dev.lvsunit.engine.robust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.sim.CutShortException;
import dev.lvsunit.engine.sim.EventQueue;
import dev.lvsunit.engine.sim.Timer;
import dev.lvsunit.engine.sim.WorldLimits;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The event queue's limits, one by one, on bare events. */
class EventQueueLimitsTest {

    private final EventQueue q = new EventQueue();
    private final AtomicLong fired = new AtomicLong();

    /** An event that schedules {@code copies} more like itself: a storm when copies ≥ 2. */
    private void storm(long delay, int copies) {
        q.schedule(delay, () -> {
            fired.incrementAndGet();
            for (int i = 0; i < copies; i++) {
                storm(delay, copies);
            }
        });
    }

    @Test
    void aStormThatDoublesEveryHopStopsAtThePendingLimit() {
        q.setLimits(new WorldLimits(1_000_000, 10_000_000, 5_000, WorldLimits.HUNDRED_YEARS));
        storm(20_000, 2);

        q.runUntil(1_000_000_000L); // outside a command: no exception

        assertThat(q.cutShort()).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("more than 5000 events (frames in flight, timers) pending at once"));
        assertThat(q.pending()).isZero();
        assertThat(fired.get()).isLessThan(10_000);
        assertThat(q.now()).isEqualTo(1_000_000_000L);
    }

    @Test
    void anEndlessChainStopsAtTheWorldsEventLimit() {
        q.setLimits(new WorldLimits(1_000, 50_000, 5_000, WorldLimits.HUNDRED_YEARS));
        storm(1_000, 1);

        q.runUntil(Long.MAX_VALUE / 2);

        assertThat(q.cutShort()).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("more than 50000 events in this world"));
        assertThat(fired.get()).isEqualTo(50_001);
    }

    @Test
    void insideACommandTheLimitThrowsAndNamesTheVirtualTime() {
        q.setLimits(new WorldLimits(1_000, 50_000, 5_000, WorldLimits.HUNDRED_YEARS));
        storm(1_000_000, 1); // one event per millisecond

        q.beginCommand();
        assertThatThrownBy(() -> q.runUntil(Long.MAX_VALUE))
                .isInstanceOf(CutShortException.class)
                .hasMessage("more than 1000 events in one command; the world stopped at 1.000000 s of virtual time");
        q.endCommand();
    }

    @Test
    void aLoopThatOnlyWaitsIsBoundedByItsWakeUps() {
        q.setLimits(new WorldLimits(1_000, 50_000, 5_000, WorldLimits.HUNDRED_YEARS));
        q.beginCommand();
        assertThatThrownBy(() -> {
            for (long i = 0; i < 1_000_000_000L; i++) {
                q.runUntil(q.now() + 1_000_000_000L);
            }
        }).isInstanceOf(CutShortException.class).hasMessageStartingWith("more than 1000 events in one command");
        q.endCommand();
        assertThat(q.now()).isLessThanOrEqualTo(1_001_000_000_000L);
    }

    @Test
    void eachCommandHasItsOwnBudget() {
        q.setLimits(new WorldLimits(1_000, 50_000, 5_000, WorldLimits.HUNDRED_YEARS));
        storm(1_000_000, 1);
        for (int command = 0; command < 10; command++) {
            q.beginCommand();
            q.runUntil(q.now() + 900_000_000L); // 900 events
            q.endCommand();
        }
        assertThat(q.cutShort()).isEmpty();
        assertThat(fired.get()).isEqualTo(9_000);
    }

    @Test
    void theClockStopsAtItsLimitInsteadOfOverflowing() {
        Timer far = q.schedule(Long.MAX_VALUE, () -> fired.incrementAndGet());
        assertThat(far.at()).isEqualTo(Long.MAX_VALUE);

        q.runUntil(Long.MAX_VALUE);

        assertThat(q.now()).isEqualTo(WorldLimits.HUNDRED_YEARS);
        assertThat(q.cutShort()).hasValueSatisfying(c ->
                assertThat(c.reason()).isEqualTo("the virtual clock reached its limit of 100 years"));
        assertThat(fired.get()).isZero();
        assertThat(far.pending()).isFalse();
    }

    @Test
    void aStoppedWorldDropsWhatIsScheduled() {
        q.setLimits(new WorldLimits(10, 50_000, 5_000, WorldLimits.HUNDRED_YEARS));
        storm(1, 1);
        q.runUntil(1_000); // outside a command: the world total is what counts
        q.beginCommand();
        assertThatThrownBy(() -> q.runUntil(2_000)).isInstanceOf(CutShortException.class);
        q.endCommand();
        assertThat(q.cutShort()).isPresent();

        Timer t = q.schedule(5, () -> fired.incrementAndGet());

        assertThat(t.pending()).isFalse();
        assertThat(q.pending()).isZero();
    }
}
