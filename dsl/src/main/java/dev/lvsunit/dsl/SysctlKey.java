package dev.lvsunit.dsl;

import java.util.Objects;

/**
 * The name of one sysctl, as {@code sysctl} takes it:
 * {@code net.ipv4.conf.all.arp_ignore}.
 *
 * <p>Most code gets keys from the typed constants of {@link Sysctls}
 * ({@code Sysctls.ARP_IGNORE.all()}); {@link #of} takes any name. As procps
 * {@code sysctl} does, a {@code /} inside a dotted name stands for a dot of an
 * interface name ({@code net.ipv4.conf.eth0/100.rp_filter} is the file
 * {@code net/ipv4/conf/eth0.100/rp_filter}). Whether the key exists is
 * checked by the host's kernel when the key is written or read.
 *
 * @param name the dotted name, never {@code null}
 */
public record SysctlKey(String name) {

    public SysctlKey {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || name.chars().anyMatch(c -> c <= ' ' || c == '=' || c == 0x7f)) {
            throw new IllegalArgumentException("not a sysctl key: \"" + name
                    + "\" (expected a dotted name such as net.ipv4.conf.all.arp_ignore)");
        }
    }

    /**
     * The key named {@code name}.
     *
     * @throws IllegalArgumentException naming the text, if it cannot be a key
     *     (empty, blanks, {@code =}, empty components)
     */
    public static SysctlKey of(String name) {
        return new SysctlKey(name);
    }

    /** The file under {@code /proc/sys}, slash-separated: {@code net/ipv4/conf/all/arp_ignore}. */
    public String path() {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(c == '.' ? '/' : c == '/' ? '.' : c);
        }
        return sb.toString();
    }

    /** This key set to {@code value}: {@code ARP_IGNORE.all().to(1)}. */
    public SysctlSetting to(int value) {
        return new SysctlSetting(this, value);
    }

    /** The dotted name. */
    @Override
    public String toString() {
        return name;
    }

    /** The dotted key of the file {@code path} ({@code net/ipv4/conf/eth0.100/rp_filter}). */
    static SysctlKey ofPath(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            sb.append(c == '/' ? '.' : c == '.' ? '/' : c);
        }
        return new SysctlKey(sb.toString());
    }
}
