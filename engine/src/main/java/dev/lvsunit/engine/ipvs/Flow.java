package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;

/**
 * The addresses and ports of a packet being scheduled ({@code struct ip_vs_iphdr}
 * plus the ports): what hashing schedulers key on.
 *
 * @param source client address
 * @param sourcePort client port
 * @param destination the virtual address the packet was sent to
 * @param destinationPort its port
 */
public record Flow(Ipv4Address source, int sourcePort, Ipv4Address destination, int destinationPort) {
}
