package dev.lvsunit.engine.arp;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.Ipv4Packet;

/** ARP, {@code net/ipv4/arp.c}. */
public final class Arp {
    // TODO(arp/neigh helper): implement.

    private final Host host;

    public Arp(Host host) {
        this.host = host;
    }

    /** {@code arp_rcv} → {@code arp_process}. */
    public void rcv(NetDevice dev, EthernetFrame frame, PacketType type) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * {@code arp_solicit}: send a request for {@code n}, choosing the source
     * address by {@code arp_announce} from {@code queued} (the latest packet
     * waiting, or {@code null}).
     */
    public void solicit(Neighbour n, Ipv4Packet queued) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code inetdev_send_gratuitous_arp}: one gratuitous request per address of {@code dev}. */
    public void sendGratuitous(NetDevice dev) {
        throw new UnsupportedOperationException("TODO");
    }
}
