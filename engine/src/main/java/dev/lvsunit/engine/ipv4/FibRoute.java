package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.Objects;

/**
 * One route, a {@code fib_alias} with its {@code fib_info} and single nexthop.
 *
 * @param table {@link Fib#RT_TABLE_LOCAL}, {@link Fib#RT_TABLE_MAIN} or another table id
 * @param type the route type
 * @param destination the destination prefix, host bits clear
 * @param tos the TOS selector (0 normally)
 * @param priority the metric
 * @param device the nexthop device; {@code null} for blackhole and friends
 * @param gateway the nexthop gateway, or {@code null} for a directly connected route
 * @param prefsrc the preferred source ({@code src}), or {@code null}
 * @param scope the route scope
 * @param protocol the routing protocol that installed it ({@code RTPROT_*})
 */
public record FibRoute(int table, RouteType type, Ipv4Prefix destination, int tos, int priority,
                       NetDevice device, Ipv4Address gateway, Ipv4Address prefsrc, RtScope scope,
                       int protocol) {

    /** {@code RTPROT_BOOT}: added by the route command or by hand. */
    public static final int PROTO_BOOT = 3;
    /** {@code RTPROT_KERNEL}: added by the kernel for an address. */
    public static final int PROTO_KERNEL = 2;
    /** {@code RTPROT_STATIC}. */
    public static final int PROTO_STATIC = 4;

    public FibRoute {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(scope, "scope");
        if (!destination.equals(destination.network())) {
            throw new IllegalArgumentException("destination with host bits: " + destination);
        }
    }

    /** Whether the route sends its packets through {@code dev}. */
    public boolean uses(NetDevice dev) {
        return device == dev;
    }

    /** Same key in the same table: destination, TOS and priority, as {@code fib_find_alias} compares. */
    public boolean sameSlot(FibRoute other) {
        return table == other.table && destination.equals(other.destination)
                && tos == other.tos && priority == other.priority;
    }
}
