package dev.lvsunit.tools.iputils;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.socket.PingSocket;
import dev.lvsunit.tools.libc.Getopt;
import dev.lvsunit.tools.libc.InetAton;
import dev.lvsunit.tools.libc.Strerror;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ping} of iputils 20221126 ({@code ping/ping.c}, {@code ping_common.c})
 * for IPv4, on the world's virtual clock.
 *
 * <p>Timing follows {@code main_loop}, {@code pinger} and
 * {@code __schedule_exit}:
 * <ol>
 * <li>a request goes out at once, then one every interval ({@code -i}, 1 s);</li>
 * <li>ping stops when replies plus errors reach the count ({@code -c}), at the
 * deadline ({@code -w}, which also makes it send past the count until enough
 * replies came), at the first error with a deadline, or when the exit timer
 * set after the last request fires: twice the longest round trip but at least
 * one interval if a reply has been seen, else the linger time ({@code -W},
 * 10 s);</li>
 * <li>the {@code time} of the statistics runs from the start to the last
 * request sent, so {@code ping -c 1} reports {@code time 0ms}.</li>
 * </ol>
 * Kernel timers and frames due at the instant a request is due run first.
 */
final class Ping {

    private static final String PROG = "ping";
    private static final String OPTSTRING = "h?4bRT:6F:N:aABc:CdDe:fHi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:";
    /** {@code MAXWAIT}: the default linger time in seconds. */
    private static final int MAXWAIT = 10;
    /** {@code sizeof(struct timeval)}: smaller payloads carry no timestamp. */
    private static final int TIMEVAL_SIZE = 16;

    private final CommandContext ctx;
    private final Host host;
    private final World world;

    private long npackets;
    private int interval = 1000;
    private long deadline;
    private int lingertime = MAXWAIT * 1000;
    private boolean quiet;
    private boolean numeric;
    private boolean broadcastPings;
    private int datalen = 56;
    private String device;
    private Ipv4Address source = Ipv4Address.ANY;
    private boolean strictSource;

    private String hostname;
    private Ipv4Address whereto;
    private NetDevice boundDevice;
    private PingSocket socket;

    private long ntransmitted;
    private long nreceived;
    private long nrepeats;
    private long nerrors;
    private long tmin = Long.MAX_VALUE;
    private long tmax;
    private long tsum;
    private double tsum2;
    private int pipesize = -1;
    private final BitSet rcvd = new BitSet(0x10000);
    private final Map<Integer, Long> sentAt = new HashMap<>();
    private long startTime;
    private long curTime;

