package dev.lvsunit.engine.sim;

/**
 * Thrown out of {@link EventQueue#runUntil} to end a command whose world has
 * stopped: a {@link WorldLimits limit} was reached during the command, or the
 * world had stopped before it and the command waits for time to pass. The shell
 * prints {@code lvsunit: cut short: MESSAGE}.
 */
public final class CutShortException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CutShort cutShort;

    public CutShortException(CutShort cutShort) {
        super(cutShort.describe(), null, false, false);
        this.cutShort = cutShort;
    }

    /** What stopped the world. */
    public CutShort cutShort() {
        return cutShort;
    }
}
