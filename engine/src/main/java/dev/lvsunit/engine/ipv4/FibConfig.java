package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.Objects;

/**
 * A route request as the kernel receives it from user space, {@code struct
 * fib_config} filled by {@code rtm_to_fib_config} ({@code fib_frontend.c}).
 *
 * <p>For a deletion the optional fields are selectors: {@code null} (or 0 for
 * {@code protocol} and {@code priority}, {@link RtScope#NOWHERE} for
 * {@code scope}) matches any route.
 *
 * @param table the table id ({@link Fib#RT_TABLE_MAIN}, {@link Fib#RT_TABLE_LOCAL} or another)
 * @param type the route type; {@code null} on deletion means any type
 * @param destination the destination prefix as given (host bits may be set: the kernel refuses them)
 * @param tos the TOS selector
 * @param priority the metric
 * @param protocol {@code RTPROT_*}; 0 on deletion means any
 * @param scope the route scope; {@link RtScope#NOWHERE} on deletion means any
 * @param prefsrc the preferred source ({@code src}), or {@code null}
 * @param gateway the nexthop gateway ({@code via}), or {@code null}
 * @param oif the nexthop device ({@code dev}), or {@code null}
 */
public record FibConfig(int table, RouteType type, Ipv4Prefix destination, int tos, int priority,
                        int protocol, RtScope scope, Ipv4Address prefsrc, Ipv4Address gateway,
                        NetDevice oif) {

    /** {@code NLM_F_REPLACE}: replace an existing route with the same key. */
    public static final int NLM_F_REPLACE = 0x100;
    /** {@code NLM_F_EXCL}: fail if a route with the same key exists. */
    public static final int NLM_F_EXCL = 0x200;
    /** {@code NLM_F_CREATE}: create the route if none has the key. */
    public static final int NLM_F_CREATE = 0x400;
    /** {@code NLM_F_APPEND}: add after the existing routes with the same key. */
    public static final int NLM_F_APPEND = 0x800;

    public FibConfig {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(scope, "scope");
    }
}
