package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;

/**
 * The answer of a route lookup ({@code struct fib_result} with what
 * {@code ip_route_output_key} derives from it).
 *
 * @param route the matching route, or {@code null} for an on-link guess
 *     through a forced output interface
 * @param type the route type
 * @param device the output device (loopback for local routes)
 * @param nextHop the address to resolve with ARP: the gateway, or the destination
 * @param source the chosen source address
 */
public record FibResult(FibRoute route, RouteType type, NetDevice device, Ipv4Address nextHop,
                        Ipv4Address source) {
}
