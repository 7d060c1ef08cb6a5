package dev.lvsunit.tools.tcpdump;

import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.IcmpEcho;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.IpInIp;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.Ipv4Payload;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints frames as {@code tcpdump -n} 4.99.3 does ({@code print-ether.c},
 * {@code print-arp.c}, {@code print-ip.c}, {@code print-icmp.c},
 * {@code print-tcp.c}, {@code print-udp.c}, {@code txtproto_print}).
 *
 * <p>One formatter prints one capture: like tcpdump it remembers the initial
 * sequence numbers of the TCP conversations it has seen, to print relative
 * ones.
 */
final class FrameFormatter {

    /** TCP ports tcpdump hands to the HTTP printer ({@code HTTP_PORT}, {@code HTTP_PORT_ALT}). */
    private static final Set<Integer> HTTP_PORTS = Set.of(80, 8080);
    /** {@code httpcmds} of {@code print-http.c}. */
    private static final Set<String> HTTP_COMMANDS = Set.of("GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE",
            "POLL", "POST", "BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK",
            "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT",
            "CCM_POST", "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY",
            "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL");
    /** Ports whose payload tcpdump decodes with a printer lvsunit does not have. */
    private static final Set<Integer> DECODED_TCP_PORTS = Set.of(21, 22, 23, 25, 53, 110, 139, 143, 179, 443,
            445, 554, 3128);
    private static final Set<Integer> DECODED_UDP_PORTS = Set.of(53, 67, 68, 69, 123, 137, 138, 161, 162, 500,
            514, 520, 1812, 1813, 4789, 5353);

    private final boolean linkLevel;
    private final boolean verbose;
    /** {@code tcp_seq_hash4}: the initial sequence numbers of each conversation. */
    private final Map<TcpConversation, long[]> tcpSeqHash = new HashMap<>();

    FrameFormatter(boolean linkLevel, boolean verbose) {
        this.linkLevel = linkLevel;
        this.verbose = verbose;
    }

    /** One frame: a line, or several with {@code -v}, each ending in a newline. */
    String format(CapturedFrame captured) {
        StringBuilder sb = new StringBuilder();
        sb.append(timestamp(captured.timeNanos())).append(' ');
        EthernetFrame frame = captured.frame();
        if (linkLevel) {
            sb.append(frame.source()).append(" > ").append(frame.destination()).append(", ethertype ")
                    .append(frame.payload() instanceof ArpPacket ? "ARP (0x0806)" : "IPv4 (0x0800)")
                    .append(", length ").append(frame.length()).append(": ");
        }
        if (frame.payload() instanceof ArpPacket arp) {
            arp(sb, arp);
        } else {
            ip(sb, (Ipv4Packet) frame.payload());
        }
        return sb.append('\n').toString();
    }

    /** {@code ts_format}: {@code HH:MM:SS.uuuuuu}, microseconds truncated as pcap stores them. */
    static String timestamp(long nanos) {
        long micros = nanos / 1000;
        long seconds = micros / 1_000_000;
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%06d",
                (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60, micros % 1_000_000);
    }

    /** {@code arp_print}: who-has / is-at, the target MAC in parentheses when it is not all zeros. */
    private void arp(StringBuilder sb, ArpPacket arp) {
        if (!linkLevel) {
            sb.append("ARP, ");
        }
        if (verbose) {
            sb.append("Ethernet (len 6), IPv4 (len 4), ");
        }
        switch (arp.operation()) {
            case ArpPacket.REQUEST -> {
                sb.append("Request who-has ").append(arp.targetIp());
                if (!arp.targetMac().isZero()) {
                    sb.append(" (").append(arp.targetMac()).append(')');
                }
                sb.append(" tell ").append(arp.senderIp());
            }
            case ArpPacket.REPLY -> sb.append("Reply ").append(arp.senderIp()).append(" is-at ").append(arp.senderMac());
            default -> throw new NotSupportedException("tcpdump of ARP operation " + arp.operation());
        }
        sb.append(", length ").append(arp.length());
    }

