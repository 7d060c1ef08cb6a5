package dev.lvsunit.dsl.capture;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.IcmpMessage;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import java.util.ArrayList;
import java.util.List;

/** IPv4 frames, any protocol or one: ICMP, TCP, UDP. */
public final class IpFrames extends FrameSelection<IpFrames> {

    public IpFrames(List<CapturedFrame> frames, String description) {
        super(frames, description);
        for (CapturedFrame f : frames) {
            if (!(f.frame().payload() instanceof Ipv4Packet)) {
                throw new IllegalArgumentException("not an IPv4 frame: " + f);
            }
        }
    }

    @Override
    protected IpFrames select(List<CapturedFrame> frames, String description) {
        return new IpFrames(frames, description);
    }

    private static Ipv4Packet ip(CapturedFrame f) {
        return (Ipv4Packet) f.frame().payload();
    }

    /** The datagrams, in order. */
    public List<Ipv4Packet> packets() {
        List<Ipv4Packet> out = new ArrayList<>();
        for (CapturedFrame f : this) {
            out.add(ip(f));
        }
        return out;
    }

    /** Datagrams whose source address is {@code address}. */
    public IpFrames from(Ipv4Address address) {
        return matching(f -> ip(f).source().equals(address), "from " + address);
    }

    /** Datagrams whose destination address is {@code address}. */
    public IpFrames to(Ipv4Address address) {
        return matching(f -> ip(f).destination().equals(address), "to " + address);
    }

    /** ICMP echo requests. */
    public IpFrames echoRequests() {
        return matching(f -> ip(f).payload() instanceof IcmpEcho e && !e.reply(), "that are echo requests");
    }

    /** ICMP echo replies. */
    public IpFrames echoReplies() {
        return matching(f -> ip(f).payload() instanceof IcmpEcho e && e.reply(), "that are echo replies");
    }

    /** ICMP destination-unreachable errors. */
    public IpFrames unreachables() {
        return matching(f -> ip(f).payload() instanceof IcmpUnreachable, "that are ICMP unreachable");
    }

    /** TCP segments to {@code port}. */
    public IpFrames toPort(int port) {
        return matching(f -> ip(f).payload() instanceof TcpSegment t ? t.destinationPort() == port
                : ip(f).payload() instanceof UdpDatagram u && u.destinationPort() == port, "to port " + port);
    }

    /** TCP segments with every flag of {@code flags} set ({@link TcpSegment#SYN}...). */
    public IpFrames withTcpFlags(int flags) {
        return matching(f -> ip(f).payload() instanceof TcpSegment t && (t.flags() & flags) == flags,
                "with TCP flags " + Integer.toHexString(flags));
    }

    /** ICMP messages of any kind. */
    public IpFrames icmp() {
        return matching(f -> ip(f).payload() instanceof IcmpMessage, "that are ICMP");
    }
}
