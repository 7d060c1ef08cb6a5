package dev.lvsunit.engine.socket;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.packet.EthernetFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code AF_PACKET} socket bound to one interface, as arping opens one:
 * it sends whole frames, bypassing the kernel's ARP and neighbour code, and
 * receives a copy of every frame that arrives on the interface.
 */
public final class PacketSocket implements AutoCloseable {

    /**
     * A received frame.
     *
     * @param timeNanos arrival time on the virtual clock
     * @param frame the frame
     * @param type how it was addressed ({@code sll_pkttype})
     */
    public record Received(long timeNanos, EthernetFrame frame, PacketType type) {
    }

    private final Host host;
    private final NetDevice dev;
    private final List<Received> queue = new ArrayList<>();
    private boolean open = true;

    public PacketSocket(Host host, NetDevice dev) {
        this.host = host;
        this.dev = dev;
    }

    public NetDevice device() {
        return dev;
    }

    /** {@code sendto}: puts the frame on the wire as it is. */
    public void send(EthernetFrame frame) {
        dev.transmit(frame);
    }

    /** Frames received since the last call, in arrival order. */
    public List<Received> drain() {
        List<Received> out = List.copyOf(queue);
        queue.clear();
        return out;
    }

    /** Called by the host for every frame received on any interface. */
    public void deliver(NetDevice on, EthernetFrame frame, PacketType type) {
        if (open && on == dev) {
            queue.add(new Received(host.world().now(), frame, type));
        }
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            host.closePacketSocket(this);
        }
    }
}
