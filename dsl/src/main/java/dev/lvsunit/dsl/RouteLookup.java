package dev.lvsunit.dsl;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Optional;

/**
 * The answer of a route lookup for a locally sent packet, as {@code ip route
 * get} asks it: how the packet leaves, or why it cannot.
 *
 * @param host the host that looked
 * @param destination where to
 * @param result the route, device, next hop and source; {@code null} when the lookup failed
 * @param error why it failed ({@code ENETUNREACH}...), or {@code null}
 */
public record RouteLookup(String host, Ipv4Address destination, FibResult result, Errno error) {

    /** The result, if the destination is reachable. */
    public Optional<FibResult> found() {
        return Optional.ofNullable(result);
    }

    /** The output device's name, if any. */
    public Optional<String> device() {
        return found().map(r -> r.device().name());
    }

    /** The chosen source address, if any. */
    public Optional<Ipv4Address> source() {
        return found().map(FibResult::source);
    }

    @Override
    public String toString() {
        if (result == null) {
            return destination + " from " + host + ": " + error;
        }
        return destination + (result.nextHop().equals(destination) ? "" : " via " + result.nextHop()) + " dev "
                + result.device().name() + " src " + result.source() + " (" + result.type().label() + ")";
    }
}
