package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A host's forwarding information base: the {@code local} and {@code main}
 * tables ({@code net/ipv4/fib_trie.c}, {@code fib_frontend.c}).
 *
 * <p>Without policy rules the kernel keeps both tables in one merged trie, so a
 * lookup is one longest-prefix match over both; at equal length the local
 * table's entry comes first. Within one prefix, routes keep the order they were
 * inserted: of three equal connected routes the first one added wins
 * ({@code fib_table_insert} with {@code NLM_F_APPEND}).
 */
public final class Fib {

    public static final int RT_TABLE_MAIN = 254;
    public static final int RT_TABLE_LOCAL = 255;

    private final List<FibRoute> routes = new ArrayList<>();

    /** Every route of every table, in insertion order. */
    public List<FibRoute> routes() {
        return Collections.unmodifiableList(routes);
    }

    /**
     * The routes of one table in the order {@code ip route show table T} dumps
     * them: by destination address, longer prefixes first at the same address,
     * then by TOS, metric and insertion.
     */
    public List<FibRoute> dump(int table) {
        List<FibRoute> out = new ArrayList<>();
        for (FibRoute r : routes) {
            if (r.table() == table) {
                out.add(r);
            }
        }
        out.sort(Comparator.<FibRoute, Integer>comparing(r -> r.destination().networkAddress().bits(), Integer::compareUnsigned)
                .thenComparing(r -> -r.destination().length())
                .thenComparing(r -> -r.tos())
                .thenComparing(FibRoute::priority));
        return out;
    }

    /** Whether a route with the same table, destination, TOS and metric exists ({@code NLM_F_EXCL}). */
    public Optional<FibRoute> findSlot(FibRoute route) {
        for (FibRoute r : routes) {
            if (r.sameSlot(route)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Appends a route after the existing ones with the same key. */
    public void insert(FibRoute route) {
        routes.add(route);
    }

    /** Removes one route; true if it was there. */
    public boolean remove(FibRoute route) {
        return routes.remove(route);
    }

    /** Removes every route matching {@code filter}. */
    public void removeIf(Predicate<FibRoute> filter) {
        routes.removeIf(filter);
    }

    /**
     * {@code fib_lookup} over the merged local and main tables.
     *
     * @param destination the address to route
     * @param oif when not {@code null}, only routes through this device match
     *     ({@code flowi4_oif})
     * @return the best route, if any
     */
    public Optional<FibRoute> lookup(Ipv4Address destination, NetDevice oif) {
        FibRoute best = null;
        for (FibRoute r : routes) {
            if (r.table() != RT_TABLE_LOCAL && r.table() != RT_TABLE_MAIN) {
                continue;
            }
            if (!r.destination().contains(destination)) {
                continue;
            }
            // fib_table_lookup: with flowi4_oif set, only nexthops through that device match
            if (oif != null && r.device() != oif) {
                continue;
            }
            if (r.device() != null && !r.device().isUp() && r.type() != RouteType.LOCAL) {
                continue;
            }
            if (best == null || better(r, best)) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean better(FibRoute candidate, FibRoute current) {
        int c = Integer.compare(candidate.destination().length(), current.destination().length());
        if (c != 0) {
            return c > 0;
        }
        if (candidate.table() != current.table()) {
            return candidate.table() == RT_TABLE_LOCAL;
        }
        if (candidate.tos() != current.tos()) {
            return candidate.tos() > current.tos();
        }
        return candidate.priority() < current.priority();
    }

    /**
     * {@code inet_addr_type}: the type of {@code address} in the local table:
     * {@link RouteType#LOCAL} for our own addresses, {@link RouteType#BROADCAST}
     * for broadcast addresses, {@link RouteType#UNICAST} otherwise.
     */
    public RouteType addressType(Ipv4Address address) {
        if (address.isAny() || address.isLimitedBroadcast()) {
            return RouteType.BROADCAST;
        }
        if (address.isMulticast()) {
            return RouteType.MULTICAST;
        }
        FibRoute best = null;
        for (FibRoute r : routes) {
            if (r.table() == RT_TABLE_LOCAL && r.destination().contains(address)
                    && (best == null || r.destination().length() > best.destination().length())) {
                best = r;
            }
        }
        return best == null ? RouteType.UNICAST : best.type();
    }
}
