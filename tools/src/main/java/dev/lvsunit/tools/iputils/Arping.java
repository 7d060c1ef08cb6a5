package dev.lvsunit.tools.iputils;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.FibResult;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.ArpPacket;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.socket.PacketSocket;
import dev.lvsunit.tools.libc.Getopt;
import dev.lvsunit.tools.libc.InetAton;
import dev.lvsunit.tools.libc.Strerror;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;

/**
 * {@code arping} of iputils 20221126 ({@code arping.c}): ARP probes sent and
 * read through a packet socket, never through the kernel's neighbour table.
 *
 * <p>Timing follows {@code event_loop}: the first probe at once, then one at
 * every expiry of the interval timer ({@code -i}, 1 s); at the expiry after
 * the last of {@code -c N} probes arping stops, so {@code -c N} lasts N
 * intervals. The deadline ({@code -w}) stops it too; a probe due at the same
 * instant still goes out first. It stops early on the first reply with
 * {@code -f} or {@code -D}, and with {@code -w} once {@code -c} replies came.
 *
 * <p>The first probe is broadcast with target MAC ff:ff:ff:ff:ff:ff in the ARP
 * body; after a reply arping sends to the MAC that answered (unless
 * {@code -b}). Every reply is printed, so two owners of an address give two
 * lines for one probe, and with {@code -c} the exit status is then 1
 * ({@code sent != received} in 20221126).
 */
final class Arping {

    private static final String PROG = "arping";
    private static final String OPTSTRING = "h?bfDUAqc:w:i:s:I:V";
    /** How long arping may run without -c or -w before lvsunit gives up. */
    private static final long FOREVER_NANOS = 3_600_000_000_000L;

    private final CommandContext ctx;
    private final Host host;
    private final World world;

    private boolean broadcastOnly;
    private boolean dad;
    private boolean unsolicited;
    private boolean advert;
    private boolean quiet;
    private boolean quitOnReply;
    private int count = -1;
    private long timeout;
    private long interval = 1;
    private String deviceName;
    private String source;

    private Ipv4Address gdst;
    private Ipv4Address gsrc = Ipv4Address.ANY;
    private NetDevice device;
    private MacAddress me;
    private MacAddress he = MacAddress.BROADCAST;
    private PacketSocket socket;

    private int sent;
    private int brdSent;
    private int received;
    private int brdRecv;
    private int reqRecv;
    private boolean unicasting;
    private long last;

