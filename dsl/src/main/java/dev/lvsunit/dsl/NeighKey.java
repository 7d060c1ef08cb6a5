package dev.lvsunit.dsl;

import java.util.Objects;

/**
 * One entry of {@code net.ipv4.neigh.*} (the ARP neighbour parameters), before
 * choosing where it is set: on {@link #defaults()} or on one interface.
 *
 * @param fileName the file name, such as {@code base_reachable_time_ms}
 */
public record NeighKey(String fileName) {

    public NeighKey {
        Objects.requireNonNull(fileName, "fileName");
    }

    /** {@code net.ipv4.neigh.default.NAME}. */
    public SysctlKey defaults() {
        return on("default");
    }

    /** {@code net.ipv4.neigh.IFACE.NAME}. */
    public SysctlKey on(String iface) {
        Objects.requireNonNull(iface, "iface");
        return SysctlKey.ofPath("net/ipv4/neigh/" + iface + "/" + fileName);
    }

    /** {@code net.ipv4.neigh.IFACE.NAME} for the interface of {@code nic}. */
    public SysctlKey on(Nic nic) {
        return on(nic.name());
    }

    @Override
    public String toString() {
        return fileName;
    }
}
