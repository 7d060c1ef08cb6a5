package dev.lvsunit.engine.neigh;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;

/**
 * One neighbour entry, {@code struct neighbour}: the MAC of {@code address}
 * as seen through {@code device}, and its NUD state. Entries are per
 * (address, interface). Read-only to everything but {@link NeighTable}.
 */
public final class Neighbour {
    // TODO(arp/neigh helper): fields confirmed, used, updated, probes, arp_queue, timer

    private final Ipv4Address address;
    private final NetDevice device;
    NudState state = NudState.NUD_NONE;
    MacAddress lladdr;

    Neighbour(Ipv4Address address, NetDevice device) {
        this.address = address;
        this.device = device;
    }

    public Ipv4Address address() {
        return address;
    }

    public NetDevice device() {
        return device;
    }

    public NudState state() {
        return state;
    }

    /** The cached MAC, or {@code null} when there is none (INCOMPLETE, FAILED, NONE). */
    public MacAddress lladdr() {
        return lladdr;
    }
}
