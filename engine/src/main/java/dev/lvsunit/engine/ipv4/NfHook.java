package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.packet.Ipv4Packet;

/**
 * A netfilter hook function ({@code nf_hookfn}) at one of the IPv4 hook
 * points. IPVS registers its {@code ip_vs_in} and {@code ip_vs_out} here.
 */
@FunctionalInterface
public interface NfHook {

    /**
     * Looks at a datagram passing the hook.
     *
     * @param packet the datagram
     * @param in the interface it arrived on
     * @return true if the hook took the datagram ({@code NF_STOLEN}), false to let it pass ({@code NF_ACCEPT})
     */
    boolean process(Ipv4Packet packet, NetDevice in);
}