    Ping(CommandContext ctx) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.world = ctx.world();
    }

    static int run(CommandContext ctx, List<String> args) {
        return ToolExit.run(() -> new Ping(ctx).main(args));
    }

    private int main(List<String> args) {
        Getopt g = Getopt.getopt(ctx, PROG, args, OPTSTRING);
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            String arg = o.argument();
            switch (o.val()) {
                case 'c' -> npackets = Libc.strtolOrErr(ctx, PROG, arg, "invalid argument", 1, Long.MAX_VALUE);
                case 'i' -> {
                    double v = Libc.pingStrtod(ctx, PROG, arg, "bad timing interval");
                    if (v > Integer.MAX_VALUE / 1000) {
                        ctx.err().println("ping: bad timing interval: " + arg);
                        throw new ToolExit(2);
                    }
                    interval = (int) (v * 1000);
                    if (interval <= 0) {
                        throw new NotSupportedException("ping -i " + arg + " (flood timing)");
                    }
                }
                case 'I' -> {
                    Ipv4Address a = InetAton.inetAtonExact(arg).orElse(null);
                    if (a != null && arg.matches("[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+")) {
                        source = a;
                        strictSource = true;
                    } else {
                        device = arg;
                    }
                }
                case 'w' -> deadline = Libc.strtolOrErr(ctx, PROG, arg, "invalid argument", 0, Integer.MAX_VALUE);
                case 'W' -> {
                    double v = Libc.pingStrtod(ctx, PROG, arg, "bad linger time");
                    if (v < 0 || v > Integer.MAX_VALUE / 1000) {
                        ctx.err().println("ping: bad linger time: " + arg);
                        throw new ToolExit(2);
                    }
                    lingertime = (int) (v * 1000);
                }
                case 's' -> {
                    long n = Libc.strtolOrErr(ctx, PROG, arg, "invalid argument", 0, Integer.MAX_VALUE);
                    if (n > 1472) {
                        throw new NotSupportedException("ping -s " + arg + " (fragmentation)");
                    }
                    datalen = (int) n;
                }
                case 'q' -> quiet = true;
                case 'n' -> numeric = true;
                case 'b' -> broadcastPings = true;
                case '4' -> { }
                case 'h', '?' -> {
                    Usage.ping(ctx);
                    throw new ToolExit(2);
                }
                default -> throw new NotSupportedException("ping -" + (char) o.val());
            }
        }
        List<String> operands = g.operands();
        if (operands.isEmpty()) {
            ctx.err().println("ping: usage error: Destination address required");
            return 1;
        }
        if (operands.size() > 1) {
            throw new NotSupportedException("ping with several destinations (source routing)");
        }
        hostname = operands.get(0);
        whereto = InetAton.inetAtonExact(hostname).orElse(null);
        if (whereto != null) {
            numeric = true; // a numeric destination is never looked up, nor are the replies
        } else {
            whereto = Libc.resolve(hostname);
            if (whereto == null) {
                ctx.err().println("ping: " + hostname + ": Temporary failure in name resolution");
                return 2;
            }
        }
        setup();
        return mainLoop();
    }

    /** {@code ping4_run}: device, source address and the route, as the UDP probe socket finds them. */
    private void setup() {
        if (device != null) {
            boundDevice = host.device(device).orElse(null);
            if (boundDevice == null) {
                ctx.err().println("ping: SO_BINDTODEVICE " + device + ": No such device");
                throw new ToolExit(2);
            }
        }
        if (strictSource) {
            if (!host.devinet().isLocalAddress(source)) {
                ctx.err().println("ping: bind: Cannot assign requested address");
                throw new ToolExit(2);
            }
        } else {
            FibResult res;
            try {
                res = host.route().output(whereto, Ipv4Address.ANY, boundDevice);
            } catch (KernelException e) {
                if (e.errno() == Errno.EACCES && !broadcastPings) {
                    ctx.err().println("ping: Do you want to ping broadcast? Then -b. "
                            + "If not, check your local firewall rules");
                } else {
                    ctx.err().println("ping: connect: " + Strerror.of(e.errno()));
                }
                throw new ToolExit(2);
            }
            if (res.type() == RouteType.BROADCAST || whereto.isLimitedBroadcast()) {
                if (!broadcastPings) {
                    // connect() of the UDP probe without SO_BROADCAST: EACCES
                    ctx.err().println("ping: Do you want to ping broadcast? Then -b. "
                            + "If not, check your local firewall rules");
                    throw new ToolExit(2);
                }
                ctx.err().println("WARNING: pinging broadcast address");
            }
            source = res.source();
            if (source.isAny()) {
                throw new NotSupportedException("ping from an interface without an IPv4 address");
            }
            if (boundDevice != null && !ownsAddress(boundDevice, source)) {
                ctx.err().println("ping: Warning: source address might be selected on device other than: " + device);
            }
        }
        StringBuilder header = new StringBuilder("PING ").append(hostname).append(" (").append(whereto).append(") ");
        if (device != null || strictSource) {
            header.append("from ").append(source).append(' ').append(device != null ? device : "").append(": ");
        }
        header.append(datalen).append('(').append(datalen + 28).append(") bytes of data.");
        ctx.out().println(header.toString());
    }

    private static boolean ownsAddress(NetDevice dev, Ipv4Address a) {
        for (IfAddr ifa : dev.inDevice().addresses()) {
            if (ifa.local().equals(a)) {
                return true;
            }
        }
        return false;
    }

    private boolean timing() {
        return datalen >= TIMEVAL_SIZE;
    }

    private int mainLoop() {
        socket = host.icmp().openSocket();
        try {
            startTime = world.now();
            long nextSend = startTime;
            long exitAt = deadline > 0 ? startTime + deadline * 1_000_000_000L : Long.MAX_VALUE;
            boolean exitScheduled = false;
            while (true) {
                if (npackets > 0 && nreceived + nerrors >= npackets) {
                    break;
                }
                if (deadline > 0 && nerrors > 0) {
                    break;
                }
                if (world.now() >= exitAt) {
                    break; // SIGALRM: at the same instant as a due request, the alarm wins
                }
                boolean sentEnough = npackets > 0 && ntransmitted >= npackets && deadline == 0;
                if (!sentEnough && world.now() >= nextSend) {
                    send();
                    nextSend = world.now() + interval * 1_000_000L;
                    continue;
                }
                if (sentEnough && !exitScheduled) {
                    exitScheduled = true;
                    long waittimeUs;
                    if (nreceived > 0) {
                        waittimeUs = Math.max(2 * tmax, 1000L * interval);
                    } else {
                        waittimeUs = lingertime * 1000L;
                    }
                    if (waittimeUs > 0) { // setitimer with zero disarms
                        exitAt = Math.min(exitAt, world.now() + waittimeUs * 1000L);
                    }
                }
                long wake = Math.min(exitAt, sentEnough ? Long.MAX_VALUE : nextSend);
                long next = Math.min(world.events().nextEventTime(), wake);
                if (next == Long.MAX_VALUE) {
                    throw new NotSupportedException("ping would wait forever");
                }
                world.runUntil(next);
                for (PingSocket.Event ev : socket.drain()) {
                    if (ev instanceof PingSocket.EchoReply r) {
                        reply(r);
                    } else {
                        error((PingSocket.Error) ev);
                    }
                }
            }
        } finally {
            socket.close();
        }
        return finish();
    }

    /** {@code pinger} → {@code ping4_send_probe}: sequence numbers from 1; a failed send still counts. */
    private void send() {
        int seq = (int) ((ntransmitted + 1) & 0xffff);
        long now = world.now();
        sentAt.put(seq, now);
        rcvd.clear(seq);
        try {
            socket.send(whereto, strictSource ? source : Ipv4Address.ANY, boundDevice, seq, datalen);
        } catch (KernelException e) {
            // the kernel refused the datagram (no route): ping counts it and says nothing
        }
        ntransmitted++;
        curTime = now;
    }

    /** {@code acknowledge}: the pipe is the most requests ever outstanding. */
    private void acknowledge(int seq) {
        int diff = (int) ((ntransmitted - seq) & 0xffff);
        if (diff <= 0x7fff && diff + 1 > pipesize) {
            pipesize = diff + 1;
        }
    }

    /** {@code gather_statistics}. */
    private void reply(PingSocket.EchoReply r) {
        int seq = r.sequence();
        nreceived++;
        acknowledge(seq);
        long triptime = 0;
        Long sent = sentAt.get(seq);
        if (timing() && sent != null) {
            triptime = r.timeNanos() / 1000 - sent / 1000;
            tsum += triptime;
            tsum2 += (double) (triptime * triptime);
            tmin = Math.min(tmin, triptime);
            tmax = Math.max(tmax, triptime);
        }
        boolean dup = rcvd.get(seq);
        if (dup) {
            nrepeats++;
            nreceived--;
        } else {
            rcvd.set(seq);
        }
        if (quiet) {
            return;
        }
        StringBuilder line = new StringBuilder();
        line.append(8 + r.dataLength()).append(" bytes from ").append(prAddr(r.from())).append(": icmp_seq=")
                .append(seq).append(" ttl=").append(r.ttl());
        if (timing()) {
            line.append(" time=").append(formatTrip(triptime)).append(" ms");
        }
        if (dup) {
            line.append(" (DUP!)");
        }
        ctx.out().println(line.toString());
    }

    /** iputils' precision: three decimals below 1 ms, two below 10, one below 100, none above. */
    static String formatTrip(long t) {
        if (t >= 100000 - 50) {
            return String.valueOf((t + 500) / 1000);
        } else if (t >= 10000 - 5) {
            return (t + 50) / 1000 + "." + ((t + 50) % 1000) / 100;
        } else if (t >= 1000) {
            return String.format("%d.%02d", (t + 5) / 1000, ((t + 5) % 1000) / 10);
        }
        return String.format("%d.%03d", t / 1000, t % 1000);
    }

    /** {@code ping4_receive_error_msg} for an ICMP error quoting one of our requests. */
    private void error(PingSocket.Error e) {
        acknowledge(e.sequence());
        nerrors++;
        if (quiet) {
            return;
        }
        ctx.out().println("From " + prAddr(e.from()) + " icmp_seq=" + e.sequence() + " " + icmpText(e.type(), e.code()));
    }

    /** {@code pr_icmph} for the messages lvsunit's kernel sends. */
    private static String icmpText(int type, int code) {
        if (type != 3) {
            throw new NotSupportedException("ping of ICMP type " + type);
        }
        return switch (code) {
            case 0 -> "Destination Net Unreachable";
            case 1 -> "Destination Host Unreachable";
            case 2 -> "Destination Protocol Unreachable";
            case 3 -> "Destination Port Unreachable";
            case 5 -> "Source Route Failed";
            case 6 -> "Destination Net Unknown";
            case 7 -> "Destination Host Unknown";
            case 8 -> "Source Host Isolated";
            case 9 -> "Destination Net Prohibited";
            case 10 -> "Destination Host Prohibited";
            case 11 -> "Destination Net Unreachable for Type of Service";
            case 12 -> "Destination Host Unreachable for Type of Service";
            case 13 -> "Packet filtered";
            case 14 -> "Precedence Violation";
            case 15 -> "Precedence Cutoff";
            default -> "Dest Unreachable, Bad Code: " + code;
        };
    }

    /** {@code pr_addr}: the address, or {@code NAME (ADDRESS)} when a name was given and it resolves back. */
    private String prAddr(Ipv4Address a) {
        if (!numeric && a.equals(Ipv4Address.of(127, 0, 0, 1))) {
            return "localhost (" + a + ")";
        }
        return a.toString();
    }

    /** {@code finish}: the statistics; exit 1 without a reply or short of the count at a deadline. */
    private int finish() {
        long tvNanos = curTime - startTime;
        ctx.out().println();
        ctx.out().println("--- " + hostname + " ping statistics ---");
        StringBuilder s = new StringBuilder();
        s.append(ntransmitted).append(" packets transmitted, ").append(nreceived).append(" received");
        if (nrepeats > 0) {
            s.append(", +").append(nrepeats).append(" duplicates");
        }
        if (nerrors > 0) {
            s.append(", +").append(nerrors).append(" errors");
        }
        if (ntransmitted > 0) {
            s.append(", ").append(Libc.percent((ntransmitted - nreceived) * 100.0 / ntransmitted))
                    .append("% packet loss, time ")
                    .append(tvNanos / 1_000_000_000L * 1000 + (tvNanos % 1_000_000_000L + 500_000) / 1_000_000)
                    .append("ms");
        }
        ctx.out().println(s.toString());
        StringBuilder last = new StringBuilder();
        String comma = "";
        if (nreceived > 0 && timing()) {
            long total = nreceived + nrepeats;
            long tmavg = tsum / total;
            long tmvar;
            if (tsum < Integer.MAX_VALUE) {
                tmvar = (long) ((tsum2 - (double) ((tsum * tsum) / total)) / total);
            } else {
                tmvar = (long) (tsum2 / total) - tmavg * tmavg;
            }
            long tmdev = llsqrt(tmvar);
            last.append(String.format("rtt min/avg/max/mdev = %d.%03d/%d.%03d/%d.%03d/%d.%03d ms",
                    tmin / 1000, tmin % 1000, tmavg / 1000, tmavg % 1000, tmax / 1000, tmax % 1000,
                    tmdev / 1000, tmdev % 1000));
            comma = ", ";
        }
        if (pipesize > 1) {
            last.append(comma).append("pipe ").append(pipesize);
        }
        ctx.out().println(last.toString());
        return nreceived == 0 || (deadline > 0 && nreceived < npackets) ? 1 : 0;
    }

    /** iputils' integer square root (Newton's method). */
    static long llsqrt(long a) {
        long prev = Long.MAX_VALUE;
        long x = a;
        if (x > 0) {
            while (x < prev) {
                prev = x;
                x = (x + (a / x)) / 2;
            }
        }
        return x;
    }
}
