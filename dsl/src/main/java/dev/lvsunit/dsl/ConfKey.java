package dev.lvsunit.dsl;

import dev.lvsunit.engine.sysctl.DevConf;
import java.util.Objects;

/**
 * One entry of {@code net.ipv4.conf.*}, before choosing where it is set:
 * on {@link #all()}, on {@link #defaults()} (the template for interfaces
 * created later) or on one interface ({@link #on(String)}).
 *
 * <p>The kernel combines {@code all} with the interface's own value, each entry
 * in its own way (arp_ignore, arp_announce and rp_filter take the larger;
 * arp_filter and promote_secondaries are on when either is); the engine
 * applies that rule, the DSL only names the files.
 *
 * @param entry the kernel's entry
 */
public record ConfKey(DevConf entry) {

    public ConfKey {
        Objects.requireNonNull(entry, "entry");
    }

    /** The file name, such as {@code arp_ignore}. */
    public String fileName() {
        return entry.fileName();
    }

    /** {@code net.ipv4.conf.all.NAME}. */
    public SysctlKey all() {
        return on("all");
    }

    /** {@code net.ipv4.conf.default.NAME}: reaches interfaces created later, not existing ones. */
    public SysctlKey defaults() {
        return on("default");
    }

    /**
     * {@code net.ipv4.conf.IFACE.NAME}.
     *
     * @param iface an interface name, {@code all} or {@code default}
     */
    public SysctlKey on(String iface) {
        Objects.requireNonNull(iface, "iface");
        return SysctlKey.ofPath("net/ipv4/conf/" + iface + "/" + entry.fileName());
    }

    /** {@code net.ipv4.conf.IFACE.NAME} for the interface of {@code nic}. */
    public SysctlKey on(Nic nic) {
        return on(nic.name());
    }

    @Override
    public String toString() {
        return entry.fileName();
    }
}
