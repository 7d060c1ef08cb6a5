package dev.lvsunit.engine.ipv4;

import java.util.Optional;

/**
 * Address and route scopes, {@code enum rt_scope_t} of
 * {@code include/uapi/linux/rtnetlink.h}. A smaller value is a wider scope.
 */
public enum RtScope {
    UNIVERSE(0, "global"),
    SITE(200, "site"),
    LINK(253, "link"),
    HOST(254, "host"),
    NOWHERE(255, "nowhere");

    private final int value;
    private final String label;

    RtScope(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The numeric scope; a smaller number is a wider scope. */
    public int value() {
        return value;
    }

    /** The word iproute2 prints and accepts: {@code global}, {@code link}, {@code host}... */
    public String label() {
        return label;
    }

    /** The scope iproute2 names {@code word} ({@code global}, {@code site}, {@code link}, {@code host}, {@code nowhere}). */
    public static Optional<RtScope> byLabel(String word) {
        for (RtScope s : values()) {
            if (s.label.equals(word)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
