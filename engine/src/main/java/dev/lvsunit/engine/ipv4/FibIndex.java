package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.util.LongMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The routes of a {@link Fib} grouped by prefix, for longest-prefix lookups:
 * for each prefix length in use, longest first, a hash of the prefixes of that
 * length to their routes in order of preference. A lookup probes one hash per
 * length instead of testing every route, as {@code fib_table_lookup} walks the
 * trie instead of a list. Immutable: the table makes a new one after a change.
 */
final class FibIndex {

    private final int[] lengths;
    private final int[] masks;
    private final LongMap<FibRoute[]>[] byLength;

    FibIndex(List<FibRoute> routes, Comparator<FibRoute> preference) {
        List<List<FibRoute>> perLength = new ArrayList<>();
        for (int l = 0; l <= 32; l++) {
            perLength.add(new ArrayList<>());
        }
        for (FibRoute r : routes) {
            perLength.get(r.destination().length()).add(r);
        }
        int used = 0;
        for (List<FibRoute> l : perLength) {
            used += l.isEmpty() ? 0 : 1;
        }
        lengths = new int[used];
        masks = new int[used];
        byLength = newMaps(used);
        int i = 0;
        for (int length = 32; length >= 0; length--) {
            List<FibRoute> these = perLength.get(length);
            if (!these.isEmpty()) {
                lengths[i] = length;
                masks[i] = Ipv4Prefix.maskBits(length);
                byLength[i] = byPrefix(these, preference);
                i++;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static LongMap<FibRoute[]>[] newMaps(int n) {
        return new LongMap[n];
    }

    /** The routes of one length by network address, each prefix's sorted by preference. */
    private static LongMap<FibRoute[]> byPrefix(List<FibRoute> routes, Comparator<FibRoute> preference) {
        LongMap<FibRoute[]> map = new LongMap<>();
        List<FibRoute> sorted = new ArrayList<>(routes);
        sorted.sort(preference); // stable: insertion order among equals
        for (FibRoute r : sorted) {
            int key = r.destination().address().bits();
            FibRoute[] old = map.get(key);
            FibRoute[] grown = old == null ? new FibRoute[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = r;
            map.put(key, grown);
        }
        return map;
    }

    /** How many prefix lengths are in use. */
    int lengths() {
        return lengths.length;
    }

    /**
     * The routes whose prefix, of the {@code l}-th longest length in use,
     * contains {@code address}, most preferred first; {@code null} if none.
     */
    FibRoute[] candidates(int l, int address) {
        return byLength[l].get(address & masks[l]);
    }
}
