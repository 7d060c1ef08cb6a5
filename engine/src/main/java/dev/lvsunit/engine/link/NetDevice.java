package dev.lvsunit.engine.link;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.ipv4.InDevice;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.EthernetFrame;
import java.util.Objects;

/**
 * A network interface, as {@code struct net_device}: an Ethernet NIC plugged
 * into a {@link Segment}, or the loopback device.
 *
 * <p>Carrier ({@code IFF_LOWER_UP}) is on for loopback and for an Ethernet
 * interface attached to a segment. The interface's IPv4 state (addresses,
 * {@code conf/IFACE} values, neighbour parameters) lives in its
 * {@link InDevice}, as the kernel keeps it in {@code dev->ip_ptr}.
 */
public final class NetDevice {

    /** {@code ETH_MIN_MTU}: the smallest MTU an Ethernet device takes. */
    public static final int ETH_MIN_MTU = 68;
    /** {@code ETH_MAX_MTU}: the largest, as a veth has it. */
    public static final int ETH_MAX_MTU = 65535;

    /** The kinds of device lvsunit models. */
    public enum Kind {
        LOOPBACK,
        ETHER
    }

    private final Host host;
    private final String name;
    private final int ifindex;
    private final Kind kind;
    private MacAddress mac;
    private int mtu;
    private boolean up;
    private Segment segment;
    private final DeviceStats stats = new DeviceStats();
    private final InDevice inDevice;

    /** Made by {@link Host}; use {@link Host#addEthernet}. */
    public NetDevice(Host host, String name, int ifindex, Kind kind, MacAddress mac, int mtu,
                     java.util.function.Function<NetDevice, InDevice> inDeviceFactory) {
        this.host = Objects.requireNonNull(host);
        this.name = Objects.requireNonNull(name);
        this.ifindex = ifindex;
        this.kind = kind;
        this.mac = mac;
        this.mtu = mtu;
        this.inDevice = inDeviceFactory.apply(this);
    }

    public Host host() {
        return host;
    }

    public String name() {
        return name;
    }

    public int ifindex() {
        return ifindex;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isLoopback() {
        return kind == Kind.LOOPBACK;
    }

    /** {@code IFF_NOARP}: loopback resolves nothing. */
    public boolean isNoArp() {
        return kind == Kind.LOOPBACK;
    }

    public MacAddress mac() {
        return mac;
    }

    public int mtu() {
        return mtu;
    }

    /** {@code IFF_UP}: administratively up. */
    public boolean isUp() {
        return up;
    }

    /** {@code netif_carrier_ok}: a cable is in (loopback always). */
    public boolean hasCarrier() {
        return kind == Kind.LOOPBACK || segment != null;
    }

    /** {@code netif_running && carrier}: frames can pass. */
    public boolean isOperational() {
        return up && hasCarrier();
    }

    public Segment segment() {
        return segment;
    }

    public InDevice inDevice() {
        return inDevice;
    }

    public DeviceStats stats() {
        return stats;
    }

    /** Only {@link Host} changes link state, so that it can notify the subsystems. */
    public void setUpFlag(boolean value) {
        this.up = value;
    }

    public void setMacValue(MacAddress value) {
        this.mac = value;
    }

    public void setMtuValue(int value) {
        this.mtu = value;
    }

    void attach(Segment s) {
        this.segment = s;
    }

    /**
     * {@code dev_queue_xmit}: sends a frame. On loopback it comes back to this
     * host; on Ethernet it goes to the segment. A down device drops it.
     */
    public void transmit(EthernetFrame frame) {
        if (!up) {
            return;
        }
        stats.txPackets++;
        stats.txBytes += frame.length();
        if (kind == Kind.LOOPBACK) {
            host.world().events().schedule(Segment.LOOPBACK_DELAY_NANOS, () -> receive(frame));
        } else if (segment != null) {
            segment.forward(this, frame);
        }
    }

    /** A frame arrives from the wire (or loops back). */
    void receive(EthernetFrame frame) {
        if (!up) {
            return;
        }
        PacketType type = kind == Kind.LOOPBACK ? PacketType.HOST : PacketType.classify(frame.destination(), mac);
        stats.rxPackets++;
        stats.rxBytes += frame.length();
        host.netifReceive(this, frame, type);
    }

    @Override
    public String toString() {
        return host.name() + ":" + name;
    }
}
