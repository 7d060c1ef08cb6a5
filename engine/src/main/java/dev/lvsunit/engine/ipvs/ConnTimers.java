package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.sim.EventQueue;
import dev.lvsunit.engine.sim.Timer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The connection timers of one {@link Ipvs} (each {@code cp->timer} of
 * {@code ip_vs_conn.c}), kept off the world's event heap: connections due
 * at the same virtual instant share one bucket, and each bucket is one
 * world event. Arming moves the connection to the tail of its deadline's
 * bucket in O(1); a million connections set up in windows cost one heap
 * entry per window, not one per connection, and re-arming on every packet
 * cancels nothing on the heap.
 *
 * <p>Every connection still expires at exactly the instant its own timer
 * would fire ({@code expires} is unchanged), and the connections of one
 * bucket expire in the order they were armed, as their own timers would.
 * The bucket's world event takes its place among other events due at the
 * same nanosecond from the first connection armed for that instant; only
 * whole-second timeouts are bucketed (a delay of 0, {@code ip_vs_conn_expire_now}
 * and one-packet scheduling, stays a world timer of its own), so nothing
 * else of the director scheduled in between can fall due at that nanosecond
 * but other timers.
 */
final class ConnTimers {

    /** The connections due at one instant, in the order they were armed. */
    static final class Bucket {
        final long deadline;
        IpvsConn head;
        IpvsConn tail;
        Timer event;

        Bucket(long deadline) {
            this.deadline = deadline;
        }
    }

    private final EventQueue events;
    private final Consumer<IpvsConn> expire;
    private final Map<Long, Bucket> buckets = new HashMap<>();
    /** The bucket armed last: connections made together share a deadline, so this spares most map lookups. */
    private Bucket last;

    ConnTimers(EventQueue events, Consumer<IpvsConn> expire) {
        this.events = events;
        this.expire = expire;
    }

    /** {@code mod_timer}: (re)arms {@code cp} to fire at {@code deadline} (not before now), after those armed before. */
    void arm(IpvsConn cp, long deadline) {
        cancel(cp);
        if (deadline <= events.now()) {
            cp.timer = events.scheduleAt(deadline, () -> fire(cp));
            return;
        }
        Bucket b = last;
        if (b == null || b.deadline != deadline || b.event == null) {
            b = buckets.get(deadline);
            if (b == null) {
                Bucket nb = new Bucket(deadline);
                nb.event = events.scheduleAt(deadline, () -> run(nb));
                buckets.put(deadline, nb);
                b = nb;
            }
            last = b;
        }
        cp.bucket = b;
        cp.timerPrev = b.tail;
        cp.timerNext = null;
        if (b.tail == null) {
            b.head = cp;
        } else {
            b.tail.timerNext = cp;
        }
        b.tail = cp;
    }

    /** Whether {@code cp}'s timer is armed ({@code timer_pending}). */
    static boolean pending(IpvsConn cp) {
        return cp.bucket != null || (cp.timer != null && cp.timer.pending());
    }

    /** {@code del_timer}: disarms {@code cp}'s timer if it is armed. */
    void cancel(IpvsConn cp) {
        if (cp.timer != null) {
            cp.timer.cancel();
            cp.timer = null;
        }
        Bucket b = cp.bucket;
        if (b == null) {
            return;
        }
        unlink(b, cp);
        if (b.head == null && b.event != null) {
            b.event.cancel();
            b.event = null;
            buckets.remove(b.deadline);
        }
    }

    private static void unlink(Bucket b, IpvsConn cp) {
        IpvsConn prev = cp.timerPrev;
        IpvsConn next = cp.timerNext;
        if (prev == null) {
            b.head = next;
        } else {
            prev.timerNext = next;
        }
        if (next == null) {
            b.tail = prev;
        } else {
            next.timerPrev = prev;
        }
        cp.bucket = null;
        cp.timerPrev = null;
        cp.timerNext = null;
    }

    private void fire(IpvsConn cp) {
        cp.timer = null;
        expire.accept(cp);
    }

    /** The bucket's instant: each connection in it expires, oldest armed first. */
    private void run(Bucket b) {
        b.event = null;
        buckets.remove(b.deadline);
        if (last == b) {
            last = null;
        }
        for (IpvsConn cp = b.head; cp != null; cp = b.head) {
            unlink(b, cp);
            expire.accept(cp);
        }
    }
}
