package dev.lvsunit.dsl;

import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import java.util.Objects;

/**
 * One neighbour entry at the moment it was read, as {@code ip neigh show}
 * prints it: {@code 192.168.0.101 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE}.
 *
 * @param address the neighbour's address
 * @param device the interface the entry belongs to
 * @param mac the cached MAC, or {@code null} when there is none (INCOMPLETE, FAILED)
 * @param state the NUD state
 */
public record ArpEntry(Ipv4Address address, String device, MacAddress mac, NudState state) {

    public ArpEntry {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return address + " dev " + device + (mac == null ? "" : " lladdr " + mac) + " " + state.label();
    }
}
