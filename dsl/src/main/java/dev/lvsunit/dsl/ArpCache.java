package dev.lvsunit.dsl;

import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A host's ARP cache at one moment: its neighbour entries in the order
 * {@code ip neigh show} lists them. A snapshot: it does not change as the
 * world runs on.
 *
 * @param host the host's name
 * @param entries the entries, NOARP ones left out as {@code ip neigh show} leaves them out
 */
public record ArpCache(String host, List<ArpEntry> entries) implements Iterable<ArpEntry> {

    public ArpCache {
        entries = List.copyOf(entries);
    }

    static ArpCache of(Host host) {
        List<ArpEntry> out = new ArrayList<>();
        for (Neighbour n : host.engine().neigh().entries()) {
            if (n.state() == NudState.NUD_NOARP) {
                continue;
            }
            out.add(new ArpEntry(n.address(), n.device().name(), n.lladdr(), n.state()));
        }
        return new ArpCache(host.name(), out);
    }

    /** The entries for {@code address}, one per interface that has one. */
    public List<ArpEntry> entriesFor(Ipv4Address address) {
        List<ArpEntry> out = new ArrayList<>();
        for (ArpEntry e : entries) {
            if (e.address().equals(address)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first entry for {@code address}, if any. */
    public Optional<ArpEntry> entryFor(Ipv4Address address) {
        List<ArpEntry> all = entriesFor(address);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public Iterator<ArpEntry> iterator() {
        return entries.iterator();
    }

    /** The entries one per line, as {@code ip neigh show} prints them. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (ArpEntry e : entries) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }
}
