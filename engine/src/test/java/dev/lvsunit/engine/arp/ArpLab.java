package dev.lvsunit.engine.arp;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.engine.socket.PacketSocket;
import dev.lvsunit.engine.sysctl.SysctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small lab for ARP and neighbour tests: one segment, hosts built with the
 * engine API, arping-style frames sent from packet sockets, and the frames
 * seen on the segment.
 */
public final class ArpLab {

    public final World world = new World();
    public final Segment lan = world.addSegment("net0");
    private int captureMark;

    public static Ipv4Address ip(String text) {
        return Ipv4Address.parse(text);
    }

    public static MacAddress mac(String text) {
        return MacAddress.parse(text);
    }

    /**
     * The LVS-DR real server of the reference's Appendix A, on one segment:
     * client eth0 10.0.0.50/24 (02:00:00:00:00:50), real server eth0
     * 10.0.0.179/24 (02:00:00:00:01:79) with the VIP 10.0.0.101/32 on its
     * {@code lo}; no sysctl changed.
     *
     * @param lab the lab they live in
     * @param client the client host
     * @param rs the real server
     * @param clientEth the client's eth0
     * @param rsEth the real server's eth0
     */
    public record RealServerLan(ArpLab lab, Host client, Host rs, NetDevice clientEth, NetDevice rsEth) {
    }

    /** A new lab holding the {@link RealServerLan}. */
    public static RealServerLan realServerLan() {
        ArpLab lab = new ArpLab();
        Host client = lab.host("client");
        Host rs = lab.host("rs");
        NetDevice cEth = lab.nic(client, "eth0", "02:00:00:00:00:50");
        NetDevice rsEth = lab.nic(rs, "eth0", "02:00:00:00:01:79");
        addr(cEth, "10.0.0.50/24");
        addr(rsEth, "10.0.0.179/24");
        addr(rs.loopback(), "10.0.0.101/32");
        return new RealServerLan(lab, client, rs, cEth, rsEth);
    }

    public Host host(String name) {
        return world.host(name).orElseGet(() -> world.addHost(name));
    }

    /** A NIC on the lab's segment. */
    public NetDevice nic(Host host, String name, String mac) {
        NetDevice d = host.addEthernet(name, mac(mac));
        lan.attach(d);
        return d;
    }

    /** A NIC that is not plugged in anywhere (no carrier). */
    public NetDevice unpluggedNic(Host host, String name, String mac) {
        return host.addEthernet(name, mac(mac));
    }

    /** {@code ip addr add PREFIX dev DEV} (scope global, or host for 127/8). */
    public static void addr(NetDevice dev, String prefix) {
        Ipv4Prefix p = Ipv4Prefix.parse(prefix);
        addr(dev, prefix, p.address().isLoopback() ? RtScope.HOST : RtScope.UNIVERSE);
    }

