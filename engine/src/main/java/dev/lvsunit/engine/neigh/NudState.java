package dev.lvsunit.engine.neigh;

/**
 * Neighbour Unreachability Detection states, {@code NUD_*} of
 * {@code include/uapi/linux/neighbour.h}, with the groups of
 * {@code include/net/neighbour.h}.
 */
public enum NudState {
    NUD_NONE("NONE"),
    NUD_INCOMPLETE("INCOMPLETE"),
    NUD_REACHABLE("REACHABLE"),
    NUD_STALE("STALE"),
    NUD_DELAY("DELAY"),
    NUD_PROBE("PROBE"),
    NUD_FAILED("FAILED"),
    NUD_NOARP("NOARP"),
    NUD_PERMANENT("PERMANENT");

    private final String label;

    NudState(String label) {
        this.label = label;
    }

    /** The word {@code ip neigh} prints: {@code REACHABLE}, {@code STALE}... */
    public String label() {
        return label;
    }

    /** {@code NUD_CONNECTED}: REACHABLE, PERMANENT, NOARP. */
    public boolean connected() {
        return this == NUD_REACHABLE || this == NUD_PERMANENT || this == NUD_NOARP;
    }

    /** {@code NUD_VALID}: the cached MAC may be used. */
    public boolean valid() {
        return connected() || this == NUD_STALE || this == NUD_DELAY || this == NUD_PROBE;
    }

    /** {@code NUD_IN_TIMER}: a timer runs. */
    public boolean inTimer() {
        return this == NUD_INCOMPLETE || this == NUD_REACHABLE || this == NUD_DELAY || this == NUD_PROBE;
    }
}
