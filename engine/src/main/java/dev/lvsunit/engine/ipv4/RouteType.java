package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
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

    /**
     * {@code fib_props[type].error}: whether a route of this type only answers
     * with an error (blackhole, unreachable, prohibit, throw).
     */
    public boolean isError() {
        return error() != null;
    }

    /**
     * The error {@code fib_lookup} returns when a route of this type matches:
     * {@code fib_props[type].error}, with the {@code -EAGAIN} of {@code throw}
     * turned into {@code -ENETUNREACH} as {@code fib_lookup} does without
     * policy rules; {@code null} for the types that route.
     */
    public Errno error() {
        switch (this) {
            case BLACKHOLE:
                return Errno.EINVAL;
            case UNREACHABLE:
                return Errno.EHOSTUNREACH;
            case PROHIBIT:
                return Errno.EACCES;
            case THROW:
                return Errno.ENETUNREACH;
            default:
                return null;
        }
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