    /**
     * {@code ip_print}: {@code IP } (not with {@code -e}), with {@code -v} the
     * header in parentheses and the rest on an indented line, then the
     * transport. TCP and UDP print their own addresses with ports.
     */
    private void ip(StringBuilder sb, Ipv4Packet p) {
        if (!linkLevel) {
            sb.append("IP ");
        }
        if (verbose) {
            sb.append(String.format(Locale.ROOT, "(tos 0x%x, ttl %d, id %d, offset 0, flags [%s], proto %s, length %d)",
                    p.tos(), p.ttl(), p.id(), p.dontFragment() ? "DF" : "none", protoName(p.protocol()),
                    p.length()));
            sb.append("\n    ");
        }
        Ipv4Payload payload = p.payload();
        if (payload instanceof TcpSegment tcp) {
            tcp(sb, p, tcp);
        } else if (payload instanceof UdpDatagram udp) {
            udp(sb, p, udp);
        } else {
            sb.append(p.source()).append(" > ").append(p.destination()).append(": ");
            if (payload instanceof IcmpEcho echo) {
                sb.append("ICMP echo ").append(echo.reply() ? "reply" : "request").append(", id ")
                        .append(echo.identifier()).append(", seq ").append(echo.sequence())
                        .append(", length ").append(echo.length());
            } else if (payload instanceof IcmpUnreachable unreach) {
                sb.append("ICMP ").append(unreachText(unreach)).append(", length ").append(unreach.length());
                if (verbose) {
                    // print-icmp.c: with -v the quoted datagram follows on its own line
                    sb.append("\n\t");
                    ip(sb, unreach.original());
                }
            } else if (payload instanceof IpInIp ipip) {
                ip(sb, ipip.inner());
                if (!verbose) {
                    sb.append(" (ipip-proto-4)");
                }
            } else {
                throw new NotSupportedException("tcpdump of IP protocol " + p.protocol());
            }
        }
    }

    private static String protoName(int protocol) {
        return switch (protocol) {
            case 1 -> "ICMP (1)";
            case 4 -> "IPIP (4)";
            case 6 -> "TCP (6)";
            case 17 -> "UDP (17)";
            default -> "unknown (" + protocol + ")";
        };
    }

    /** {@code unreach2str} and the special cases of {@code icmp_print} for type 3. */
    private static String unreachText(IcmpUnreachable u) {
        Ipv4Packet orig = u.original();
        String dst = orig.destination().toString();
        return switch (u.code()) {
            case 0 -> "net " + dst + " unreachable";
            case 1 -> "host " + dst + " unreachable";
            case 2 -> dst + " protocol " + orig.protocol() + " unreachable";
            case 3 -> {
                if (orig.payload() instanceof TcpSegment t) {
                    yield dst + " tcp port " + t.destinationPort() + " unreachable";
                } else if (orig.payload() instanceof UdpDatagram d) {
                    yield dst + " udp port " + d.destinationPort() + " unreachable";
                }
                yield dst + " protocol " + orig.protocol() + " port unreachable";
            }
            case 4 -> dst + " unreachable - need to frag";
            case 5 -> dst + " unreachable - source route failed";
            case 6 -> "net " + dst + " unreachable - unknown";
            case 7 -> "host " + dst + " unreachable - unknown";
            case 8 -> dst + " unreachable - source host isolated";
            case 9 -> "net " + dst + " unreachable - admin prohibited";
            case 10 -> "host " + dst + " unreachable - admin prohibited";
            case 11 -> "net " + dst + " unreachable - tos prohibited";
            case 12 -> "host " + dst + " unreachable - tos prohibited";
            case 13 -> "host " + dst + " unreachable - admin prohibited filter";
            case 14 -> "host " + dst + " unreachable - host precedence violation";
            case 15 -> "host " + dst + " unreachable - precedence cutoff";
            default -> dst + " unreachable - #" + u.code();
        };
    }

