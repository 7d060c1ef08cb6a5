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
    /** The routes by prefix, for lookups; remade on the first lookup after a change. */
    private FibIndex index;

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

    /**
     * Appends a route after the existing ones with the same key
     * ({@code fib_table_insert} with {@code NLM_F_APPEND}, and the kernel's own
     * routes).
     */
    public void insert(FibRoute route) {
        routes.add(route);
        index = null;
    }

    /**
     * Puts a route before the existing ones with the same key
     * ({@link FibRoute#sameSlot}): {@code fib_table_insert} without
     * {@code NLM_F_APPEND} inserts the new alias before {@code fa_first}, so
     * of equal routes the one added last wins. This is what
     * {@code ip route prepend} and the {@code route add} ioctl do.
     */
    public void insertFirst(FibRoute route) {
        index = null;
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).sameSlot(route)) {
                routes.add(i, route);
                return;
            }
        }
        routes.add(route);
    }

    /**
     * Puts {@code route} in the place of {@code existing}
     * ({@code fib_table_insert} with {@code NLM_F_REPLACE}:
     * {@code hlist_replace_rcu} of the first alias of the key).
     *
     * @throws IllegalArgumentException if {@code existing} is not in the table
     */
    public void replace(FibRoute existing, FibRoute route) {
        int i = routes.indexOf(existing);
        if (i < 0) {
            throw new IllegalArgumentException("no such route: " + existing);
        }
        routes.set(i, route);
        index = null;
    }

    /** Removes one route; true if it was there. */
    public boolean remove(FibRoute route) {
        index = null;
        return routes.remove(route);
    }

    /** Removes every route matching {@code filter}. */
    public void removeIf(Predicate<FibRoute> filter) {
        index = null;
        routes.removeIf(filter);
    }

    private FibIndex index() {
        FibIndex i = index;
        if (i == null) {
            i = new FibIndex(routes, Fib::preferred);
            index = i;
        }
        return i;
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
        return longestMatch(destination, r -> (r.table() == RT_TABLE_LOCAL || r.table() == RT_TABLE_MAIN)
                // fib_table_lookup: with flowi4_oif set, only nexthops through that device match
                && (oif == null || r.device() == oif)
                && (r.device() == null || r.device().isUp() || r.type() == RouteType.LOCAL));
    }

    /**
     * {@code fib_table_lookup} with {@code flowi4_scope} and
     * {@code FIB_LOOKUP_IGNORE_LINKSTATE}, as {@code fib_check_nh} and the
     * ioctls look a gateway or neighbour up: the longest match among routes of
     * scope {@code minScope} or narrower ({@code fa_scope < flowi4_scope} is
     * skipped) and TOS 0, local before main at equal length, then metric and
     * insertion order. With {@code oif}, only nexthops through that device
     * match; error routes (blackhole, unreachable, prohibit, throw) match
     * whatever the device, since the kernel returns their error before it
     * looks at nexthops.
     *
     * @param minScope the numeric {@code flowi4_scope}
     * @param table one table, or -1 for the merged local and main tables ({@code fib_lookup})
     * @return the route, if any
     */
    public Optional<FibRoute> lookupScoped(Ipv4Address dst, NetDevice oif, int minScope, int table) {
        return longestMatch(dst, r -> (table < 0
                        ? r.table() == RT_TABLE_LOCAL || r.table() == RT_TABLE_MAIN
                        : r.table() == table)
                && r.scope().value() >= minScope && r.tos() == 0
                && (r.type().isError() || oif == null || r.device() == oif));
    }

    /**
     * The first route {@code usable} accepts, longest prefix first and, within
     * a prefix, in order of preference ({@link #preferred}): the best match.
     */
    private Optional<FibRoute> longestMatch(Ipv4Address dst, Predicate<FibRoute> usable) {
        FibIndex idx = index();
        for (int l = 0; l < idx.lengths(); l++) {
            FibRoute[] candidates = idx.candidates(l, dst.bits());
            if (candidates == null) {
                continue;
            }
            for (FibRoute r : candidates) {
                if (usable.test(r)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The order among routes of one prefix: the local table's before the main
     * table's (the merged trie keeps local aliases first), higher TOS before
     * lower, then lower metric ({@code fib_table_insert} keeps a leaf's aliases
     * sorted so), then the order they were inserted in.
     */
    private static int preferred(FibRoute a, FibRoute b) {
        boolean aLocal = a.table() == RT_TABLE_LOCAL;
        if (aLocal != (b.table() == RT_TABLE_LOCAL)) {
            return aLocal ? -1 : 1;
        }
        if (a.tos() != b.tos()) {
            return Integer.compare(b.tos(), a.tos());
        }
        return Integer.compare(a.priority(), b.priority());
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
