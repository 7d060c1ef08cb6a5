package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ArpCache;
import dev.lvsunit.dsl.ArpEntry;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a host's ARP cache:
 *
 * <pre>{@code
 * assertThat(client.arpCache()).hasEntryFor(vip).withMac(director.eth0().mac()).inState(NUD_REACHABLE);
 * }</pre>
 */
public class ArpCacheAssert extends AbstractAssert<ArpCacheAssert, ArpCache> {

    AssertFactory factory = AssertFactory.DIRECT;

    public ArpCacheAssert(ArpCache actual) {
        super(actual, ArpCacheAssert.class);
    }

    /** The cache has an entry for {@code address}; the returned assertion checks it. */
    public ArpEntryAssert hasEntryFor(Ipv4Address address) {
        isNotNull();
        List<ArpEntry> entries = actual.entriesFor(address);
        if (entries.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.host() + "'s ARP cache to have an entry for " + address
                    + ", but it " + describe());
        }
        if (entries.size() > 1) {
            failWithMessage("%s", "Expecting " + actual.host() + "'s ARP cache to have one entry for " + address
                    + ", but it has one per interface:\n" + indent(entries));
        }
        return factory.create(ArpEntryAssert.class, ArpEntry.class, entries.get(0));
    }

    /** {@link #hasEntryFor(Ipv4Address)} of a dotted quad. */
    public ArpEntryAssert hasEntryFor(String address) {
        return hasEntryFor(Ipv4Address.parse(address));
    }

    /** The cache has no entry for {@code address}. */
    public ArpCacheAssert hasNoEntryFor(Ipv4Address address) {
        isNotNull();
        List<ArpEntry> entries = actual.entriesFor(address);
        if (!entries.isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.host() + "'s ARP cache to have no entry for " + address
                    + ", but it has:\n" + indent(entries));
        }
        return myself;
    }

    /** The cache has no entries at all. */
    public ArpCacheAssert isEmpty() {
        isNotNull();
        if (!actual.entries().isEmpty()) {
            failWithMessage("%s", "Expecting " + actual.host() + "'s ARP cache to be empty, but it " + describe());
        }
        return myself;
    }

    private String describe() {
        return actual.entries().isEmpty() ? "is empty" : "has:\n" + indent(actual.entries());
    }

    private static String indent(List<ArpEntry> entries) {
        StringBuilder sb = new StringBuilder();
        for (ArpEntry e : entries) {
            sb.append("  ").append(e).append('\n');
        }
        return sb.toString();
    }
}
