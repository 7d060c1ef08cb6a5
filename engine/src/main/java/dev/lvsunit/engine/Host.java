package dev.lvsunit.engine;

import dev.lvsunit.engine.arp.Arp;
import dev.lvsunit.engine.icmp.Icmp;
import dev.lvsunit.engine.ipv4.Devinet;
import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.InDevice;
import dev.lvsunit.engine.ipv4.Ip;
import dev.lvsunit.engine.ipv4.Route;
import dev.lvsunit.engine.ipvs.Ipvs;
import dev.lvsunit.engine.tcp.Tcp;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.neigh.NeighTable;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.socket.PacketSocket;
import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.engine.sysctl.Sysctl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One Linux machine (one network namespace): its interfaces and the kernel
 * subsystems that act on them. Each subsystem is its own object, named after
 * the kernel file it mirrors: {@link #devinet()} (addresses), {@link #fib()}
 * and {@link #route()} (routing), {@link #neigh()} (the ARP neighbour table),
 * {@link #arp()}, {@link #ip()}, {@link #icmp()}, {@link #sysctl()}.
 */
public final class Host {

    private final World world;
    private final String name;
    private final int number;
    private final List<NetDevice> devices = new ArrayList<>();
    private final Sysctl sysctl;
    private final Devinet devinet;
    private final Fib fib = new Fib();
    private final Route route;
    private final NeighTable neigh;
    private final Arp arp;
    private final Ip ip;
    private final Icmp icmp;
    private final Tcp tcp;
    private Ipvs ipvs;
    private final List<PacketSocket> packetSockets = new ArrayList<>();
    private int nextIfindex = 1;

    Host(World world, String name, int number) {
        this.world = world;
        this.name = name;
        this.number = number;
        this.sysctl = new Sysctl(this);
        this.devinet = new Devinet(this);
        this.route = new Route(this);
        this.neigh = new NeighTable(this);
        this.arp = new Arp(this);
        this.ip = new Ip(this);
        this.icmp = new Icmp(this);
        this.tcp = new Tcp(this);
        NetDevice lo = newDevice("lo", NetDevice.Kind.LOOPBACK, MacAddress.ZERO, 65536);
        // A namespace's lo is brought up with 127.0.0.1/8 (scope host) by the init scripts.
        setUp(lo, true);
        try {
            devinet.add(lo, IfAddr.of(new Ipv4Prefix(Ipv4Address.of(127, 0, 0, 1), 8), RtScope.HOST, "lo"));
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    public World world() {
        return world;
    }

    public String name() {
        return name;
    }

    /** The host's number in order of creation in its world, from 1. */
    public int number() {
        return number;
    }

    /** The interfaces in ifindex order ({@code lo} first). */
    public List<NetDevice> devices() {
        return Collections.unmodifiableList(devices);
    }

    public Optional<NetDevice> device(String deviceName) {
        for (NetDevice d : devices) {
            if (d.name().equals(deviceName)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public Optional<NetDevice> device(int ifindex) {
        for (NetDevice d : devices) {
            if (d.ifindex() == ifindex) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The loopback device. */
    public NetDevice loopback() {
        return devices.get(0);
    }

    /**
     * Creates an Ethernet interface, up, MTU 1500, without address. It has no
     * carrier until it is attached to a segment.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public NetDevice addEthernet(String deviceName, MacAddress mac) {
        if (device(deviceName).isPresent()) {
            throw new IllegalArgumentException(name + " already has " + deviceName);
        }
        NetDevice d = newDevice(deviceName, NetDevice.Kind.ETHER, mac, 1500);
        setUp(d, true);
        return d;
    }

    private NetDevice newDevice(String deviceName, NetDevice.Kind kind, MacAddress mac, int mtu) {
        NetDevice d = new NetDevice(this, deviceName, nextIfindex++, kind, mac, mtu,
                dev -> new InDevice(dev, sysctl.newDeviceConf(), sysctl.newDeviceNeighParms()));
        devices.add(d);
        return d;
    }

    /**
     * {@code dev_open} / {@code dev_close}: brings an interface up or down and
     * tells the subsystems ({@code NETDEV_UP}, {@code NETDEV_DOWN}): routes of
     * its addresses come and go; going down flushes its neighbours.
     */
    public void setUp(NetDevice dev, boolean up) {
        if (dev.isUp() == up) {
            return;
        }
        dev.setUpFlag(up);
        if (up) {
            devinet.deviceUp(dev);
            if (sysctl.effective(dev.inDevice(), DevConf.ARP_NOTIFY) != 0 && dev.hasCarrier()) {
                arp.sendGratuitous(dev);
            }
        } else {
            neigh.ifDown(dev);
            devinet.deviceDown(dev);
        }
    }

    /**
     * {@code dev_set_mac_address}: changes the MAC ({@code NETDEV_CHANGEADDR}):
     * the interface's neighbours are flushed and, with {@code arp_notify}, a
     * gratuitous ARP goes out for each of its addresses.
     *
     * @throws KernelException {@code EADDRNOTAVAIL} for a multicast or all-zero MAC
     */
    public void setMac(NetDevice dev, MacAddress mac) throws KernelException {
        // eth_prepare_mac_addr_change: !is_valid_ether_addr
        if (mac.isMulticast() || mac.isZero()) {
            throw new KernelException(Errno.EADDRNOTAVAIL);
        }
        if (dev.mac().equals(mac)) {
            return;
        }
        dev.setMacValue(mac);
        neigh.ifDown(dev);
        if (dev.isUp() && sysctl.effective(dev.inDevice(), DevConf.ARP_NOTIFY) != 0) {
            arp.sendGratuitous(dev);
        }
    }

    /**
     * {@code dev_set_mtu} with {@code dev_validate_mtu}: an Ethernet interface
     * takes {@link NetDevice#ETH_MIN_MTU} to {@link NetDevice#ETH_MAX_MTU}.
     *
     * @throws KernelException {@code EINVAL} with the kernel's extack outside that range
     */
    public void setMtu(NetDevice dev, int mtu) throws KernelException {
        if (!dev.isLoopback()) {
            if (mtu < NetDevice.ETH_MIN_MTU) {
                throw new KernelException(Errno.EINVAL, "mtu less than device minimum");
            }
            if (mtu > NetDevice.ETH_MAX_MTU) {
                throw new KernelException(Errno.EINVAL, "mtu greater than device maximum");
            }
        }
        dev.setMtuValue(mtu);
    }

    public Sysctl sysctl() {
        return sysctl;
    }

    public Devinet devinet() {
        return devinet;
    }

    public Fib fib() {
        return fib;
    }

    public Route route() {
        return route;
    }

    /** The ARP neighbour table ({@code arp_tbl}) of this host. */
    public NeighTable neigh() {
        return neigh;
    }

    public Arp arp() {
        return arp;
    }

    public Ip ip() {
        return ip;
    }

    public Icmp icmp() {
        return icmp;
    }

    public Tcp tcp() {
        return tcp;
    }

    /** The IP Virtual Server of this host, made on first use (as loading {@code ip_vs}). */
    public Ipvs ipvs() {
        if (ipvs == null) {
            ipvs = new Ipvs(this);
        }
        return ipvs;
    }

    /** Whether IPVS has been used on this host. */
    public boolean hasIpvs() {
        return ipvs != null;
    }

    /** Opens an {@code AF_PACKET} socket bound to {@code dev}, as arping does. */
    public PacketSocket openPacketSocket(NetDevice dev) {
        PacketSocket s = new PacketSocket(this, dev);
        packetSockets.add(s);
        return s;
    }

    /** Called by {@link PacketSocket#close()}. */
    public void closePacketSocket(PacketSocket s) {
        packetSockets.remove(s);
    }

    /**
     * {@code __netif_receive_skb}: a frame arrived on {@code dev}. Packet
     * sockets see it first, then the protocol handler for its EtherType.
     */
    public void netifReceive(NetDevice dev, EthernetFrame frame, PacketType type) {
        if (!packetSockets.isEmpty()) {
            // a copy: a socket may close while it handles the frame
            for (PacketSocket s : List.copyOf(packetSockets)) {
                s.deliver(dev, frame, type);
            }
        }
        if (frame.payload() instanceof ArpPacket) {
            arp.rcv(dev, frame, type);
        } else if (frame.payload() instanceof Ipv4Packet) {
            ip.rcv(dev, (Ipv4Packet) frame.payload(), type);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
