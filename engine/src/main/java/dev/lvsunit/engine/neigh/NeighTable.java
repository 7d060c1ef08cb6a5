package dev.lvsunit.engine.neigh;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.Ipv4Packet;
import java.util.List;
import java.util.Optional;

/**
 * A host's ARP neighbour table, {@code arp_tbl} with the state machine of
 * {@code net/core/neighbour.c}.
 */
public final class NeighTable {
    // TODO(arp/neigh helper): implement every method; keep these signatures.

    private final Host host;

    public NeighTable(Host host) {
        this.host = host;
    }

    /** Every entry (including NOARP ones), in the order {@code ip neigh show} dumps them. */
    public List<Neighbour> entries() {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code neigh_lookup}: the entry for {@code address} on {@code dev}, if any. */
    public Optional<Neighbour> lookup(Ipv4Address address, NetDevice dev) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code __neigh_lookup(..., creat=1)} with {@code arp_constructor}. */
    public Neighbour lookupOrCreate(Ipv4Address address, NetDevice dev) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * {@code neigh_resolve_output}: send a datagram through the entry: at once
     * when its state is valid (STALE moves to DELAY), else queue it and start
     * or continue resolution ({@code __neigh_event_send}).
     */
    public void output(Neighbour n, Ipv4Packet packet) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code neigh_event_ns}: a request for us from {@code sip}: create or update as STALE with override. */
    public Optional<Neighbour> eventNs(MacAddress sha, Ipv4Address sip, NetDevice dev) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code neigh_ifdown}: every entry of {@code dev} goes, PERMANENT included. */
    public void ifDown(NetDevice dev) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * {@code ip neigh add} ({@code NLM_F_CREATE|NLM_F_EXCL}): a new entry.
     *
     * @throws KernelException {@code EEXIST} if one exists
     */
    public Neighbour add(Ipv4Address address, NetDevice dev, MacAddress lladdr, NudState state) throws KernelException {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code ip neigh replace} / {@code change}: admin update with override. */
    public Neighbour replace(Ipv4Address address, NetDevice dev, MacAddress lladdr, NudState state) throws KernelException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * {@code ip neigh del} / {@code arp -d}: removes an entry.
     *
     * @throws KernelException {@code ENOENT} if there is none
     */
    public void delete(Ipv4Address address, NetDevice dev) throws KernelException {
        throw new UnsupportedOperationException("TODO");
    }
}
