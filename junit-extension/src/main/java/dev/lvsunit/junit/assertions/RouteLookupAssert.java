package dev.lvsunit.junit.assertions;

import dev.lvsunit.dsl.RouteLookup;
import dev.lvsunit.engine.net.Ipv4Address;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on how a host would send a packet ({@code ip route get}):
 *
 * <pre>{@code
 * assertThat(rs1.routeTo("192.168.0.50")).goesOut("eth0").from("192.168.0.8");
 * }</pre>
 */
public class RouteLookupAssert extends AbstractAssert<RouteLookupAssert, RouteLookup> {

    public RouteLookupAssert(RouteLookup actual) {
        super(actual, RouteLookupAssert.class);
    }

    /** A route exists. */
    public RouteLookupAssert isReachable() {
        isNotNull();
        if (actual.result() == null) {
            failWithMessage("%s", "Expecting " + actual.host() + " to have a route to " + actual.destination()
                    + ", but the lookup fails with " + actual.error());
        }
        return myself;
    }

    /** No route exists ({@code Network is unreachable} and the like). */
    public RouteLookupAssert isUnreachable() {
        isNotNull();
        if (actual.result() != null) {
            failWithMessage("%s", "Expecting " + actual.host() + " to have no route to " + actual.destination()
                    + ", but it has: " + actual);
        }
        return myself;
    }

    /** The packet leaves through {@code device} ({@code lo} for local destinations). */
    public RouteLookupAssert goesOut(String device) {
        isReachable();
        if (!actual.result().device().name().equals(device)) {
            failWithActualExpectedAndMessage(actual.result().device().name(), device, "%s", "Expecting "
                    + actual.host() + " to send to " + actual.destination() + " out of " + device + ", but: " + actual);
        }
        return myself;
    }

    /** The packet's source address is {@code source}. */
    public RouteLookupAssert from(String source) {
        isReachable();
        Ipv4Address expected = Ipv4Address.parse(source);
        if (!actual.result().source().equals(expected)) {
            failWithActualExpectedAndMessage(actual.result().source(), expected, "%s", "Expecting " + actual.host()
                    + " to send to " + actual.destination() + " from " + source + ", but: " + actual);
        }
        return myself;
    }

    /** The next hop (the address resolved with ARP) is {@code gateway}. */
    public RouteLookupAssert via(String gateway) {
        isReachable();
        Ipv4Address expected = Ipv4Address.parse(gateway);
        if (!actual.result().nextHop().equals(expected)) {
            failWithActualExpectedAndMessage(actual.result().nextHop(), expected, "%s", "Expecting " + actual.host()
                    + " to send to " + actual.destination() + " via " + gateway + ", but: " + actual);
        }
        return myself;
    }
}