    /** {@code udp_print} for ports without a decoder. */
    private void udp(StringBuilder sb, Ipv4Packet p, UdpDatagram udp) {
        if (DECODED_UDP_PORTS.contains(udp.sourcePort()) || DECODED_UDP_PORTS.contains(udp.destinationPort())) {
            throw new NotSupportedException("tcpdump decoding of UDP port " + udp.destinationPort());
        }
        sb.append(p.source()).append('.').append(udp.sourcePort()).append(" > ")
                .append(p.destination()).append('.').append(udp.destinationPort()).append(": UDP, length ")
                .append(udp.data().length());
    }

    /**
     * {@code tcp_print}: flags, sequence numbers (relative after the first
     * segment with ACK of a conversation), window, length, and for HTTP ports
     * the first line of the payload (every line with {@code -v}).
     */
    private void tcp(StringBuilder sb, Ipv4Packet p, TcpSegment t) {
        int sport = t.sourcePort();
        int dport = t.destinationPort();
        sb.append(p.source()).append('.').append(sport).append(" > ")
                .append(p.destination()).append('.').append(dport).append(": ");
        sb.append("Flags [").append(tcpFlags(t.flags())).append(']');
        long seq = t.sequence() & 0xffff_ffffL;
        long ack = t.acknowledgment() & 0xffff_ffffL;
        if (t.has(TcpSegment.ACK)) {
            boolean rev = sport > dport
                    || (sport == dport && Integer.compareUnsigned(p.source().bits(), p.destination().bits()) > 0);
            TcpConversation key = rev
                    ? new TcpConversation(p.destination(), p.source(), dport, sport)
                    : new TcpConversation(p.source(), p.destination(), sport, dport);
            long[] th = tcpSeqHash.get(key);
            if (th == null || t.has(TcpSegment.SYN)) {
                // a new conversation: th[0] = seq of the lower side, th[1] = its ack base
                long[] fresh = rev ? new long[] {(ack - 1) & 0xffff_ffffL, seq} : new long[] {seq, (ack - 1) & 0xffff_ffffL};
                tcpSeqHash.put(key, fresh);
            } else if (rev) {
                seq = (seq - th[1]) & 0xffff_ffffL;
                ack = (ack - th[0]) & 0xffff_ffffL;
            } else {
                seq = (seq - th[0]) & 0xffff_ffffL;
                ack = (ack - th[1]) & 0xffff_ffffL;
            }
        }
        byte[] segment = t.toBytes(p.source(), p.destination());
        if (verbose) {
            int cksum = ((segment[16] & 0xff) << 8) | (segment[17] & 0xff);
            sb.append(String.format(Locale.ROOT, ", cksum 0x%04x (correct)", cksum));
        }
        int length = t.data().length();
        if (length > 0 || t.has(TcpSegment.SYN) || t.has(TcpSegment.FIN) || t.has(TcpSegment.RST)) {
            sb.append(", seq ").append(seq);
            if (length > 0) {
                sb.append(':').append((seq + length) & 0xffff_ffffL);
            }
        }
        if (t.has(TcpSegment.ACK)) {
            sb.append(", ack ").append(ack);
        }
        sb.append(", win ").append(t.window());
        if (t.options().length() > 0) {
            sb.append(", options [").append(tcpOptions(t.options().toBytes())).append(']');
        }
        sb.append(", length ").append(length);
        if (length == 0) {
            return;
        }
        if (HTTP_PORTS.contains(sport) || HTTP_PORTS.contains(dport)) {
            sb.append(": ");
            http(sb, t.data().getBytes(StandardCharsets.ISO_8859_1));
        } else if (DECODED_TCP_PORTS.contains(sport) || DECODED_TCP_PORTS.contains(dport)) {
            throw new NotSupportedException("tcpdump decoding of TCP port " + dport);
        }
    }

