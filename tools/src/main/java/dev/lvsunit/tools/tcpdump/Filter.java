package dev.lvsunit.tools.tcpdump;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.Ipv4Packet;
import dev.lvsunit.engine.packet.TcpSegment;
import dev.lvsunit.engine.packet.UdpDatagram;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A compiled tcpdump filter expression: the part of libpcap's grammar
 * ({@code grammar.y}, {@code gencode.c}) that frames on an lvsunit segment can
 * answer.
 *
 * <p>Supported primitives: {@code arp}, {@code rarp}, {@code ip}, {@code ip6},
 * {@code icmp}, {@code tcp}, {@code udp}; {@code [ip|arp] [src|dst|src or dst|src
 * and dst] [host] ADDR}; {@code net A.B.C.D/N}, {@code net A.B.C} and {@code net
 * ADDR mask MASK}; {@code [tcp|udp] [src|dst] port N}; {@code ether
 * [src|dst|host] MAC}; {@code [ether] broadcast|multicast}; {@code less N},
 * {@code greater N}; joined by {@code and}/{@code &&}, {@code or}/{@code ||},
 * {@code not}/{@code !} and parentheses. As in libpcap {@code and} and
 * {@code or} have the same precedence and group from the left, and a bare
 * value after {@code and}/{@code or} takes the qualifiers of the primitive
 * before it ({@code host A or B}).
 */
final class Filter {

    /** Everything matches: the empty expression. */
    static final Predicate<EthernetFrame> ALL = f -> true;

    private enum Proto { DEFAULT, ETHER, IP, ARP, RARP, TCP, UDP, ICMP }

    private enum Dir { DEFAULT, SRC, DST, SRC_OR_DST, SRC_AND_DST }

    private enum Addr { DEFAULT, HOST, NET, PORT }

    /** Qualifiers of a primitive, as libpcap's {@code struct qual}. */
    private record Qual(Proto proto, Dir dir, Addr addr) {
    }

    /** {@code qerr}: what a primitive without address qualifiers leaves for a following bare value. */
    private static final Qual QERR = new Qual(null, null, null);

