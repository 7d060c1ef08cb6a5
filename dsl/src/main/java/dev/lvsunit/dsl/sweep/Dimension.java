package dev.lvsunit.dsl.sweep;

import dev.lvsunit.dsl.SysctlKey;
import java.util.List;
import java.util.Objects;

/**
 * One axis of a {@link SweepSpace}: a sysctl key, the values it takes, and
 * its baseline, the value of the reference configuration the others are
 * compared with.
 *
 * @param key the key
 * @param values the values, in order, without repeats
 * @param baseline the reference value (the kernel's default unless chosen)
 */
public record Dimension(SysctlKey key, List<Integer> values, int baseline) {

    public Dimension {
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(key + ": no values to sweep");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException(key + ": a value is repeated in " + values);
        }
    }
}
