package dev.lvsunit.dsl;

import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibConfig;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A route as {@code ip route add} takes it. Immutable; each option returns a
 * new value.
 *
 * <pre>{@code
 * rs1.addRoute(route("default").via("192.168.0.1"));        // ip route add default via 192.168.0.1
 * rs1.addRoute(route("10.1.0.0/16").dev("eth1").src("10.1.0.8"));
 * }</pre>
 *
 * <p>Defaults are iproute2's: type unicast; the local table for local,
 * broadcast, anycast and nat routes, else main; scope host for local routes,
 * link for broadcast and for unicast routes without a gateway, else global;
 * protocol boot; metric 0.
 */
public final class Route {

    private final RouteType type;
    private final Ipv4Prefix destination;
    private final Ipv4Address gateway;
    private final String device;
    private final Ipv4Address source;
    private final int metric;
    private final RtScope scope;
    private final Integer table;

    private Route(RouteType type, Ipv4Prefix destination, Ipv4Address gateway, String device, Ipv4Address source,
                  int metric, RtScope scope, Integer table) {
        this.type = type;
        this.destination = destination;
        this.gateway = gateway;
        this.device = device;
        this.source = source;
        this.metric = metric;
        this.scope = scope;
        this.table = table;
    }

    /**
     * A unicast route to {@code destination}: {@code A.B.C.D/N}, an address
     * (/32) or {@code default} (0.0.0.0/0).
     *
     * @throws IllegalArgumentException naming the text, if it is none of these
     */
    public static Route route(String destination) {
        Objects.requireNonNull(destination, "destination");
        Ipv4Prefix p = destination.equals("default") ? new Ipv4Prefix(Ipv4Address.ANY, 0) : Ipv4Prefix.parse(destination);
        return new Route(RouteType.UNICAST, p, null, null, null, 0, null, null);
    }

    /** This route with type {@code value} ({@code local}, {@code blackhole}, {@code unreachable}...). */
    public Route type(RouteType value) {
        return new Route(Objects.requireNonNull(value), destination, gateway, device, source, metric, scope, table);
    }

    /** {@code via GATEWAY}. */
    public Route via(String value) {
        return via(Ipv4Address.parse(value));
    }

    /** {@code via GATEWAY}. */
    public Route via(Ipv4Address value) {
        return new Route(type, destination, Objects.requireNonNull(value), device, source, metric, scope, table);
    }

    /** {@code dev DEVICE}. */
    public Route dev(String value) {
        return new Route(type, destination, gateway, Objects.requireNonNull(value), source, metric, scope, table);
    }

    /** {@code dev DEVICE}. */
    public Route dev(Nic value) {
        return dev(value.name());
    }

    /** {@code src ADDRESS}: the preferred source. */
    public Route src(String value) {
        return src(Ipv4Address.parse(value));
    }

    /** {@code src ADDRESS}: the preferred source. */
    public Route src(Ipv4Address value) {
        return new Route(type, destination, gateway, device, Objects.requireNonNull(value), metric, scope, table);
    }

    /** {@code metric N}. */
    public Route metric(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("metric " + value);
        }
        return new Route(type, destination, gateway, device, source, value, scope, table);
    }

    /** {@code scope SCOPE}. */
    public Route scope(RtScope value) {
        return new Route(type, destination, gateway, device, source, metric, Objects.requireNonNull(value), table);
    }

    /** {@code table ID}. */
    public Route table(int value) {
        return new Route(type, destination, gateway, device, source, metric, scope, value);
    }

    public Ipv4Prefix destination() {
        return destination;
    }

    /** The request {@code ip route add} sends ({@code rtm_to_fib_config}), with iproute2's defaults. */
    FibConfig toConfig(dev.lvsunit.engine.Host host, boolean delete) {
        NetDevice oif = device == null ? null : host.device(device).orElseThrow(() ->
                new IllegalArgumentException("Cannot find device \"" + device + "\""));
        int t = table != null ? table : type == RouteType.LOCAL || type == RouteType.BROADCAST
                || type == RouteType.NAT || type == RouteType.ANYCAST ? Fib.RT_TABLE_LOCAL : Fib.RT_TABLE_MAIN;
        RtScope s = scope;
        if (s == null) {
            if (type == RouteType.LOCAL || type == RouteType.NAT) {
                s = RtScope.HOST;
            } else if (type == RouteType.BROADCAST || type == RouteType.MULTICAST || type == RouteType.ANYCAST) {
                s = RtScope.LINK;
            } else if (type == RouteType.UNICAST && delete) {
                s = RtScope.NOWHERE;
            } else if (type == RouteType.UNICAST && gateway == null) {
                s = RtScope.LINK;
            } else {
                s = RtScope.UNIVERSE;
            }
        }
        return new FibConfig(t, delete && type == RouteType.UNICAST ? null : type, destination, 0, metric,
                delete ? 0 : FibRoute.PROTO_BOOT, s, source, gateway, oif);
    }

    /** The words after {@code ip route add}. */
    public String arguments() {
        List<String> words = new ArrayList<>();
        if (type != RouteType.UNICAST) {
            words.add(type.label());
        }
        words.add(destination.length() == 0 && destination.address().isAny() ? "default" : destination.toString());
        if (gateway != null) {
            words.add("via");
            words.add(gateway.toString());
        }
        if (device != null) {
            words.add("dev");
            words.add(device);
        }
        if (source != null) {
            words.add("src");
            words.add(source.toString());
        }
        if (metric != 0) {
            words.add("metric");
            words.add(Integer.toString(metric));
        }
        if (scope != null) {
            words.add("scope");
            words.add(scope.label());
        }
        if (table != null) {
            words.add("table");
            words.add(table == Fib.RT_TABLE_LOCAL ? "local" : table == Fib.RT_TABLE_MAIN ? "main" : table.toString());
        }
        return String.join(" ", words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && arguments().equals(r.arguments());
    }

    @Override
    public int hashCode() {
        return arguments().hashCode();
    }

    @Override
    public String toString() {
        return arguments();
    }
}
