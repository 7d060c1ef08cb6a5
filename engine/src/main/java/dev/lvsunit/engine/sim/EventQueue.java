package dev.lvsunit.engine.sim;

import java.util.PriorityQueue;

/**
 * The world's virtual clock and its queue of pending events.
 *
 * <p>Time is a {@code long} count of nanoseconds since the world began.
 * Events due at the same instant run in the order they were scheduled, so a
 * run is a pure function of its inputs. Nothing here reads the JVM's clock.
 *
 * <p>A cancelled event stays in the heap, marked, until it reaches the head
 * (where it is dropped unrun) or until cancelled events outnumber the live
 * ones (when they are swept out): removing it at once would scan the whole
 * heap, and IPVS re-arms a connection's timer on every packet.
 */
public final class EventQueue {

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private long executed;
    /** Cancelled timers still in {@link #queue}. */
    private int cancelled;

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

    /** Called by {@link Timer#cancel()}, which has marked the timer done. */
    void cancel(Timer timer) {
        cancelled++;
        if (cancelled > 64 && cancelled > queue.size() / 2) {
            queue.removeIf(t -> !t.pending());
            cancelled = 0;
        }
    }

    /** The live head of the queue, dropping cancelled timers before it; null if none. */
    private Timer head() {
        Timer head = queue.peek();
        while (head != null && !head.pending()) {
            queue.poll();
            cancelled--;
            head = queue.peek();
        }
        return head;
    }

    /** The time of the next pending event, or {@link Long#MAX_VALUE} if there is none. */
    public long nextEventTime() {
        Timer head = head();
        return head == null ? Long.MAX_VALUE : head.at();
    }

    /**
     * Runs every event due at or before {@code until}, in order, then sets the
     * clock to {@code until}. Events scheduled while running are run too if
     * they fall due in time.
     */
    public void runUntil(long until) {
        while (true) {
            Timer head = head();
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
