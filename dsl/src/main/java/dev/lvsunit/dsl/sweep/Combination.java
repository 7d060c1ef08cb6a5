package dev.lvsunit.dsl.sweep;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.SysctlSetting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One point of a {@link SweepSpace}: a value for every dimension.
 *
 * @param settings one setting per dimension, in the space's order
 * @param changes the settings whose value differs from the dimension's
 *     baseline: what makes this combination "more" than another
 */
public record Combination(List<SysctlSetting> settings, List<SysctlSetting> changes) {

    public Combination {
        settings = List.copyOf(settings);
        changes = List.copyOf(changes);
    }

    /** Writes every setting on each host, in order ({@code sysctl -w}, one command each). */
    public void applyTo(Host... hosts) {
        Objects.requireNonNull(hosts, "hosts");
        for (Host h : hosts) {
            h.sysctl(settings.toArray(new SysctlSetting[0]));
        }
    }

    /** The value this combination gives {@code key}. */
    public int valueOf(dev.lvsunit.dsl.SysctlKey key) {
        for (SysctlSetting s : settings) {
            if (s.key().equals(key)) {
                return s.value();
            }
        }
        throw new IllegalArgumentException("the combination does not set " + key);
    }

    /** Whether its changes are a strict subset of {@code other}'s. */
    public boolean isSmallerThan(Combination other) {
        Set<SysctlSetting> mine = new HashSet<>(changes);
        return changes.size() < other.changes.size() && new HashSet<>(other.changes).containsAll(mine);
    }

    /**
     * The changes, keys shortened to what follows {@code net.ipv4.conf.}
     * ({@code all.arp_ignore=1 eth0.arp_announce=2}), or {@code baseline}.
     */
    public String label() {
        if (changes.isEmpty()) {
            return "baseline";
        }
        List<String> words = new ArrayList<>();
        for (SysctlSetting s : changes) {
            words.add(shortName(s.key().name()) + "=" + s.value());
        }
        return String.join(" ", words);
    }

    static String shortName(String key) {
        for (String prefix : List.of("net.ipv4.conf.", "net.ipv4.neigh.", "net.ipv4.")) {
            if (key.startsWith(prefix)) {
                return key.substring(prefix.length());
            }
        }
        return key;
    }

    @Override
    public String toString() {
        return label();
    }
}
