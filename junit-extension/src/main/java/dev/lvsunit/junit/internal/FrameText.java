package dev.lvsunit.junit.internal;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.tcpdump.Tcpdump;
import java.util.List;

/**
 * Frames as failure messages show them: one {@code tcpdump -n -e} line each,
 * from the tools' tcpdump formatter, followed by the interface that sent the
 * frame. Where the formatter does not handle a frame yet, a plain line with
 * the same leading fields stands in.
 */
public final class FrameText {

    private FrameText() {
    }

    /** The frames, one line each, each ending with a newline. */
    public static String lines(List<CapturedFrame> frames) {
        StringBuilder sb = new StringBuilder();
        for (CapturedFrame f : frames) {
            sb.append(line(f)).append('\n');
        }
        return sb.toString();
    }

    /** The frames, one line each, each after {@code indent}. */
    public static String lines(List<CapturedFrame> frames, String indent) {
        StringBuilder sb = new StringBuilder();
        for (CapturedFrame f : frames) {
            sb.append(indent).append(line(f)).append('\n');
        }
        return sb.toString();
    }

    /** One frame: {@code 00:00:00.050020 SRC > DST, ethertype ARP (0x0806), length 42: ...  (host:if on net0)}. */
    public static String line(CapturedFrame f) {
        String text = null;
        try {
            Execution e = Tcpdump.dump(List.of(f), List.of("-e"));
            if (e.exitStatus() == 0 && !e.output().isBlank()) {
                text = e.output().strip();
            }
        } catch (RuntimeException notYet) {
            // the formatter is not there or does not know this frame
        }
        if (text == null) {
            text = fallback(f);
        }
        String where = f.ingress() + (f.ingress().segment() == null ? "" : " on " + f.ingress().segment().name());
        return text + "  (" + where + ")";
    }

    private static String fallback(CapturedFrame f) {
        EthernetFrame frame = f.frame();
        StringBuilder sb = new StringBuilder(time(f.timeNanos())).append(' ')
                .append(frame.source()).append(" > ").append(frame.destination()).append(", ");
        if (frame.payload() instanceof ArpPacket a) {
            sb.append("ethertype ARP (0x0806), length ").append(frame.length()).append(": ");
            if (a.isRequest()) {
                sb.append("Request who-has ").append(a.targetIp());
                if (!a.targetMac().isZero()) {
                    sb.append(" (").append(a.targetMac()).append(')');
                }
                sb.append(" tell ").append(a.senderIp());
            } else {
                sb.append("Reply ").append(a.senderIp()).append(" is-at ").append(a.senderMac());
            }
            sb.append(", length 28");
        } else if (frame.payload() instanceof Ipv4Packet p) {
            sb.append("ethertype IPv4 (0x0800), length ").append(frame.length()).append(": ");
            if (p.payload() instanceof IcmpEcho e) {
                sb.append(p.source()).append(" > ").append(p.destination()).append(": ICMP echo ")
                        .append(e.reply() ? "reply" : "request").append(", id ").append(e.identifier())
                        .append(", seq ").append(e.sequence()).append(", length ").append(e.length());
            } else if (p.payload() instanceof IcmpUnreachable u) {
                sb.append(p.source()).append(" > ").append(p.destination()).append(": ICMP ")
                        .append(u.original().destination()).append(" unreachable (code ").append(u.code())
                        .append("), length ").append(u.length());
            } else if (p.payload() instanceof TcpSegment t) {
                sb.append(p.source()).append('.').append(t.sourcePort()).append(" > ").append(p.destination())
                        .append('.').append(t.destinationPort()).append(": Flags [").append(flags(t))
                        .append("], length ").append(t.data().length());
            } else if (p.payload() instanceof UdpDatagram u) {
                sb.append(p.source()).append('.').append(u.sourcePort()).append(" > ").append(p.destination())
                        .append('.').append(u.destinationPort()).append(": UDP, length ").append(u.data().length());
            } else {
                sb.append(p.source()).append(" > ").append(p.destination()).append(": ip-proto-")
                        .append(p.protocol()).append(' ').append(p.payload().length());
            }
        }
        return sb.toString();
    }

    private static String flags(TcpSegment t) {
        StringBuilder sb = new StringBuilder();
        if (t.has(TcpSegment.SYN)) {
            sb.append('S');
        }
        if (t.has(TcpSegment.FIN)) {
            sb.append('F');
        }
        if (t.has(TcpSegment.RST)) {
            sb.append('R');
        }
        if (t.has(TcpSegment.PSH)) {
            sb.append('P');
        }
        if (t.has(TcpSegment.ACK)) {
            sb.append('.');
        }
        return sb.toString();
    }

    /** Virtual nanoseconds as tcpdump prints a time of day. */
    public static String time(long nanos) {
        long micros = nanos / 1000;
        long s = micros / 1_000_000;
        return String.format("%02d:%02d:%02d.%06d", s / 3600, (s / 60) % 60, s % 60, micros % 1_000_000);
    }
}