    private record Result(Predicate<EthernetFrame> pred, Qual qual) {
    }

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "host", "net", "port", "src",
            "dst", "ether", "ip", "arp", "rarp", "tcp", "udp", "icmp", "broadcast", "multicast", "less",
            "greater", "mask", "ip6", "gateway", "proto", "portrange", "vlan", "mpls", "icmp6", "igmp", "igrp",
            "pim", "vrrp", "carp", "sctp", "link", "fddi", "tr", "wlan", "decnet", "atalk", "aarp", "iso",
            "esis", "isis", "clnp", "stp", "ipx", "netbeui", "inbound", "outbound", "len", "protochain",
            "pppoed", "pppoes", "geneve", "ah", "esp", "lat", "sca", "moprc", "mopdl", "radio", "slip");

    private static final Set<String> SUPPORTED = Set.of("and", "or", "not", "host", "net", "port", "src",
            "dst", "ether", "ip", "arp", "rarp", "tcp", "udp", "icmp", "broadcast", "multicast", "less",
            "greater", "mask", "ip6");

    /** The services tcpdump's {@code getservbyname} finds in {@code /etc/services}, for the names a spec may use. */
    private static final Map<String, Integer> SERVICES = Map.of("http", 80, "www", 80, "https", 443,
            "ssh", 22, "domain", 53, "ftp", 21, "telnet", 23, "smtp", 25);

    private static final Pattern HID = Pattern.compile("[0-9]+(\\.[0-9]+){1,3}");
    private static final Pattern NUM = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]+");
    private static final Pattern MAC = Pattern.compile(
            "[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}|[0-9a-fA-F]{1,2}(-[0-9a-fA-F]{1,2}){5}"
                    + "|[0-9a-fA-F]{1,2}(\\.[0-9a-fA-F]{1,2}){5}|[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}");

    private final List<String> tokens;
    private int pos;

    private Filter(List<String> tokens) {
        this.tokens = tokens;
    }

    /**
     * Compiles a filter expression.
     *
     * @param expression the words of the expression joined by spaces
     * @return the predicate, {@link #ALL} for an empty expression
     * @throws FilterException with libpcap's message for a bad expression
     * @throws NotSupportedException for valid syntax lvsunit does not model
     */
    static Predicate<EthernetFrame> compile(String expression) throws FilterException {
        List<String> tokens = tokenize(expression);
        if (tokens.isEmpty()) {
            return ALL;
        }
        Filter parser = new Filter(tokens);
        Result r = parser.expr(null);
        if (parser.pos != tokens.size()) {
            throw new FilterException(FilterException.CANT_PARSE);
        }
        return r.pred();
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '!') {
                out.add(String.valueOf(c));
                i++;
            } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
                out.add(s.substring(i, i + 2));
                i += 2;
            } else if ("[]<>=+*&|^%".indexOf(c) >= 0) {
                throw new NotSupportedException("tcpdump filter arithmetic: " + s);
            } else if (c == '-') {
                // the lexer's minus operator: outside arithmetic it cannot parse ("port -1")
                out.add("-");
                i++;
            } else {
                int j = i;
                while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "()!&|[]<>=+*^%".indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    private String peek(int ahead) {
        return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : null;
    }

    private String next() throws FilterException {
        if (pos >= tokens.size()) {
            throw new FilterException(FilterException.CANT_PARSE);
        }
        return tokens.get(pos++);
    }

    private static boolean isAnd(String t) {
        return "and".equals(t) || "&&".equals(t);
    }

    private static boolean isOr(String t) {
        return "or".equals(t) || "||".equals(t);
    }

    private static boolean isNot(String t) {
        return "not".equals(t) || "!".equals(t);
    }

    private static boolean isValue(String t) {
        return t != null && !KEYWORDS.contains(t) && !t.equals("(") && !t.equals(")") && !t.equals("!")
                && !t.equals("&&") && !t.equals("||") && !t.equals("-");
    }

    /** {@code expr}: terms joined by and/or, left to right with equal precedence. */
    private Result expr(Qual inherited) throws FilterException {
        Result left = inherited == null ? term() : operand(inherited);
        while (true) {
            String t = peek(0);
            boolean and = isAnd(t);
            if (!and && !isOr(t)) {
                return left;
            }
            pos++;
            Result right = operand(left.qual());
            Predicate<EthernetFrame> l = left.pred();
            Predicate<EthernetFrame> r = right.pred();
            left = new Result(and ? l.and(r) : l.or(r), right.qual());
        }
    }

    /** What may follow and/or: a term, or a bare value ({@code nid}) with the qualifiers before it. */
    private Result operand(Qual inherited) throws FilterException {
        String t = peek(0);
        if (isNot(t)) {
            pos++;
            Result r = operand(inherited);
            return new Result(r.pred().negate(), r.qual());
        }
        if ("(".equals(t)) {
            pos++;
            Result r = expr(inherited);
            expect(")");
            return new Result(r.pred(), QERR);
        }
        if (isValue(t)) {
            if (inherited == QERR) {
                throw new FilterException("syntax error in filter expression");
            }
            pos++;
            return new Result(primitive(inherited, t), inherited);
        }
        return term();
    }

    private void expect(String token) throws FilterException {
        if (!token.equals(peek(0))) {
            throw new FilterException(FilterException.CANT_PARSE);
        }
        pos++;
    }

    /** {@code term}: {@code not term}, a parenthesised expression, or a primitive. */
    private Result term() throws FilterException {
        String t = next();
        if (isNot(t)) {
            Result r = term();
            return new Result(r.pred().negate(), r.qual());
        }
        if ("(".equals(t)) {
            Result r = expr(null);
            expect(")");
            return new Result(r.pred(), QERR);
        }
        switch (t) {
            case "less", "greater" -> {
                String n = next();
                if (!NUM.matcher(n).matches()) {
                    throw new FilterException(FilterException.CANT_PARSE);
                }
                long limit = parseNum(n);
                Predicate<EthernetFrame> p = t.equals("less") ? f -> f.length() <= limit : f -> f.length() >= limit;
                return new Result(p, QERR);
            }
            case "broadcast" -> {
                return new Result(f -> f.destination().isBroadcast(), QERR);
            }
            case "multicast" -> {
                return new Result(f -> f.destination().isMulticast(), QERR);
            }
            default -> {
                pos--;
                return qualified();
            }
        }
    }

    /** {@code head id}, a protocol alone ({@code pname}), or {@code ether broadcast}. */
    private Result qualified() throws FilterException {
        Proto proto = Proto.DEFAULT;
        String t = peek(0);
        Proto named = protoOf(t);
        if (named != null) {
            proto = named;
            pos++;
            t = peek(0);
        } else if ("ip6".equals(t)) {
            pos++;
            return new Result(f -> false, QERR); // IPv6 is disabled on every host
        } else if (unsupported(t)) {
            throw new NotSupportedException("tcpdump filter keyword " + t);
        }
        if (proto != Proto.DEFAULT && ("broadcast".equals(t) || "multicast".equals(t))) {
            if (proto != Proto.ETHER) {
                throw new NotSupportedException("tcpdump filter " + proto.name().toLowerCase() + " " + t);
            }
            pos++;
            boolean broadcast = t.equals("broadcast");
            return new Result(f -> broadcast ? f.destination().isBroadcast() : f.destination().isMulticast(), QERR);
        }
        Dir dir = Dir.DEFAULT;
        if (dirOf(t) != null) {
            dir = dirOf(t);
            pos++;
            String conj = peek(0);
            String other = peek(1);
            if ((isOr(conj) || isAnd(conj)) && other != null && dirOf(other) != null && dirOf(other) != dir) {
                dir = isOr(conj) ? Dir.SRC_OR_DST : Dir.SRC_AND_DST;
                pos += 2;
            }
            t = peek(0);
        }
        Addr addr = Addr.DEFAULT;
        if (addrOf(t) != null) {
            addr = addrOf(t);
            pos++;
            t = peek(0);
        } else if (unsupported(t)) {
            throw new NotSupportedException("tcpdump filter keyword " + t);
        }
        if (dir == Dir.DEFAULT && addr == Addr.DEFAULT) {
            if (proto == Proto.DEFAULT) {
                throw new FilterException(FilterException.CANT_PARSE);
            }
            if (isValue(t)) {
                // "ip 10.0.0.1", "ether 02:..": a protocol qualifier alone is no head
                throw new FilterException(FilterException.CANT_PARSE);
            }
            if (proto == Proto.ETHER) {
                throw new NotSupportedException("tcpdump filter 'ether' alone");
            }
            return new Result(protocolPredicate(proto), QERR);
        }
        if (!isValue(t)) {
            throw new FilterException(FilterException.CANT_PARSE);
        }
        pos++;
        Qual q = new Qual(proto, dir, addr);
        if (addr == Addr.NET && "mask".equals(peek(0))) {
            pos++;
            String mask = next();
            return new Result(netWithMask(q, t, mask), q);
        }
        return new Result(primitive(q, t), q);
    }

    /** A libpcap keyword this filter does not model ({@code gateway}, {@code vlan}, ...). */
    private static boolean unsupported(String t) {
        return t != null && KEYWORDS.contains(t) && !SUPPORTED.contains(t);
    }

    private static Proto protoOf(String t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "ether" -> Proto.ETHER;
            case "ip" -> Proto.IP;
            case "arp" -> Proto.ARP;
            case "rarp" -> Proto.RARP;
            case "tcp" -> Proto.TCP;
            case "udp" -> Proto.UDP;
            case "icmp" -> Proto.ICMP;
            default -> null;
        };
    }

    private static Dir dirOf(String t) {
        if ("src".equals(t)) {
            return Dir.SRC;
        }
        return "dst".equals(t) ? Dir.DST : null;
    }

    private static Addr addrOf(String t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case "host" -> Addr.HOST;
            case "net" -> Addr.NET;
            case "port" -> Addr.PORT;
            default -> null;
        };
    }

    private static Predicate<EthernetFrame> protocolPredicate(Proto proto) {
        return switch (proto) {
            case IP -> f -> f.payload() instanceof Ipv4Packet;
            case ARP -> f -> f.payload() instanceof ArpPacket;
            case RARP -> f -> false;
            case TCP -> f -> f.payload() instanceof Ipv4Packet p && p.payload() instanceof TcpSegment;
            case UDP -> f -> f.payload() instanceof Ipv4Packet p && p.payload() instanceof UdpDatagram;
            case ICMP -> f -> f.payload() instanceof Ipv4Packet p && p.protocol() == 1;
            default -> throw new IllegalStateException(proto.name());
        };
    }

    private static String protoWord(Proto p) {
        return p.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code gen_scode} / {@code gen_ncode} / {@code gen_ecode}: one value under its qualifiers. */
    private Predicate<EthernetFrame> primitive(Qual q, String value) throws FilterException {
        if (q.addr() == Addr.PORT) {
            return port(q, value);
        }
        if (MAC.matcher(value).matches()) {
            if (q.proto() != Proto.ETHER) {
                throw new FilterException("ethernet address used in non-ether expression");
            }
            if (q.addr() == Addr.NET) {
                throw new NotSupportedException("tcpdump filter 'ether net'");
            }
            MacAddress mac = parseMac(value);
            return f -> dirMatch(q.dir(), f.source().equals(mac), f.destination().equals(mac));
        }
        if (q.proto() == Proto.ETHER) {
            if (HID.matcher(value).matches() || NUM.matcher(value).matches()) {
                throw new FilterException("illegal link layer address");
            }
            throw new FilterException("unknown ether host '" + value + "'");
        }
        if (q.proto() == Proto.TCP || q.proto() == Proto.UDP || q.proto() == Proto.ICMP) {
            throw new FilterException("'" + protoWord(q.proto()) + "' modifier applied to "
                    + (q.addr() == Addr.NET ? "net" : "host"));
        }
        int slash = value.indexOf('/');
        if (slash >= 0) {
            if (q.addr() == Addr.HOST) {
                throw new FilterException("Mask syntax for networks only");
            }
            String addrText = value.substring(0, slash);
            String lenText = value.substring(slash + 1);
            if (!HID.matcher(addrText).matches() && !NUM.matcher(addrText).matches()
                    || !lenText.matches("[0-9]+")) {
                throw new FilterException(FilterException.CANT_PARSE);
            }
            long[] a = parseDotted(addrText);
            int len = Integer.parseInt(lenText);
            if (len > 32) {
                throw new FilterException("mask length must be <= 32");
            }
            int mask = len == 0 ? 0 : -1 << (32 - len);
            if (((int) a[0] & ~mask) != 0) {
                throw new FilterException("non-network bits set in \"" + value + "\"");
            }
            return hostOrNet(q, (int) a[0], mask);
        }
        int address;
        int mask;
        if (HID.matcher(value).matches()) {
            long[] a = parseDotted(value);
            address = (int) a[0];
            mask = (int) a[1];
        } else if (NUM.matcher(value).matches()) {
            address = (int) parseNum(value);
            mask = -1;
        } else if ("localhost".equals(value) && q.addr() != Addr.NET) {
            address = Ipv4Address.of(127, 0, 0, 1).bits();
            mask = -1;
        } else {
            throw new FilterException(q.addr() == Addr.NET
                    ? "unknown network '" + value + "'" : "unknown host '" + value + "'");
        }
        if (q.addr() == Addr.NET && (address & ~mask) != 0) {
            throw new FilterException("non-network bits set in \"" + value + "\"");
        }
        return hostOrNet(q, address, mask);
    }

    /** {@code N.N.N.N} or shorter ({@code __pcap_atoin}): the address and the mask its length implies. */
    private static long[] parseDotted(String text) throws FilterException {
        if (NUM.matcher(text).matches()) {
            return new long[] {parseNum(text), -1};
        }
        String[] parts = text.split("\\.");
        long v = 0;
        for (String part : parts) {
            long n = Long.parseLong(part);
            if (n > 255) {
                throw new FilterException("invalid IPv4 address '" + text + "'");
            }
            v = (v << 8) | n;
        }
        int bits = 8 * parts.length;
        v <<= 32 - bits;
        long mask = bits == 32 ? 0xffff_ffffL : (0xffff_ffffL << (32 - bits)) & 0xffff_ffffL;
        return new long[] {v, mask};
    }

    private static long parseNum(String n) {
        if (n.startsWith("0x") || n.startsWith("0X")) {
            return Long.parseLong(n.substring(2), 16) & 0xffff_ffffL;
        }
        try {
            return Long.parseLong(n) & 0xffff_ffffL;
        } catch (NumberFormatException e) {
            return 0xffff_ffffL;
        }
    }

    private Predicate<EthernetFrame> netWithMask(Qual q, String net, String mask) throws FilterException {
        if (!HID.matcher(net).matches() || !HID.matcher(mask).matches()) {
            throw new FilterException(FilterException.CANT_PARSE);
        }
        int n = (int) parseDotted(net)[0];
        int m = (int) parseDotted(mask)[0];
        if ((n & ~m) != 0) {
            throw new FilterException("non-network bits set in \"" + net + " mask " + mask + "\"");
        }
        return hostOrNet(q, n, m);
    }

    /**
     * {@code gen_host}: the IPv4 source/destination of IP, the sender/target
     * protocol address of ARP; without a protocol qualifier both.
     */
    private static Predicate<EthernetFrame> hostOrNet(Qual q, int address, int mask) {
        Predicate<Ipv4Address> in = a -> (a.bits() & mask) == (address & mask);
        Predicate<EthernetFrame> ip = f -> f.payload() instanceof Ipv4Packet p
                && dirMatch(q.dir(), in.test(p.source()), in.test(p.destination()));
        Predicate<EthernetFrame> arp = f -> f.payload() instanceof ArpPacket a
                && dirMatch(q.dir(), in.test(a.senderIp()), in.test(a.targetIp()));
        return switch (q.proto()) {
            case IP -> ip;
            case ARP -> arp;
            case RARP -> f -> false;
            default -> ip.or(arp);
        };
    }

    /** {@code gen_port}: TCP and UDP (without a qualifier either) to or from the port. */
    private static Predicate<EthernetFrame> port(Qual q, String value) throws FilterException {
        int port;
        if (NUM.matcher(value).matches()) {
            long n = parseNum(value);
            if (n > 65535) {
                throw new FilterException("illegal port number " + n + " > 65535");
            }
            port = (int) n;
        } else if (SERVICES.containsKey(value)) {
            port = SERVICES.get(value);
        } else if (HID.matcher(value).matches()) {
            throw new FilterException("'port' modifier applied to ip host");
        } else {
            throw new FilterException("unknown port '" + value + "'");
        }
        boolean tcp = q.proto() == Proto.DEFAULT || q.proto() == Proto.TCP;
        boolean udp = q.proto() == Proto.DEFAULT || q.proto() == Proto.UDP;
        if (!tcp && !udp) {
            throw new NotSupportedException("tcpdump filter '" + protoWord(q.proto()) + " port'");
        }
        return f -> {
            if (!(f.payload() instanceof Ipv4Packet p)) {
                return false;
            }
            if (tcp && p.payload() instanceof TcpSegment t) {
                return dirMatch(q.dir(), t.sourcePort() == port, t.destinationPort() == port);
            }
            if (udp && p.payload() instanceof UdpDatagram u) {
                return dirMatch(q.dir(), u.sourcePort() == port, u.destinationPort() == port);
            }
            return false;
        };
    }

    private static boolean dirMatch(Dir dir, boolean src, boolean dst) {
        return switch (dir) {
            case SRC -> src;
            case DST -> dst;
            case SRC_AND_DST -> src && dst;
            default -> src || dst;
        };
    }

    /** {@code pcap_ether_aton}: colon, dash or dot separated octets, or three dotted groups of four digits. */
    private static MacAddress parseMac(String text) {
        String hex;
        if (text.matches("[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}\\.[0-9a-fA-F]{4}")) {
            hex = text.replace(".", "");
        } else {
            StringBuilder sb = new StringBuilder();
            for (String part : text.split("[:.-]")) {
                sb.append(part.length() == 1 ? "0" + part : part);
            }
            hex = sb.toString();
        }
        return new MacAddress(Long.parseLong(hex, 16));
    }
}
