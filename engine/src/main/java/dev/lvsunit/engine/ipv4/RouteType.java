package dev.lvsunit.engine.ipv4;

import java.util.Optional;

/** Route types, {@code RTN_*} of {@code include/uapi/linux/rtnetlink.h}. */
public enum RouteType {
    UNICAST("unicast"),
    LOCAL("local"),
    BROADCAST("broadcast"),
    ANYCAST("anycast"),
    MULTICAST("multicast"),
    BLACKHOLE("blackhole"),
    UNREACHABLE("unreachable"),
    PROHIBIT("prohibit"),
    THROW("throw"),
    NAT("nat");

    private final String label;

    RouteType(String label) {
        this.label = label;
    }

    /** The word iproute2 prints before a route of this type ({@code local}, {@code broadcast}...). */
    public String label() {
        return label;
    }

    public static Optional<RouteType> byLabel(String word) {
        for (RouteType t : values()) {
            if (t.label.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
