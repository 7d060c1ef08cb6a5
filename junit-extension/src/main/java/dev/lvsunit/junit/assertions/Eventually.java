package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.Lab;
import dev.lvsunit.engine.World;
import dev.lvsunit.junit.internal.FrameText;
import java.time.Duration;
import java.util.Objects;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * An assertion that must come true within some time on the virtual clock:
 * Awaitility for a world whose clock only moves when told to.
 *
 * <pre>{@code
 * eventually(lab).within(Duration.ofSeconds(60))
 *         .untilAsserted(() -> assertThat(client.arpCache()).hasEntryFor(vip).inState(NUD_STALE));
 * }</pre>
 *
 * <p>The algorithm:
 * <ol>
 *   <li>check the assertion now; if it holds, return;</li>
 *   <li>otherwise run the world to the next instant something happens (the
 *       next pending event) or, with {@link #pollEvery}, by one interval,
 *       but never past the deadline, and check again;</li>
 *   <li>at the deadline, fail with the last failure as cause.</li>
 * </ol>
 * So the assertion is first seen to hold at the earliest virtual instant it
 * does, and the clock stops there. No wall-clock time passes waiting. An
 * exception other than an {@link AssertionError} ends the wait at once.
 */
public final class Eventually {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Lab lab;
    private final World world;
    private final Duration timeout;
    private final Duration pollInterval;

    private Eventually(Lab lab, World world, Duration timeout, Duration pollInterval) {
        this.lab = lab;
        this.world = world;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** Steps the lab's clock (the transcript shows the time as a {@code sleep}). */
    public static Eventually eventually(Lab lab) {
        return new Eventually(Objects.requireNonNull(lab, "lab"), lab.world(), DEFAULT_TIMEOUT, null);
    }

    /** Steps the world's clock. */
    public static Eventually eventually(World world) {
        return new Eventually(null, Objects.requireNonNull(world, "world"), DEFAULT_TIMEOUT, null);
    }

    /** The deadline, counted from the first check: 10 s unless set. */
    public Eventually within(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("negative timeout " + value);
        }
        return new Eventually(lab, world, value, pollInterval);
    }

    /** Check at fixed intervals of virtual time instead of at every event. */
    public Eventually pollEvery(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive: " + value);
        }
        return new Eventually(lab, world, timeout, value);
    }

    /**
     * Runs the world until {@code assertion} holds.
     *
     * @return how much virtual time passed before it held
     * @throws AssertionError if it did not hold by the deadline
     */
    public Duration untilAsserted(ThrowingCallable assertion) {
        long start = world.now();
        long deadline = start + timeout.toNanos();
        int checks = 0;
        while (true) {
            checks++;
            AssertionError failure;
            try {
                assertion.call();
                return Duration.ofNanos(world.now() - start);
            } catch (AssertionError e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            long now = world.now();
            if (now >= deadline) {
                AssertionError timeoutError = new AssertionError("not satisfied within " + format(timeout)
                        + " of virtual time (checked " + checks + (checks == 1 ? " time" : " times") + " from "
                        + FrameText.time(start) + " to " + FrameText.time(now) + "); the last failure:"
                        + (failure.getMessage() == null ? "" : "\n" + failure.getMessage()), failure);
                throw timeoutError;
            }
            long next = pollInterval != null ? now + pollInterval.toNanos()
                    : Math.max(world.events().nextEventTime(), now + 1);
            advance(Math.min(next, deadline) - now);
        }
    }

    private void advance(long nanos) {
        if (lab != null) {
            lab.runFor(Duration.ofNanos(nanos));
        } else {
            world.runFor(nanos);
        }
    }

    private static String format(Duration d) {
        return d.toNanos() % 1_000_000_000L == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
