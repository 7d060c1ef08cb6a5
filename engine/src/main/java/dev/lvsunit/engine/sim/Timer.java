package dev.lvsunit.engine.sim;

/**
 * A pending event on the virtual clock, which its owner may cancel, as the
 * kernel's {@code timer_list} with {@code del_timer}.
 */
public final class Timer implements Comparable<Timer> {

    private final EventQueue queue;
    private final long at;
    private final long sequence;
    private final Runnable action;
    private boolean done;

    Timer(EventQueue queue, long at, long sequence, Runnable action) {
        this.queue = queue;
        this.at = at;
        this.sequence = sequence;
        this.action = action;
    }

    /** When the event falls due, in virtual nanoseconds. */
    public long at() {
        return at;
    }

    /** Whether the event is still waiting to run. */
    public boolean pending() {
        return !done;
    }

    /** Cancels the event if it has not run yet. */
    public void cancel() {
        if (!done) {
            done = true;
            queue.cancel(this);
        }
    }

    void fire() {
        if (!done) {
            done = true;
            action.run();
        }
    }

    @Override
    public int compareTo(Timer other) {
        int c = Long.compare(at, other.at);
        return c != 0 ? c : Long.compare(sequence, other.sequence);
    }
}
