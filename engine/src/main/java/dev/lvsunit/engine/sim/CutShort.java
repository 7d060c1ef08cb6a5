package dev.lvsunit.engine.sim;

import java.util.Locale;
import java.util.Objects;

/**
 * Why and when a world stopped running: a {@link WorldLimits limit} was reached.
 *
 * @param reason what was exceeded, for people ({@code more than 1000000 events in one command})
 * @param at the virtual time at which the world stopped, in nanoseconds
 */
public record CutShort(String reason, long at) {

    public CutShort {
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code REASON; the world stopped at S.UUUUUU s}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s; the world stopped at %d.%06d s of virtual time",
                reason, at / Durations.NANOS_PER_SECOND, at % Durations.NANOS_PER_SECOND / 1000);
    }
}
