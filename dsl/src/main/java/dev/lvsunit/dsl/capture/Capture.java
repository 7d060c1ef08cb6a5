package dev.lvsunit.dsl.capture;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.IcmpMessage;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every frame sent on the segments it listens to, in the order they were
 * sent: one capture across the whole network, as a tcpdump on every switch
 * would see it. It grows while the world runs; {@link #all()} and the other
 * selections are snapshots.
 *
 * <p>Like its world, a capture belongs to one thread at a time.
 */
public final class Capture {

    private final List<CapturedFrame> frames = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();

    /** Starts capturing on {@code segment}: every frame sent on it from now on. */
    public void listen(Segment segment) {
        if (!segments.contains(segment)) {
            segments.add(segment);
            segment.addListener(frames::add);
        }
    }

    /** The segments this capture listens to, in the order it started listening. */
    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    /** How many frames it holds; also a mark for {@link #since(int)}. */
    public int size() {
        return frames.size();
    }

    /** Every frame so far. */
    public Frames all() {
        return new Frames(frames, "frames");
    }

    /** The frames captured after the first {@code mark} ones: {@code capture.since(mark)} with {@code int mark = capture.size()}. */
    public Frames since(int mark) {
        return new Frames(frames.subList(Math.min(mark, frames.size()), frames.size()), "frames");
    }

    /** Every ARP frame. */
    public ArpFrames arp() {
        return new ArpFrames(filter(f -> f.frame().payload() instanceof ArpPacket), "ARP frames");
    }

    /** Every ARP request. */
    public ArpFrames arpRequests() {
        return new ArpFrames(filter(f -> f.frame().payload() instanceof ArpPacket a && a.isRequest()), "ARP requests");
    }

    /** Every ARP reply. */
    public ArpFrames arpReplies() {
        return new ArpFrames(filter(f -> f.frame().payload() instanceof ArpPacket a && a.isReply()), "ARP replies");
    }

    /** Every IPv4 frame. */
    public IpFrames ip() {
        return new IpFrames(filter(f -> f.frame().payload() instanceof Ipv4Packet), "IPv4 frames");
    }

    /** Every ICMP message. */
    public IpFrames icmp() {
        return new IpFrames(filter(f -> f.frame().payload() instanceof Ipv4Packet p && p.payload() instanceof IcmpMessage),
                "ICMP messages");
    }

    /** Every TCP segment. */
    public IpFrames tcp() {
        return new IpFrames(filter(f -> f.frame().payload() instanceof Ipv4Packet p && p.payload() instanceof TcpSegment),
                "TCP segments");
    }

    private List<CapturedFrame> filter(java.util.function.Predicate<CapturedFrame> p) {
        List<CapturedFrame> out = new ArrayList<>();
        for (CapturedFrame f : frames) {
            if (p.test(f)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Virtual nanoseconds as tcpdump prints a time: {@code 00:00:01.050020}. */
    static String formatTime(long nanos) {
        long micros = nanos / 1000;
        long s = micros / 1_000_000;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, (s / 60) % 60, s % 60, micros % 1_000_000);
    }

    @Override
    public String toString() {
        return "Capture[" + frames.size() + " frames on " + segments + "]";
    }
}
