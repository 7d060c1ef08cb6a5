package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.Host;

/** The IP Virtual Server of one host ({@code net/netfilter/ipvs/}). */
public final class Ipvs {
    // TODO(ipvs helper): services, destinations, schedulers, connection table, forwarding.

    private final Host host;

    public Ipvs(Host host) {
        this.host = host;
    }
}
