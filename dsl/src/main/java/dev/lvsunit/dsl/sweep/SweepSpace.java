package dev.lvsunit.dsl.sweep;

import dev.lvsunit.dsl.ConfKey;
import dev.lvsunit.dsl.SysctlKey;
import dev.lvsunit.dsl.SysctlSetting;
import dev.lvsunit.engine.sysctl.DevConf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A space of sysctl configurations to try: the product of its
 * {@link Dimension dimensions}.
 *
 * <pre>{@code
 * SweepSpace space = SweepSpace.builder()
 *         .vary(ARP_IGNORE, 0, 1, 2, 3, 8)
 *         .vary(ARP_ANNOUNCE, 0, 1, 2)
 *         .vary(ARP_FILTER, 0, 1)
 *         .on("all", "eth0")                   // 6 dimensions, 30 x 30 = 900 combinations
 *         .build();
 * }</pre>
 *
 * <p>Combinations come smallest first: ordered by how many settings differ
 * from the baseline, then by the order of dimensions and values. Every
 * combination whose changes are a strict subset of another's therefore comes
 * before it, which lets a sweep know at once whether a failure is minimal.
 */
public final class SweepSpace {

    private final List<Dimension> dimensions;

    private SweepSpace(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
        Set<SysctlKey> keys = new LinkedHashSet<>();
        for (Dimension d : dimensions) {
            if (!keys.add(d.key())) {
                throw new IllegalArgumentException(d.key() + " is swept twice");
            }
        }
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one dimension");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    /** How many combinations there are, or {@link Long#MAX_VALUE} if more than that. */
    public long size() {
        long n = 1;
        for (Dimension d : dimensions) {
            if (n > Long.MAX_VALUE / d.values().size()) {
                return Long.MAX_VALUE;
            }
            n *= d.values().size();
        }
        return n;
    }

    /** The baseline: every dimension at its baseline value, whether or not that value is swept. */
    public Combination baseline() {
        List<SysctlSetting> settings = new ArrayList<>();
        for (Dimension d : dimensions) {
            settings.add(d.key().to(d.baseline()));
        }
        return new Combination(settings, List.of());
    }

    /** Every combination, smallest first. */
    public List<Combination> all() {
        if (size() > Integer.MAX_VALUE) {
            throw new IllegalStateException("the space has " + size() + " combinations: sample it");
        }
        List<int[]> out = new ArrayList<>();
        int[] index = new int[dimensions.size()];
        while (true) {
            out.add(index.clone());
            int i = dimensions.size() - 1;
            while (i >= 0 && ++index[i] == dimensions.get(i).values().size()) {
                index[i] = 0;
                i--;
            }
            if (i < 0) {
                break;
            }
        }
        return ordered(out);
    }

    /**
     * Smallest first: by the number of changes, then by where the changes are
     * (earlier dimensions first), then by the changed values in declared order.
     */
    private List<Combination> ordered(List<int[]> indices) {
        List<int[]> keys = new ArrayList<>();
        for (int[] index : indices) {
            List<Integer> key = new ArrayList<>();
            for (int d = 0; d < index.length; d++) {
                if (dimensions.get(d).values().get(index[d]) != dimensions.get(d).baseline()) {
                    key.add(d);
                    key.add(index[d]);
                }
            }
            int[] k = new int[key.size() + 1];
            k[0] = key.size() / 2;
            for (int i = 0; i < key.size(); i++) {
                k[i + 1] = key.get(i);
            }
            keys.add(k);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < indices.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Arrays.compare(keys.get(a), keys.get(b)));
        List<Combination> out = new ArrayList<>();
        for (int i : order) {
            out.add(at(indices.get(i)));
        }
        return out;
    }

    /**
     * At most {@code max} combinations, smallest first: all of them when there
     * are no more than {@code max}; otherwise every combination with at most one
     * change, then combinations drawn with a {@link Random} of {@code seed}
     * until there are {@code max}. The same seed gives the same sample.
     */
    public List<Combination> sample(int max, long seed) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        if (size() <= max) {
            return all();
        }
        Map<String, int[]> chosen = new LinkedHashMap<>();
        int[] index = baselineIndex();
        chosen.put(Arrays.toString(index), index);
        for (int d = 0; d < dimensions.size() && chosen.size() < max; d++) {
            for (int v = 0; v < dimensions.get(d).values().size() && chosen.size() < max; v++) {
                int[] one = baselineIndex();
                one[d] = v;
                chosen.putIfAbsent(Arrays.toString(one), one);
            }
        }
        Random random = new Random(seed);
        while (chosen.size() < max) {
            int[] pick = new int[dimensions.size()];
            for (int d = 0; d < pick.length; d++) {
                pick[d] = random.nextInt(dimensions.get(d).values().size());
            }
            chosen.putIfAbsent(Arrays.toString(pick), pick);
        }
        return ordered(new ArrayList<>(chosen.values()));
    }