    public static void addr(NetDevice dev, String prefix, RtScope scope) {
        try {
            dev.host().devinet().add(dev, IfAddr.of(Ipv4Prefix.parse(prefix), scope, dev.name()));
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code sysctl -w}, with a slash path relative to {@code net/ipv4/}. */
    public static void sysctl(Host host, String path, int value) {
        try {
            host.sysctl().write("net/ipv4/" + path, Integer.toString(value));
        } catch (SysctlException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the world for {@code ms} milliseconds. */
    public void runMs(long ms) {
        world.runFor(Durations.millis(ms));
    }

    /** Runs the world until {@code seconds} (absolute virtual time). */
    public void runUntilSeconds(double seconds) {
        world.runUntil((long) (seconds * Durations.NANOS_PER_SECOND));
    }

    // ---- arping-style frames

    /**
     * What {@code arping -I DEV -s SIP TIP} sends: a broadcast request whose
     * body carries target MAC ff:ff:ff:ff:ff:ff.
     */
    public static void arping(NetDevice dev, String sip, String tip) {
        send(dev, MacAddress.BROADCAST,
                new ArpPacket(ArpPacket.REQUEST, dev.mac(), ip(sip), MacAddress.BROADCAST, ip(tip)));
    }

    /** {@code arping -U}: a gratuitous request, sip = tip. */
    public static void garpRequest(NetDevice dev, String address) {
        arping(dev, address, address);
    }

    /** {@code arping -A}: a gratuitous broadcast reply with tha = sha. */
    public static void garpReply(NetDevice dev, String address) {
        send(dev, MacAddress.BROADCAST,
                new ArpPacket(ArpPacket.REPLY, dev.mac(), ip(address), dev.mac(), ip(address)));
    }

    /** A reply from {@code dev} claiming {@code sip}, to {@code ethDst}/{@code tha}, {@code tip}. */
    public static void reply(NetDevice dev, MacAddress ethDst, String sip, MacAddress tha, String tip) {
        send(dev, ethDst, new ArpPacket(ArpPacket.REPLY, dev.mac(), ip(sip), tha, ip(tip)));
    }

    public static void send(NetDevice dev, MacAddress ethDst, ArpPacket arp) {
        PacketSocket s = dev.host().openPacketSocket(dev);
        s.send(new EthernetFrame(ethDst, dev.mac(), arp));
        s.close();
    }

    /** A ping (echo request) from {@code host}, routed as ping routes it. */
    public static Ipv4Address ping(Host host, String dst) {
        return ping(host, dst, null, 1);
    }

    public static Ipv4Address ping(Host host, String dst, String src, int seq) {
        try {
            return host.ip().sendLocal(ip(dst), src == null ? Ipv4Address.ANY : ip(src), null, true,
                    new IcmpEcho(false, 0x1234, seq, 56));
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what the segment saw

    /** Forget the frames seen so far. */
    public void clearCapture() {
        captureMark = lan.capture().size();
    }

    /** Frames seen since the last {@link #clearCapture()}. */
    public List<CapturedFrame> frames() {
        return lan.capture().subList(captureMark, lan.capture().size());
    }

    /** ARP frames seen since the last {@link #clearCapture()}. */
    public List<CapturedFrame> arpFrames() {
        List<CapturedFrame> out = new ArrayList<>();
        for (CapturedFrame f : frames()) {
            if (f.frame().payload() instanceof ArpPacket) {
                out.add(f);
            }
        }
        return out;
    }

    public List<ArpPacket> arpPackets() {
        List<ArpPacket> out = new ArrayList<>();
        for (CapturedFrame f : arpFrames()) {
            out.add((ArpPacket) f.frame().payload());
        }
        return out;
    }

    /** ARP replies seen, as the frames that carried them. */
    public List<EthernetFrame> arpReplies() {
        List<EthernetFrame> out = new ArrayList<>();
        for (CapturedFrame f : arpFrames()) {
            if (((ArpPacket) f.frame().payload()).isReply()) {
                out.add(f.frame());
            }
        }
        return out;
    }

    /** ARP requests seen, as captured (with their times). */
    public List<CapturedFrame> arpRequests() {
        List<CapturedFrame> out = new ArrayList<>();
        for (CapturedFrame f : arpFrames()) {
            if (((ArpPacket) f.frame().payload()).isRequest()) {
                out.add(f);
            }
        }
        return out;
    }

    /** IPv4 frames seen. */
    public List<CapturedFrame> ipFrames() {
        List<CapturedFrame> out = new ArrayList<>();
        for (CapturedFrame f : frames()) {
            if (f.frame().payload() instanceof Ipv4Packet) {
                out.add(f);
            }
        }
        return out;
    }

    public static Optional<Neighbour> entry(Host host, String address, NetDevice dev) {
        return host.neigh().lookup(ip(address), dev);
    }

    public static double seconds(long nanos) {
        return nanos / (double) Durations.NANOS_PER_SECOND;
    }
}
