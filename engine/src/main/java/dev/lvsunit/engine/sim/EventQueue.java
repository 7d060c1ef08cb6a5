package dev.lvsunit.engine.sim;

import java.util.PriorityQueue;

/**
 * The world's virtual clock and its queue of pending events.
 *
 * <p>Time is a {@code long} count of nanoseconds since the world began.
 * Events due at the same instant run in the order they were scheduled, so a
 * run is a pure function of its inputs. Nothing here reads the JVM's clock.
 */
public final class EventQueue {

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private long executed;

    /** The current virtual time in nanoseconds. */
    public long now() {
        return now;
    }

    /** How many events have run since the world began. */
    public long executed() {
        return executed;
    }

    /** Schedules {@code action} at {@code now() + delayNanos}. */
    public Timer schedule(long delayNanos, Runnable action) {
        return scheduleAt(now + Math.max(0, delayNanos), action);
    }

    /** Schedules {@code action} at absolute time {@code at} (not earlier than now). */
    public Timer scheduleAt(long at, Runnable action) {
        Timer timer = new Timer(this, Math.max(at, now), sequence++, action);
        queue.add(timer);
        return timer;
    }

    void cancel(Timer timer) {
        queue.remove(timer);
    }

    /** The time of the next pending event, or {@link Long#MAX_VALUE} if there is none. */
    public long nextEventTime() {
        Timer head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.at();
    }

    /**
     * Runs every event due at or before {@code until}, in order, then sets the
     * clock to {@code until}. Events scheduled while running are run too if
     * they fall due in time.
     */
    public void runUntil(long until) {
        while (true) {
            Timer head = queue.peek();
            if (head == null || head.at() > until) {
                break;
            }
            queue.poll();
            now = head.at();
            head.fire();
            executed++;
        }
        if (until > now) {
            now = until;
        }
    }
}