    /** Index of each dimension's baseline value, or 0 when the baseline is not among the values. */
    private int[] baselineIndex() {
        int[] index = new int[dimensions.size()];
        for (int d = 0; d < index.length; d++) {
            index[d] = Math.max(0, dimensions.get(d).values().indexOf(dimensions.get(d).baseline()));
        }
        return index;
    }

    private Combination at(int[] index) {
        List<SysctlSetting> settings = new ArrayList<>();
        List<SysctlSetting> changes = new ArrayList<>();
        for (int d = 0; d < index.length; d++) {
            Dimension dim = dimensions.get(d);
            SysctlSetting s = dim.key().to(dim.values().get(index[d]));
            settings.add(s);
            if (s.value() != dim.baseline()) {
                changes.add(s);
            }
        }
        return new Combination(settings, changes);
    }

    /** The dimensions, as {@code arp_ignore on all {0,1,2,3,8}} phrases. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Dimension d : dimensions) {
            parts.add(Combination.shortName(d.key().name()) + " " + d.values());
        }
        return String.join(" x ", parts);
    }

    /** Builds a space; conf keys are placed on the locations of {@link #on}. */
    public static final class Builder {

        private final List<Object[]> pending = new ArrayList<>();
        private final Map<SysctlKey, Integer> baselines = new LinkedHashMap<>();
        private List<String> locations = List.of("all");

        private Builder() {
        }

        /** Sweeps a {@code net.ipv4.conf} entry over {@code values} on every location of {@link #on}. */
        public Builder vary(ConfKey key, int... values) {
            pending.add(new Object[] {Objects.requireNonNull(key), values.clone()});
            return this;
        }

        /** Sweeps one key over {@code values}; its baseline is the kernel default for conf keys, else the first value. */
        public Builder vary(SysctlKey key, int... values) {
            pending.add(new Object[] {Objects.requireNonNull(key), values.clone()});
            return this;
        }

        /** Where the conf keys are set: {@code all}, {@code default} or interface names. Default: {@code all}. */
        public Builder on(String... where) {
            if (where.length == 0) {
                throw new IllegalArgumentException("on() needs at least one location");
            }
            this.locations = List.of(where);
            return this;
        }

        /** The baseline of {@code key}: the reference value other combinations are "bigger" than. */
        public Builder baseline(SysctlKey key, int value) {
            baselines.put(Objects.requireNonNull(key), value);
            return this;
        }

        /**
         * The space: dimensions in the order declared, each conf key expanded
         * over the locations in order.
         *
         * @throws IllegalArgumentException for a key swept twice, no values, a repeated value
         */
        public SweepSpace build() {
            List<Dimension> dims = new ArrayList<>();
            for (Object[] p : pending) {
                int[] values = (int[]) p[1];
                List<Integer> list = Arrays.stream(values).boxed().toList();
                if (p[0] instanceof ConfKey conf) {
                    for (String where : locations) {
                        SysctlKey key = conf.on(where);
                        dims.add(new Dimension(key, list, baselines.getOrDefault(key, kernelDefault(conf.entry(), where))));
                    }
                } else {
                    SysctlKey key = (SysctlKey) p[0];
                    dims.add(new Dimension(key, list, baselines.getOrDefault(key, kernelDefault(key, list))));
                }
            }
            for (SysctlKey key : baselines.keySet()) {
                if (dims.stream().noneMatch(d -> d.key().equals(key))) {
                    throw new IllegalArgumentException("baseline for " + key + ", which is not swept");
                }
            }
            return new SweepSpace(dims);
        }

        private static int kernelDefault(DevConf entry, String where) {
            return where.equals("all") ? entry.allDefault() : entry.defaultDefault();
        }

        private static int kernelDefault(SysctlKey key, List<Integer> values) {
            String[] path = key.path().split("/");
            if (path.length == 5 && path[0].equals("net") && path[1].equals("ipv4") && path[2].equals("conf")) {
                return DevConf.byFileName(path[4]).map(e -> kernelDefault(e, path[3])).orElse(values.get(0));
            }
            if (key.name().equals("net.ipv4.ip_forward")) {
                return 0;
            }
            return values.get(0);
        }
    }
}
