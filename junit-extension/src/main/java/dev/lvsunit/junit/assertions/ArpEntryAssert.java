package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.ArpEntry;
import dev.lvsunit.dsl.Nic;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.MacAddress;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one neighbour entry. */
public class ArpEntryAssert extends AbstractAssert<ArpEntryAssert, ArpEntry> {

    public ArpEntryAssert(ArpEntry actual) {
        super(actual, ArpEntryAssert.class);
    }

    /** The entry caches {@code mac}. */
    public ArpEntryAssert withMac(MacAddress mac) {
        isNotNull();
        if (!mac.equals(actual.mac())) {
            failWithActualExpectedAndMessage(actual.mac(), mac, "%s", "Expecting the entry for " + actual.address()
                    + " to be at " + mac + ", but it is " + actual);
        }
        return myself;
    }

    /** The entry caches the MAC of {@code nic}. */
    public ArpEntryAssert withMacOf(Nic nic) {
        isNotNull();
        MacAddress mac = nic.mac();
        if (!mac.equals(actual.mac())) {
            failWithActualExpectedAndMessage(actual.mac(), mac, "%s", "Expecting the entry for " + actual.address()
                    + " to be at " + mac + " (" + nic + "), but it is " + actual);
        }
        return myself;
    }

    /** The entry is in {@code state}. */
    public ArpEntryAssert inState(NudState state) {
        isNotNull();
        if (actual.state() != state) {
            failWithActualExpectedAndMessage(actual.state(), state, "%s", "Expecting the entry for "
                    + actual.address() + " to be " + state.label() + ", but it is " + actual);
        }
        return myself;
    }

    /** The entry belongs to interface {@code device}. */
    public ArpEntryAssert onDevice(String device) {
        isNotNull();
        if (!actual.device().equals(device)) {
            failWithActualExpectedAndMessage(actual.device(), device, "%s", "Expecting the entry for "
                    + actual.address() + " to be on " + device + ", but it is " + actual);
        }
        return myself;
    }
}
