package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.sim.EventQueue;
import dev.lvsunit.engine.sim.Timer;
import dev.lvsunit.engine.util.LongMap;
import java.util.TreeMap;
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
 *
 * <p>Nor does a bucket sit on the heap for its whole timeout: it gets its
 * world event {@link #HORIZON} before it falls due (one "pump" event, at
 * most, waits on the heap for the rest), so the heap that every frame
 * passes through stays small. The horizon is far longer than a hop
 * ({@code Segment.PROPAGATION_DELAY_NANOS}), so a packet reaching the
 * director at the instant a connection expires still finds the connection
 * gone, as with a timer of its own armed when the connection was. A
 * waiting bucket emptied by re-arming stays until the pump reaches it (the
 * pump may then fire with nothing to do); when no connection waits at all,
 * neither buckets nor pump are left on the clock.
 */
final class ConnTimers {

    /** The connections due at one instant, in the order they were armed. */
    static final class Bucket {
        final long deadline;
        IpvsConn head;
        IpvsConn tail;
        int size;
        Timer event;
        /** In {@link #buckets}: armed connections may join it (it may be empty while it waits). */
        boolean live = true;

        Bucket(long deadline) {
            this.deadline = deadline;
        }
    }

    private final EventQueue events;
    private final Consumer<IpvsConn> expire;
    /** How long before its instant a bucket gets its world event: 1 ms, 50 hops. */
    static final long HORIZON = 1_000_000;

    private final LongMap<Bucket> buckets = new LongMap<>();
    /** Buckets without a world event yet (due after {@link #horizonEnd}), by instant. */
    private final TreeMap<Long, Bucket> waiting = new TreeMap<>();
    /** Every bucket due up to here has its world event. */
    private long horizonEnd = Long.MIN_VALUE;
    /** Connections in {@link #waiting} buckets. */
    private int waitingConns;
    /** The event that gives the first {@link #waiting} bucket its world event; null if none waits. */
    private Timer pump;
    /**
     * The buckets armed last, most recent first: connections made together
     * share deadlines (a SYN's and, re-armed by the next packet, an
     * ESTABLISHED one), so these spare most map lookups.
     */
    private final Bucket[] recent = new Bucket[4];

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
        Bucket b = null;
        for (Bucket r : recent) {
            if (r != null && r.deadline == deadline && r.live) {
                b = r;
                break;
            }
        }
        if (b == null) {
            b = buckets.get(deadline);
            if (b == null) {
                b = new Bucket(deadline);
                buckets.put(deadline, b);
                if (deadline <= horizonEnd || deadline - HORIZON <= events.now()) {
                    schedule(b);
                } else {
                    waiting.put(deadline, b);
                    repump();
                }
            }
            System.arraycopy(recent, 0, recent, 1, recent.length - 1);
            recent[0] = b;
        }
        if (b.event == null) {
            waitingConns++;
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
        b.size++;
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
        if (b.event == null) {
            // a waiting bucket stays, empty, until the pump reaches it: the next
            // connection armed for its instant (a SYN re-armed by its ACK, then
            // the next SYN) reuses it instead of making the pump move twice
            if (--waitingConns == 0) {
                for (Bucket w : waiting.values()) {
                    drop(w);
                }
                waiting.clear();
                repump();
            }
        } else if (b.head == null) {
            b.event.cancel();
            b.event = null;
            drop(b);
        }
    }

    private void drop(Bucket b) {
        b.live = false;
        buckets.remove(b.deadline);
    }

    /** Keeps the pump at the first waiting bucket's instant less the horizon, and none when none waits. */
    private void repump() {
        long at = waiting.isEmpty() ? Long.MIN_VALUE : waiting.firstKey() - HORIZON;
        if (pump != null && pump.at() == at) {
            return;
        }
        if (pump != null) {
            pump.cancel();
            pump = null;
        }
        if (!waiting.isEmpty()) {
            pump = events.scheduleAt(at, this::pump);
        }
    }

    private void schedule(Bucket b) {
        b.event = events.scheduleAt(b.deadline, () -> run(b));
    }

    /** Gives every bucket due within the horizon its world event, and waits for the next. */
    private void pump() {
        pump = null;
        horizonEnd = events.now() + HORIZON;
        while (!waiting.isEmpty() && waiting.firstKey() <= horizonEnd) {
            Bucket b = waiting.pollFirstEntry().getValue();
            if (b.head == null) {
                drop(b);
            } else {
                waitingConns -= b.size;
                schedule(b);
            }
        }
        repump();
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
        b.size--;
    }

    private void fire(IpvsConn cp) {
        cp.timer = null;
        expire.accept(cp);
    }

    /** The bucket's instant: each connection in it expires, oldest armed first. */
    private void run(Bucket b) {
        b.event = null;
        drop(b);
        for (IpvsConn cp = b.head; cp != null; cp = b.head) {
            unlink(b, cp);
            expire.accept(cp);
        }
    }
}
