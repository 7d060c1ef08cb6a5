package dev.lvsunit.engine.neigh;

import java.util.Optional;

/**
 * Neighbour Unreachability Detection states, {@code NUD_*} of
 * {@code include/uapi/linux/neighbour.h}, with the groups of
 * {@code include/net/neighbour.h}.
 */
public enum NudState {
    NUD_NONE("NONE", 0x00),
    NUD_INCOMPLETE("INCOMPLETE", 0x01),
    NUD_REACHABLE("REACHABLE", 0x02),
    NUD_STALE("STALE", 0x04),
    NUD_DELAY("DELAY", 0x08),
    NUD_PROBE("PROBE", 0x10),
    NUD_FAILED("FAILED", 0x20),
    NUD_NOARP("NOARP", 0x40),
    NUD_PERMANENT("PERMANENT", 0x80);

    private final String label;
    private final int value;

    NudState(String label, int value) {
        this.label = label;
        this.value = value;
    }

    /** The word {@code ip neigh} prints: {@code REACHABLE}, {@code STALE}... */
    public String label() {
        return label;
    }

    /**
     * The kernel's bit for this state ({@code ndm_state}), as iproute2 matches
     * it against a {@code nud} filter mask. {@code NUD_NONE} is 0.
     */
    public int value() {
        return value;
    }

    /** The state {@code ip neigh ... nud WORD} names ({@code permanent}, {@code stale}...; either case). */
    public static Optional<NudState> byLabel(String word) {
        for (NudState s : values()) {
            if (s.label.equalsIgnoreCase(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
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