    private Arping(CommandContext ctx) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.world = ctx.world();
    }

    static int run(CommandContext ctx, List<String> args) {
        return ToolExit.run(() -> new Arping(ctx).main(args));
    }

    private int main(List<String> args) {
        Getopt g = Getopt.getopt(ctx, PROG, args, OPTSTRING);
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            String arg = o.argument();
            switch (o.val()) {
                case 'b' -> broadcastOnly = true;
                case 'D' -> {
                    dad = true;
                    quitOnReply = true;
                }
                case 'U' -> unsolicited = true;
                case 'A' -> {
                    advert = true;
                    unsolicited = true;
                }
                case 'q' -> quiet = true;
                case 'c' -> count = (int) Libc.strtolOrErr(ctx, PROG, arg, "invalid argument", 1, Integer.MAX_VALUE);
                case 'w' -> timeout = Libc.strtolOrErr(ctx, PROG, arg, "invalid argument", 0, Integer.MAX_VALUE);
                case 'i' -> {
                    interval = Libc.strtolOrErr(ctx, PROG, arg, "invalid argument", 0, Integer.MAX_VALUE);
                    if (interval == 0) {
                        throw new NotSupportedException("arping -i 0 (a disarmed interval timer)");
                    }
                }
                case 'I' -> deviceName = arg;
                case 'f' -> quitOnReply = true;
                case 's' -> source = arg;
                case 'V' -> throw new NotSupportedException("arping -V");
                default -> {
                    Usage.arping(ctx);
                    throw new ToolExit(2);
                }
            }
        }
        List<String> operands = g.operands();
        if (operands.size() != 1) {
            Usage.arping(ctx);
            throw new ToolExit(2);
        }
        if (count < 0 && timeout == 0 && !quitOnReply) {
            throw new NotSupportedException("arping without -c or -w runs until interrupted");
        }
        String target = operands.get(0);
        gdst = Libc.resolve(target);
        if (gdst == null) {
            ctx.err().println("arping: " + target + ": Temporary failure in name resolution");
            throw new ToolExit(2);
        }
        if (deviceName != null && deviceName.isEmpty()) {
            deviceName = null;
        }
        if (deviceName == null) {
            guessDevice();
        }
        checkDevice();
        if (source != null) {
            gsrc = InetAton.inetAton(source).orElse(null); // arping.c: inet_aton(source, &src)
            if (gsrc == null) {
                ctx.err().println("arping: invalid source " + source);
                throw new ToolExit(2);
            }
        }
        if (!dad && unsolicited && source == null) {
            gsrc = gdst;
        }
        if (!dad || source != null) {
            if (source != null || !gsrc.isAny()) {
                if (!gsrc.isAny() && !host.devinet().isLocalAddress(gsrc)) {
                    ctx.err().println("arping: bind: Cannot assign requested address");
                    throw new ToolExit(2);
                }
            } else if (!dad && !unsolicited) {
                // a UDP socket bound to the device connected to the target tells the source
                try {
                    FibResult res = host.route().output(gdst, Ipv4Address.ANY, device);
                    gsrc = res.source();
                } catch (KernelException e) {
                    ctx.err().println("arping: connect: " + Strerror.of(e.errno()));
                    throw new ToolExit(2);
                }
            }
        }
        me = device.mac();
        if (!quiet) {
            ctx.out().println("ARPING " + gdst + " from " + gsrc + " " + device.name());
        }
        if (source == null && gsrc.isAny() && !dad) {
            ctx.err().println("arping: no source address in not-DAD mode");
            throw new ToolExit(2);
        }
        socket = host.openPacketSocket(device);
        try {
            eventLoop();
        } finally {
            socket.close();
        }
        return exitStatus();
    }

    /** {@code guess_device}: the output device of the route to the target ({@code RTM_GETROUTE}). */
    private void guessDevice() {
        try {
            deviceName = host.route().output(gdst, Ipv4Address.ANY, null).device().name();
        } catch (KernelException e) {
            ctx.err().println("arping: NETLINK_ROUTE unexpected iov element");
            throw new ToolExit(1);
        }
    }

    /** {@code check_device} and {@code check_ifflags}. */
    private void checkDevice() {
        device = host.device(deviceName).orElse(null);
        if (device == null) {
            ctx.err().println("arping: Device " + deviceName + " not available.");
            throw new ToolExit(2);
        }
        if (!device.isUp()) {
            if (!quiet) {
                ctx.out().println("Interface \"" + deviceName + "\" is down");
            }
            throw new ToolExit(2);
        }
        if (device.isNoArp() || device.isLoopback()) {
            if (!quiet) {
                ctx.out().println("Interface \"" + deviceName + "\" is not ARPable");
            }
            throw new ToolExit(dad ? 0 : 2);
        }
    }

    private void eventLoop() {
        long start = world.now();
        long step = interval * 1_000_000_000L;
        long nextTimer = start + step;
        long totalExpires = 1;
        long deadline = timeout > 0 ? start + timeout * 1_000_000_000L : Long.MAX_VALUE;
        sendPack();
        while (true) {
            long wake = Math.min(nextTimer, deadline);
            long t = Math.min(world.events().nextEventTime(), wake);
            if (t - start > FOREVER_NANOS) {
                throw new NotSupportedException("arping would run until interrupted");
            }
            world.runUntil(t);
            boolean exit = false;
            // poll() reports the descriptors in this order: interval timer, deadline, socket
            if (world.now() >= nextTimer) {
                nextTimer += step;
                totalExpires++;
                if (count > 0 && count < totalExpires) {
                    exit = true;
                } else {
                    sendPack();
                }
            }
            if (world.now() >= deadline) {
                exit = true;
            }
            for (PacketSocket.Received r : socket.drain()) {
                if (recvPack(r)) {
                    exit = true;
                }
                if (exit) {
                    break; // once the loop ends nothing more is read
                }
            }
            if (exit) {
                return;
            }
        }
    }

    /** {@code send_pack}: a request (a reply with {@code -A}) to {@code he}, whose MAC is also the target MAC. */
    private void sendPack() {
        ArpPacket arp = new ArpPacket(advert ? ArpPacket.REPLY : ArpPacket.REQUEST, me, gsrc,
                advert ? me : he, gdst);
        socket.send(new EthernetFrame(he, me, arp));
        last = world.now();
        sent++;
        if (!unicasting) {
            brdSent++;
        }
    }

    /** {@code recv_pack}: filter, print, count; true for the reply that ends arping. */
    private boolean recvPack(PacketSocket.Received r) {
        PacketType type = r.type();
        if (type != PacketType.HOST && type != PacketType.BROADCAST && type != PacketType.MULTICAST) {
            return false;
        }
        if (!(r.frame().payload() instanceof ArpPacket ah)) {
            return false;
        }
        if (ah.operation() != ArpPacket.REQUEST && ah.operation() != ArpPacket.REPLY) {
            return false;
        }
        Ipv4Address srcIp = ah.senderIp();
        Ipv4Address dstIp = ah.targetIp();
        if (!dad) {
            if (!srcIp.equals(gdst) || !gsrc.equals(dstIp) || !ah.targetMac().equals(me)) {
                return false;
            }
        } else {
            if (!srcIp.equals(gdst) || ah.senderMac().equals(me) || (!gsrc.isAny() && !gsrc.equals(dstIp))) {
                return false;
            }
        }
        if (!quiet) {
            StringBuilder line = new StringBuilder();
            line.append(type == PacketType.HOST ? "Unicast" : "Broadcast").append(' ')
                    .append(ah.isReply() ? "reply" : "request").append(" from ").append(srcIp)
                    .append(" [").append(ah.senderMac().toUpperString()).append("] ");
            boolean sPrinted = false;
            if (!dstIp.equals(gsrc)) {
                line.append("for ").append(dstIp).append(' ');
                sPrinted = true;
            }
            if (!ah.targetMac().equals(me)) {
                if (!sPrinted) {
                    line.append("for ");
                }
                line.append('[').append(ah.targetMac().toUpperString()).append(']');
            }
            line.append(' ').append(elapsed(r.timeNanos())).append("ms");
            ctx.out().println(line.toString());
        }
        received++;
        if (timeout > 0 && received == count) {
            return true;
        }
        if (type != PacketType.HOST) {
            brdRecv++;
        }
        if (ah.isRequest()) {
            reqRecv++;
        }
        if (quitOnReply) {
            return true;
        }
        if (!broadcastOnly) {
            he = ah.senderMac();
            unicasting = true;
        }
        return false;
    }

    /**
     * The time since the last probe as {@code recv_pack} prints it. Its rounding
     * adds half a millisecond below one millisecond: 40 µs prints
     * {@code 0.540}.
     */
    private String elapsed(long ts) {
        long usecs = (ts / 1_000_000_000L - last / 1_000_000_000L) * 1_000_000
                + (ts % 1_000_000_000L - last % 1_000_000_000L + 500) / 1000;
        long msecs = (usecs + 500) / 1000;
        usecs -= msecs * 1000 - 500;
        return String.format("%d.%03d", msecs, usecs);
    }

    /** {@code finish} and the end of {@code event_loop} in 20221126. */
    private int exitStatus() {
        if (!quiet) {
            ctx.out().println("Sent " + sent + " probes (" + brdSent + " broadcast(s))");
            StringBuilder r = new StringBuilder("Received " + received + " response(s)");
            if (brdRecv > 0 || reqRecv > 0) {
                r.append(" (");
                if (reqRecv > 0) {
                    r.append(reqRecv).append(" request(s)");
                }
                if (brdRecv > 0) {
                    r.append(reqRecv > 0 ? ", " : "").append(brdRecv).append(" broadcast(s)");
                }
                r.append(')');
            }
            ctx.out().println(r.toString());
        }
        int rc;
        if (dad) {
            rc = received > 0 ? 1 : 0;
        } else if (unsolicited) {
            rc = 0;
        } else {
            rc = received == 0 ? 1 : 0;
        }
        if (unsolicited) {
            return rc;
        } else if (dad && quitOnReply) {
            rc |= brdSent == received ? 1 : 0;
        } else if (timeout > 0 && count <= 0) {
            rc |= received == 0 ? 1 : 0;
        } else {
            rc |= sent != received ? 1 : 0;
        }
        return rc;
    }
}