    /**
     * The options as {@code tcp_print} lists them, in wire order:
     * {@code mss 1460,sackOK,TS val 817069005 ecr 0,nop,wscale 10}.
     */
    private static String tcpOptions(byte[] b) {
        StringBuilder o = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int kind = b[i] & 0xff;
            if (o.length() > 0) {
                o.append(',');
            }
            if (kind == 1) {
                o.append("nop");
                i++;
                continue;
            }
            if (kind == 0) {
                o.append("eol");
                break;
            }
            int len = i + 1 < b.length ? b[i + 1] & 0xff : 2;
            switch (kind) {
                case 2 -> o.append("mss ").append(((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff));
                case 3 -> o.append("wscale ").append(b[i + 2] & 0xff);
                case 4 -> o.append("sackOK");
                case 8 -> o.append("TS val ").append(uint32(b, i + 2)).append(" ecr ").append(uint32(b, i + 6));
                default -> o.append("unknown-").append(kind);
            }
            i += Math.max(len, 2);
        }
        return o.toString();
    }

    private static long uint32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** {@code tcp_flag_values} printed by {@code bittok2str_nosep}. */
    private static String tcpFlags(int flags) {
        StringBuilder f = new StringBuilder();
        String[] names = {"F", "S", "R", "P", ".", "U", "E", "W"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) {
                f.append(names[i]);
            }
        }
        return f.length() == 0 ? "none" : f.toString();
    }

    /**
     * {@code txtproto_print} for HTTP: {@code HTTP}, then the first line if the
     * payload starts with a request method or a response code; with {@code -v}
     * the length and every line, each after a newline and a tab.
     */
    private void http(StringBuilder sb, byte[] data) {
        sb.append("HTTP");
        if (!looksLikeHttp(data)) {
            return;
        }
        if (verbose) {
            sb.append(", length: ").append(data.length);
            int idx = 0;
            while (idx < data.length) {
                int eol = printTxtLine(sb, "\n\t", data, idx);
                if (eol == 0) {
                    break;
                }
                idx = eol;
            }
        } else {
            printTxtLine(sb, ": ", data, 0);
        }
    }

    /** {@code fetch_token} on the first and, for responses, second token. */
    private static boolean looksLikeHttp(byte[] data) {
        int[] idx = {0};
        String first = fetchToken(data, idx);
        if (first == null) {
            return false;
        }
        if (HTTP_COMMANDS.contains(first.toUpperCase(Locale.ROOT))) {
            return true;
        }
        String second = fetchToken(data, idx); // RESP_CODE_SECOND_TOKEN
        return second != null && second.length() == 3 && second.chars().allMatch(Character::isDigit);
    }

    private static String fetchToken(byte[] data, int[] at) {
        int idx = at[0];
        StringBuilder token = new StringBuilder();
        for (; idx < data.length; idx++) {
            int c = data[idx] & 0xff;
            if (c >= 0x80) {
                return null;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            if (c < 0x20 || c > 0x7e) {
                return null;
            }
            if (token.length() + 2 > 128) {
                return null;
            }
            token.append((char) c);
        }
        if (token.length() == 0) {
            return null;
        }
        for (; idx < data.length; idx++) {
            int c = data[idx] & 0xff;
            if (c == '\r' || c == '\n' || c < 0x20 || c > 0x7e || (c != ' ' && c != '\t')) {
                break;
            }
        }
        at[0] = idx;
        return token.toString();
    }

    /** {@code print_txt_line}: one line ended by LF or CR-LF; 0 at binary data or a missing line end. */
    private static int printTxtLine(StringBuilder sb, String prefix, byte[] data, int start) {
        int idx = start;
        while (idx < data.length) {
            int c = data[idx] & 0xff;
            if (c == '\n') {
                sb.append(prefix).append(new String(data, start, idx - start, StandardCharsets.ISO_8859_1));
                return idx + 1;
            } else if (c == '\r') {
                if (idx + 1 >= data.length || data[idx + 1] != '\n') {
                    return 0;
                }
                sb.append(prefix).append(new String(data, start, idx - start, StandardCharsets.ISO_8859_1));
                return idx + 2;
            } else if ((c < 0x20 || c > 0x7e) && c != '\t') {
                return 0;
            }
            idx++;
        }
        // no line end in this packet: print what there is and mark it truncated
        sb.append(prefix).append(new String(data, start, idx - start, StandardCharsets.ISO_8859_1)).append(" [|http]");
        return 0;
    }

    private record TcpConversation(Ipv4Address src, Ipv4Address dst, int sport, int dport) {
    }
}
