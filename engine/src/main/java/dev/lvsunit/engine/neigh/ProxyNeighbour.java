package dev.lvsunit.engine.neigh;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * A proxy entry, {@code struct pneigh_entry}: the host answers ARP requests
 * for {@code address} arriving on {@code device} (when forwarding), as made by
 * {@code ip neigh add proxy ADDR dev D} or {@code arp -s ADDR MAC pub}.
 *
 * @param address the proxied address
 * @param device the interface it is proxied on, or {@code null} for every interface
 * @param permanent {@code NUD_PERMANENT} was asked for; such entries survive carrier loss
 */
public record ProxyNeighbour(Ipv4Address address, NetDevice device, boolean permanent) {

    public ProxyNeighbour {
        Objects.requireNonNull(address, "address");
    }
}
