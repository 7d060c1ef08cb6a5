package dev.lvsunit.engine.sim;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * The world's virtual clock and its queue of pending events.
 *
 * <p>Time is a {@code long} count of nanoseconds since the world began.
 * Events due at the same instant run in the order they were scheduled, so a
 * run is a pure function of its inputs. Nothing here reads the JVM's clock.
 * Idle time costs nothing: {@link #runUntil} jumps from one event to the next.
 *
 * <p>A cancelled event stays in the heap, marked, until it reaches the head
 * (where it is dropped unrun) or until cancelled events outnumber the live
 * ones (when they are swept out): removing it at once would scan the whole
 * heap, and IPVS re-arms a connection's timer on every packet.
 *
 * <p>Most events are frames crossing a wire, due a fixed delay after they
 * were sent: scheduled in time order, they need no heap. Each such delay (up
 * to {@value #MAX_LANES} of them, none over {@value #MAX_LANE_DELAY_NANOS} ns)
 * gets a lane, a FIFO already in (time, sequence) order; everything else goes
 * to the heap, and the next event is the earliest of the heap's head and the
 * lanes' heads. A heap of tens of thousands of IPVS and neighbour timers is
 * then not climbed by every frame.
 *
 * <h2>Limits</h2>
 * The queue keeps every world within its {@link WorldLimits}. A caller that
 * runs commands (the shell) brackets each one with {@link #beginCommand()} and
 * {@link #endCommand()}; while a command runs, every event and every call to
 * {@link #runUntil} counts against {@link WorldLimits#maxEventsPerCommand()}.
 * When a limit is reached:
 * <ol>
 *   <li>the world stops: every pending event is discarded and
 *       {@link #cutShort()} tells why and when;</li>
 *   <li>inside a command, {@link #runUntil} throws {@link CutShortException},
 *       which ends the command; outside one it returns quietly;</li>
 *   <li>from then on nothing runs: events scheduled are dropped, the clock still
 *       advances outside commands, and every command that waits for time to
 *       pass is ended by {@link CutShortException} at once.</li>
 * </ol>
 */
public final class EventQueue {

    static final int MAX_LANES = 4;
    static final long MAX_LANE_DELAY_NANOS = 1_000_000;

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private final long[] laneDelays = new long[MAX_LANES];
    @SuppressWarnings("unchecked")
    private final ArrayDeque<Timer>[] lanes = new ArrayDeque[MAX_LANES];
    private int laneCount;
    /** Timers in the heap and the lanes, cancelled ones included. */
    private int size;
    private WorldLimits limits = WorldLimits.DEFAULT;
    private long now;
    private long sequence;
    private long executed;
    /** Cancelled timers still in {@link #queue}. */
    private int cancelled;
    private boolean inCommand;
    private long commandWork;
    private CutShort cutShort;

    /** The current virtual time in nanoseconds. */
    public long now() {
        return now;
    }

    /** How many events have run since the world began. */
    public long executed() {
        return executed;
    }

    /** How many events are waiting (cancelled ones not counted). */
    public int pending() {
        return size - cancelled;
    }

    /** The limits this world runs within ({@link WorldLimits#DEFAULT} unless changed). */
    public WorldLimits limits() {
        return limits;
    }

    /** Changes the limits, for the events and commands to come. */
    public void setLimits(WorldLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Why the world stopped, or empty while it runs. */
    public Optional<CutShort> cutShort() {
        return Optional.ofNullable(cutShort);
    }

    /**
     * A command starts: from now until {@link #endCommand()}, the work the world
     * does counts against {@link WorldLimits#maxEventsPerCommand()}, and a limit
     * reached ends the command with {@link CutShortException}.
     */
    public void beginCommand() {
        inCommand = true;
        commandWork = 0;
    }

    /** The command has ended (normally or not). */
    public void endCommand() {
        inCommand = false;
    }

    /** Schedules {@code action} at {@code now() + delayNanos}. */
    public Timer schedule(long delayNanos, Runnable action) {
        long delay = Math.max(0, delayNanos);
        // saturate: an absurd delay means "never", not a time in the past
        return scheduleAt(delay > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + delay, action);
    }

    /**
     * Schedules {@code action} at absolute time {@code at} (not earlier than
     * now). In a stopped world the timer is dropped: it never fires.
     */
    public Timer scheduleAt(long at, Runnable action) {
        Timer timer = new Timer(this, Math.max(at, now), sequence++, action);
        if (cutShort != null) {
            timer.discard();
        } else {
            laneFor(timer.at() - now).add(timer);
            size++;
        }
        return timer;
    }

    /**
     * The lane for events due {@code delay} from now, or the heap. A lane stays
     * sorted because its delay is fixed and the clock never goes back.
     */
    private Queue<Timer> laneFor(long delay) {
        for (int i = 0; i < laneCount; i++) {
            if (laneDelays[i] == delay) {
                return lanes[i];
            }
        }
        if (laneCount < MAX_LANES && delay <= MAX_LANE_DELAY_NANOS) {
            laneDelays[laneCount] = delay;
            lanes[laneCount] = new ArrayDeque<>();
            return lanes[laneCount++];
        }
        return queue;
    }

    /** Called by {@link Timer#cancel()}, which has marked the timer done. */
    void cancel(Timer timer) {
        cancelled++;
        if (cancelled > 64 && cancelled > size / 2) {
            queue.removeIf(t -> !t.pending());
            for (int i = 0; i < laneCount; i++) {
                lanes[i].removeIf(t -> !t.pending());
            }
            size -= cancelled;
            cancelled = 0;
        }
    }

    /** The earliest live timer of one queue, dropping cancelled ones before it. */
    private Timer liveHead(Queue<Timer> q) {
        Timer head = q.peek();
        while (head != null && !head.pending()) {
            q.poll();
            size--;
            cancelled--;
            head = q.peek();
        }
        return head;
    }

    /** Where {@link #head()} found the head: the heap or a lane. */
    private Queue<Timer> headQueue;

    /** The live head of the whole queue (heap and lanes); null if none. */
    private Timer head() {
        Timer head = liveHead(queue);
        headQueue = queue;
        for (int i = 0; i < laneCount; i++) {
            Timer t = liveHead(lanes[i]);
            if (t != null && (head == null || t.compareTo(head) < 0)) {
                head = t;
                headQueue = lanes[i];
            }
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
     *
     * @throws CutShortException inside a command, if the world stops now or had
     *     stopped before (see the class comment)
     */
    public void runUntil(long until) {
        if (inCommand) {
            commandWork++; // a wake-up costs as much as an event: loops that only wait are bounded too
        }
        if (cutShort != null) {
            if (inCommand) {
                throw new CutShortException(cutShort);
            }
            now = Math.max(now, Math.min(until, limits.maxTime()));
            return;
        }
        long target = Math.min(until, limits.maxTime());
        while (cutShort == null) {
            Timer head = head();
            if (head == null || head.at() > target) {
                break;
            }
            headQueue.poll();
            size--;
            now = head.at();
            head.fire();
            executed++;
            if (inCommand) {
                commandWork++;
            }
            checkWork();
        }
        if (cutShort == null && inCommand && commandWork > limits.maxEventsPerCommand()) {
            stop("more than " + limits.maxEventsPerCommand() + " events in one command");
        }
        if (target > now) {
            now = target;
        }
        if (cutShort == null && until > limits.maxTime()) {
            stop("the virtual clock reached its limit of " + describeTime(limits.maxTime()));
        }
    }

    private void checkWork() {
        if (executed > limits.maxEvents()) {
            stop("more than " + limits.maxEvents() + " events in this world");
        } else if (inCommand && commandWork > limits.maxEventsPerCommand()) {
            stop("more than " + limits.maxEventsPerCommand() + " events in one command");
        } else if (pending() > limits.maxPendingEvents()) {
            stop("more than " + limits.maxPendingEvents() + " events (frames in flight, timers) pending at once");
        }
    }

    /** Stops the world: drops every pending event; ends the current command, if any. */
    private void stop(String reason) {
        cutShort = new CutShort(reason, now);
        for (Timer t : queue) {
            t.discard();
        }
        queue.clear();
        for (int i = 0; i < laneCount; i++) {
            lanes[i].forEach(Timer::discard);
            lanes[i].clear();
        }
        size = 0;
        cancelled = 0;
        if (inCommand) {
            throw new CutShortException(cutShort);
        }
    }

    private static String describeTime(long nanos) {
        long seconds = nanos / Durations.NANOS_PER_SECOND;
        long days = seconds / 86_400;
        return days >= 365 && days % 365 == 0 ? days / 365 + " years" : seconds + " s";
    }
}
