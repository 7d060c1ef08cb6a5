package dev.lvsunit.dsl;

import java.util.Objects;

/**
 * A sysctl key with a value, as {@code sysctl -w KEY=VALUE} writes it.
 *
 * @param key the key
 * @param value the value
 */
public record SysctlSetting(SysctlKey key, int value) {

    public SysctlSetting {
        Objects.requireNonNull(key, "key");
    }

    /**
     * Parses {@code KEY=VALUE} as {@code sysctl -w} takes it
     * ({@code net.ipv4.conf.all.arp_ignore=1}).
     *
     * @throws IllegalArgumentException naming the text, for a missing {@code =},
     *     a bad key, or a value that is not a decimal integer
     */
    public static SysctlSetting parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("not a sysctl setting: \"" + text
                    + "\" (expected KEY=VALUE, such as net.ipv4.conf.all.arp_ignore=1)");
        }
        SysctlKey key = SysctlKey.of(text.substring(0, eq));
        String value = text.substring(eq + 1);
        try {
            return new SysctlSetting(key, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a sysctl setting: \"" + text + "\" (\"" + value
                    + "\" is not an integer)", e);
        }
    }

    /** {@code net.ipv4.conf.all.arp_ignore=1}, as typed after {@code sysctl -w}. */
    @Override
    public String toString() {
        return key + "=" + value;
    }
}
