package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibFrontend;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtEntry;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.tools.libc.Getopt;
import dev.lvsunit.tools.libc.Strerror;
import dev.lvsunit.tools.spi.Command;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code route} of net-tools 2.10 ({@code route.c}, {@code lib/inet_gr.c},
 * {@code lib/inet_sr.c}) for the {@code inet} family: shows the main table
 * as {@code /proc/net/route} lists it, and adds and deletes routes through
 * {@code SIOCADDRT}/{@code SIOCDELRT} (the engine's
 * {@link FibFrontend#ipRtIoctl}). Kernel errors exit 7 ({@code E_SOCK}), name
 * lookups 6, syntax errors 3.
 */
final class RouteCommand implements Command {

    private static final int E_OPTERR = 3;
    private static final int E_LOOKUP = 6;
    private static final int E_SOCK = 7;

    private static final List<Getopt.LongOption> LONGOPTS = List.of(
            new Getopt.LongOption("extend", Getopt.Has.NO_ARGUMENT, 'e'),
            new Getopt.LongOption("verbose", Getopt.Has.NO_ARGUMENT, 'v'),
            new Getopt.LongOption("version", Getopt.Has.NO_ARGUMENT, 'V'),
            new Getopt.LongOption("numeric", Getopt.Has.NO_ARGUMENT, 'n'),
            new Getopt.LongOption("symbolic", Getopt.Has.NO_ARGUMENT, 'N'),
            new Getopt.LongOption("protocol", Getopt.Has.REQUIRED_ARGUMENT, 'A'),
            new Getopt.LongOption("cache", Getopt.Has.NO_ARGUMENT, 'C'),
            new Getopt.LongOption("fib", Getopt.Has.NO_ARGUMENT, 'F'),
            new Getopt.LongOption("help", Getopt.Has.NO_ARGUMENT, 'h'),
            new Getopt.LongOption("inet", Getopt.Has.NO_ARGUMENT, '4'),
            new Getopt.LongOption("inet6", Getopt.Has.NO_ARGUMENT, '6'));

    @Override
    public int run(CommandContext ctx, List<String> args) {
        // "getopts and -net wont work :-/": route renames them before getopt
        List<String> argv = new ArrayList<>();
        for (String a : args) {
            argv.add(a.equals("-net") ? "#net" : a.equals("-host") ? "#host" : a);
        }
        Getopt g = Getopt.getoptLong(ctx, "route", argv, "A:eCFhnN64Vv?", LONGOPTS);
        boolean numeric = false;
        int ext = 1;
        boolean cache = false;
        boolean help = false;
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            switch (o.val()) {
                case 'n':
                    numeric = true;
                    break;
                case 'e':
                    ext++;
                    break;
                case 'C':
                    cache = true;
                    break;
                case 'F':
                case '4':
                    break;
                case 'A':
                    if (!o.argument().equals("inet")) {
                        throw new NotSupportedException("route -A " + o.argument());
                    }
                    break;
                case 'h':
                case '?':
                    help = true;
                    break;
                default:
                    throw new NotSupportedException("route -" + (char) o.val());
            }
        }
        if (help) {
            ctx.out().print(Usage.text(RouteCommand.class, "route"));
            return 0;
        }
        List<String> rest = g.operands();
        if (rest.isEmpty()) {
            return cache ? showCache(ctx) : show(ctx, numeric, ext & 3);
        }
        String action = rest.get(0);
        List<String> words = rest.subList(1, rest.size());
        switch (action) {
            case "add":
            case "del":
            case "delete":
                if (words.isEmpty()) {
                    ctx.err().print(Usage.text(RouteCommand.class, "inet_route"));
                    return 0;
                }
                return setRoute(ctx, !action.equals("add"), words);
            case "flush":
                ctx.err().println("Flushing `inet' routing table not supported");
                ctx.err().print(Usage.text(RouteCommand.class, "inet_route"));
                return E_OPTERR;
            default:
                ctx.err().print(Usage.text(RouteCommand.class, "route"));
                return E_OPTERR;
        }
    }

    // ---- showing

    /** {@code rprint_fib}: the main table as {@code fib_route_seq_show} lists it. */
    private static int show(CommandContext ctx, boolean numeric, int ext) {
        ctx.out().println("Kernel IP routing table");
        if (ext == 0) {
            return 0; // -eee: FLAG_EXT masks the count to 0, and rprint_fib has no format for it
        }
        if (ext == 1) {
            ctx.out().println("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface");
        } else if (ext == 2) {
            ctx.out().println("Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface");
        } else {
            ctx.out().println("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    "
                    + "MSS   Window irtt");
        }
        for (FibRoute r : ctx.host().fib().dump(Fib.RT_TABLE_MAIN)) {
            if (r.type() == RouteType.BROADCAST || r.type() == RouteType.MULTICAST) {
                continue;
            }
            Ipv4Address dst = r.destination().address();
            Ipv4Address mask = r.destination().mask();
            Ipv4Address gw = r.gateway() == null ? Ipv4Address.ANY : r.gateway();
            boolean reject = r.type() == RouteType.UNREACHABLE || r.type() == RouteType.PROHIBIT;
            String flags = reject ? "!" : "U";
            if (!reject && !gw.isAny()) {
                flags += "G";
            }
            if (r.destination().length() == 32) {
                flags += "H";
            }
            String dest = Inet.rresolve(dst, numeric, true, (dst.bits() & 0xff) != 0);
            String gate = Inet.rresolve(gw, numeric, false, true);
            String iface = r.device() == null ? "*" : r.device().name();
            int metric = r.priority();
            if (reject) {
                if (ext == 2) {
                    ctx.out().printf("%-15s -               %-15s %-5s %5s %-6s %5s -%n", dest, mask, flags, "-", "-",
                            "-");
                } else if (ext >= 3) {
                    ctx.out().printf("%-15s -               %-15s %-5s %-6d -  %7d %-8s %-5s %-6s %s%n", dest, mask,
                            flags, metric, 0, "-", "-", "-", "-");
                } else {
                    ctx.out().printf("%-15s -               %-15s %-5s %-6d -  %7d -%n", dest, mask, flags, metric, 0);
                }
            } else if (ext == 1) {
                ctx.out().printf("%-15s %-15s %-15s %-5s %-6d %-2d %7d %s%n", dest, gate, mask, flags, metric, 0, 0,
                        iface);
            } else if (ext == 2) {
                ctx.out().printf("%-15s %-15s %-15s %-5s %5d %-6d %5d %s%n", dest, gate, mask, flags, 0, 0, 0, iface);
            } else {
                ctx.out().printf("%-15s %-15s %-15s %-5s %-6d %-2d %7d %-8s %-5d %-6d %d%n", dest, gate, mask, flags,
                        metric, 0, 0, iface, 0, 0, 0);
            }
        }
        return 0;
    }

    /** {@code route -C}: the IPv4 routing cache is gone since 3.6, the table is empty. */
    private static int showCache(CommandContext ctx) {
        ctx.out().println("Kernel IP routing cache");
        ctx.out().println("Source          Destination     Gateway         Flags Metric Ref    Use Iface");
        return 0;
    }

    // ---- setting

    /** {@code INET_setroute}. */
    private static int setRoute(CommandContext ctx, boolean delete, List<String> words) {
        int i = 0;
        int xflag = 0;
        if (words.get(0).equals("#net")) {
            xflag = 1;
            i++;
        } else if (words.get(0).equals("#host")) {
            xflag = 2;
            i++;
        }
        if (i >= words.size()) {
            return usage(ctx);
        }
        String target = words.get(i++);
        Ipv4Address genmask = Ipv4Address.ANY;
        String netmaskText = "default";
        Optional<Inet.Prefixed> prefixed;
        try {
            prefixed = Inet.getmask(target);
        } catch (IllegalArgumentException e) {
            return usage(ctx);
        }
        if (prefixed.isPresent()) {
            target = prefixed.get().address();
            genmask = prefixed.get().mask();
            netmaskText = "/" + prefixed.get().prefix();
        }
        Inet.Resolved dst;
        try {
            dst = Inet.resolve(target, xflag == 2);
        } catch (Inet.LookupException e) {
            ctx.err().println(e.herror());
            return E_LOOKUP;
        }
        boolean isnet = xflag == 1 || (xflag == 0 && dst.network());
        boolean hostRoute = !isnet;
        int metric = 0;
        Ipv4Address gateway = null;
        String dev = null;
        boolean reject = false;
        while (i < words.size()) {
            String w = words.get(i);
            switch (w) {
                case "metric": {
                    i++;
                    if (i >= words.size() || words.get(i).isEmpty() || !Character.isDigit(words.get(i).charAt(0))) {
                        return usage(ctx);
                    }
                    metric = IfconfigCommand.atoi(words.get(i)) + 1;
                    i++;
                    continue;
                }
                case "netmask": {
                    i++;
                    if (i >= words.size() || !genmask.isAny()) {
                        return usage(ctx);
                    }
                    netmaskText = words.get(i);
                    try {
                        genmask = Inet.resolve(netmaskText, false).address();
                    } catch (Inet.LookupException e) {
                        ctx.err().println(e.herror());
                        return E_LOOKUP;
                    }
                    i++;
                    continue;
                }
                case "gw":
                case "gateway": {
                    i++;
                    if (i >= words.size() || gateway != null) {
                        return usage(ctx);
                    }
                    Inet.Resolved g;
                    try {
                        g = Inet.resolve(words.get(i), true);
                    } catch (Inet.LookupException e) {
                        ctx.err().println(e.herror());
                        return E_LOOKUP;
                    }
                    if (g.network()) {
                        ctx.err().println("route: " + words.get(i) + ": cannot use a NETWORK as gateway!");
                        return usage(ctx);
                    }
                    gateway = g.address();
                    i++;
                    continue;
                }
                case "reject":
                    reject = true;
                    i++;
                    continue;
                case "mss":
                case "mtu":
                case "window":
                case "irtt":
                case "mod":
                case "dyn":
                case "reinstate":
                    throw new NotSupportedException("route " + w);
                case "dev":
                case "device":
                    i++;
                    if (dev != null || i >= words.size()) {
                        return usage(ctx);
                    }
                    dev = words.get(i++);
                    continue;
                default:
                    if (dev != null) {
                        return usage(ctx);
                    }
                    dev = w;
                    i++;
                    if (i < words.size()) {
                        return usage(ctx);
                    }
            }
        }
        if (reject && dev == null) {
            dev = "lo";
        }
        if (!genmask.isAny()) {
            int inverted = ~genmask.bits();
            if (hostRoute && inverted != 0xffffffff) {
                ctx.err().println(String.format("route: netmask %08x doesn't make sense with host route", inverted));
                return usage(ctx);
            }
            if ((inverted & (inverted + 1)) != 0) {
                ctx.err().println("route: bogus netmask " + netmaskText);
                return usage(ctx);
            }
            if ((dst.address().bits() & ~genmask.bits()) != 0) {
                ctx.err().println("route: netmask doesn't match route address");
                return usage(ctx);
            }
        }
        if (!delete && hostRoute) {
            genmask = Ipv4Address.BROADCAST;
        }
        int flags = RtEntry.RTF_UP;
        if (hostRoute) {
            flags |= RtEntry.RTF_HOST;
        }
        if (gateway != null) {
            flags |= RtEntry.RTF_GATEWAY;
        }
        if (reject) {
            flags |= RtEntry.RTF_REJECT;
        }
        RtEntry rt = new RtEntry(dst.address(), gateway == null ? Ipv4Address.ANY : gateway, genmask, flags, metric,
                dev);
        try {
            new FibFrontend(ctx.host()).ipRtIoctl(delete ? FibFrontend.SIOCDELRT : FibFrontend.SIOCADDRT, rt);
            return 0;
        } catch (KernelException e) {
            ctx.err().println((delete ? "SIOCDELRT: " : "SIOCADDRT: ") + Strerror.of(e.errno()));
            return E_SOCK;
        }
    }

    private static int usage(CommandContext ctx) {
        ctx.err().print(Usage.text(RouteCommand.class, "inet_route"));
        return E_OPTERR;
    }
}
