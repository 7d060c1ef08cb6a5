package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.arp.ArpIoctl;
import dev.lvsunit.engine.arp.ArpReq;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.neigh.ProxyNeighbour;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.libc.Getopt;
import dev.lvsunit.tools.libc.Strerror;
import dev.lvsunit.tools.spi.Command;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code arp} of net-tools 2.10 ({@code arp.c}): shows the ARP cache as
 * {@code /proc/net/arp} lists it ({@code arp_seq_show}: every neighbour but
 * the NOARP ones, in the table's order), and sets and deletes entries through
 * {@code SIOCSARP}/{@code SIOCDARP} (the engine's {@link ArpIoctl}).
 * Failures exit 255.
 */
final class ArpCommand implements Command {

    private static final Set<String> ADDRESS_FAMILIES = Set.of("unix", "inet", "inet6", "ax25", "netrom", "rose",
            "ipx", "ddp", "ec", "ash", "x25");
    private static final Set<String> HW_TYPES = Set.of("loop", "slip", "cslip", "slip6", "cslip6", "adaptive",
            "ash", "ether", "ax25", "netrom", "rose", "tunnel", "ppp", "hdlc", "lapb", "arcnet", "dlci", "frad",
            "sit", "fddi", "hippi", "irda", "ec", "x25", "eui64");

    private static final List<Getopt.LongOption> LONGOPTS = List.of(
            new Getopt.LongOption("verbose", Getopt.Has.NO_ARGUMENT, 'v'),
            new Getopt.LongOption("version", Getopt.Has.NO_ARGUMENT, 'V'),
            new Getopt.LongOption("all", Getopt.Has.NO_ARGUMENT, 'a'),
            new Getopt.LongOption("delete", Getopt.Has.NO_ARGUMENT, 'd'),
            new Getopt.LongOption("file", Getopt.Has.NO_ARGUMENT, 'f'),
            new Getopt.LongOption("numeric", Getopt.Has.NO_ARGUMENT, 'n'),
            new Getopt.LongOption("set", Getopt.Has.NO_ARGUMENT, 's'),
            new Getopt.LongOption("protocol", Getopt.Has.REQUIRED_ARGUMENT, 'A'),
            new Getopt.LongOption("hw-type", Getopt.Has.REQUIRED_ARGUMENT, 'H'),
            new Getopt.LongOption("device", Getopt.Has.REQUIRED_ARGUMENT, 'i'),
            new Getopt.LongOption("help", Getopt.Has.NO_ARGUMENT, 'h'),
            new Getopt.LongOption("use-device", Getopt.Has.NO_ARGUMENT, 'D'),
            new Getopt.LongOption("symbolic", Getopt.Has.NO_ARGUMENT, 'N'));

    @Override
    public int run(CommandContext ctx, List<String> args) {
        Getopt g = Getopt.getoptLong(ctx, "arp", args, "A:H:adfp:nsei:t:vh?DNV", LONGOPTS);
        int what = 0;
        boolean all = false;
        boolean linuxStyle = false;
        boolean hwSet = false;
        String device = "";
        for (Getopt.Opt o = g.next(); o != null; o = g.next()) {
            switch (o.val()) {
                case 'a':
                    what = 1;
                    all = true;
                    break;
                case 'd':
                    what = 3;
                    break;
                case 's':
                    what = 4;
                    break;
                case 'e':
                    linuxStyle = true;
                    break;
                case 'n':
                    break; // no name resolution: lvsunit resolves nothing anyway ("?" as hostname)
                case 'N':
                    ctx.err().println("arp: -N not yet supported.");
                    break;
                case 'A':
                case 'p':
                    if (!ADDRESS_FAMILIES.contains(o.argument())) {
                        ctx.err().println("arp: " + o.argument() + ": unknown address family.");
                        return 255;
                    }
                    if (!o.argument().equals("inet")) {
                        ctx.err().println("arp: " + o.argument() + ": kernel only supports 'inet'.");
                        return 255;
                    }
                    break;
                case 'H':
                case 't':
                    if (!HW_TYPES.contains(o.argument())) {
                        ctx.err().println("arp: " + o.argument() + ": unknown hardware type.");
                        return 255;
                    }
                    if (!o.argument().equals("ether")) {
                        throw new NotSupportedException("arp -H " + o.argument());
                    }
                    hwSet = true;
                    break;
                case 'i':
                    device = o.argument().length() > 15 ? o.argument().substring(0, 15) : o.argument();
                    break;
                case 'h':
                    ctx.out().print(Usage.text(ArpCommand.class, "arp"));
                    return 0;
                case '?':
                    ctx.err().print(Usage.text(ArpCommand.class, "arp"));
                    return 3;
                default:
                    throw new NotSupportedException("arp -" + (char) o.val());
            }
        }
        List<String> operands = g.operands();
        switch (what) {
            case 0:
                return show(ctx, operands, true, false, hwSet, device);
            case 1:
                return show(ctx, operands, linuxStyle, all, hwSet, device);
            case 3:
                return delete(ctx, operands, device);
            default:
                return set(ctx, operands, device);
        }
    }

    // ---- showing

    /** {@code arp_show}. */
    private static int show(CommandContext ctx, List<String> operands, boolean linuxStyle, boolean all,
                            boolean hwSet, String device) {
        String name = operands.isEmpty() ? null : operands.get(0);
        String host = "";
        if (name != null) {
            try {
                host = Inet.resolve(name, false).address().toString();
            } catch (Inet.LookupException e) {
                ctx.err().println(e.herror());
                return 255;
            }
        }
        int entries = 0;
        int showed = 0;
        boolean title = false;
        for (Neighbour n : ctx.host().neigh().entries()) {
            if (n.state() == NudState.NUD_NOARP) {
                continue; // NEIGH_SEQ_SKIP_NOARP
            }
            entries++;
            String ip = n.address().toString();
            NetDevice dev = n.device();
            if (hwSet && dev.isLoopback()) {
                continue;
            }
            if (!host.isEmpty() && !ip.equals(host)) {
                continue;
            }
            if (!device.isEmpty() && !dev.name().equals(device)) {
                continue;
            }
            showed++;
            int flags = ArpIoctl.arpStateToFlags(n.state());
            String hw = dev.isLoopback() ? "loop" : "ether";
            String mac = n.lladdr() == null ? MacAddress.ZERO.toString() : n.lladdr().toString();
            if (linuxStyle) {
                if (!title) {
                    ctx.out().println("Address                  HWtype  HWaddress           Flags Mask            Iface");
                    title = true;
                }
                StringBuilder sb = new StringBuilder(String.format("%-23.23s  ", ip));
                if ((flags & ArpIoctl.ATF_COM) == 0) {
                    sb.append(String.format("%-8.8s%-20.20s", "", "(incomplete)"));
                } else {
                    sb.append(String.format("%-8.8s%-20.20s", hw, mac));
                }
                sb.append(String.format("%-6.6s%-15.15s %s", flagLetters(flags), "", dev.name()));
                ctx.out().println(sb.toString());
            } else {
                StringBuilder sb = new StringBuilder("? (" + ip + ") at ");
                if ((flags & ArpIoctl.ATF_COM) == 0) {
                    sb.append("<incomplete> ");
                } else {
                    sb.append(mac).append(" [").append(hw).append("] ");
                }
                if ((flags & ArpIoctl.ATF_PERM) != 0) {
                    sb.append("PERM ");
                }
                sb.append("on ").append(dev.name());
                ctx.out().println(sb.toString());
            }
        }
        for (ProxyNeighbour p : ctx.host().neigh().proxyEntries()) {
            // arp_format_pneigh_entry: ATF_PUBL | ATF_PERM, no hardware address, "*" without a device
            entries++;
            String ip = p.address().toString();
            String devName = p.device() == null ? "*" : p.device().name();
            if (hwSet && (p.device() == null || p.device().isLoopback())) {
                continue;
            }
            if (!host.isEmpty() && !ip.equals(host)) {
                continue;
            }
            if (!device.isEmpty() && !devName.equals(device)) {
                continue;
            }
            showed++;
            if (linuxStyle) {
                if (!title) {
                    ctx.out().println("Address                  HWtype  HWaddress           Flags Mask            Iface");
                    title = true;
                }
                ctx.out().println(String.format("%-23.23s  %-8.8s%-20.20s%-6.6s%-15.15s %s", ip, "*",
                        "<from_interface>", "MP", "", devName));
            } else {
                ctx.out().println("? (" + ip + ") at <from_interface> PERM PUB on " + devName);
            }
        }
        if (showed == 0) {
            if (!host.isEmpty() && !all) {
                ctx.out().println(name + " (" + host + ") -- no entry");
            } else if (hwSet || !host.isEmpty() || !device.isEmpty()) {
                ctx.out().println("arp: in " + entries + " entries no match found.");
            }
        }
        return 0;
    }

    private static String flagLetters(int flags) {
        return ((flags & ArpIoctl.ATF_COM) != 0 ? "C" : "") + ((flags & ArpIoctl.ATF_PERM) != 0 ? "M" : "");
    }

    // ---- deleting

    /**
     * {@code arp_del}: without {@code pub} or {@code priv}, the private entry
     * ({@code arp_invalidate}), and when there is none a proxy entry
     * ({@code pneigh_delete}, on the given device or the device-less one);
     * neither is "No ARP entry" on standard output.
     */
    private static int delete(CommandContext ctx, List<String> args, String device) {
        if (args.isEmpty()) {
            ctx.err().println("arp: need host name");
            return 255;
        }
        String host = args.get(0);
        Ipv4Address ip;
        try {
            ip = Inet.resolve(host, false).address();
        } catch (Inet.LookupException e) {
            ctx.err().println(e.herror());
            return 255;
        }
        int which = 0;
        for (int i = 1; i < args.size(); i++) {
            String w = args.get(i);
            switch (w) {
                case "pub":
                    which |= 1;
                    break;
                case "priv":
                    which |= 2;
                    break;
                case "temp":
                    break;
                case "dev":
                    if (++i >= args.size()) {
                        return usage(ctx);
                    }
                    device = args.get(i);
                    break;
                case "trail":
                case "dontpub":
                case "auto":
                case "netmask":
                    throw new NotSupportedException("arp -d ... " + w);
                default:
                    return usage(ctx);
            }
        }
        if (which == 0) {
            which = 3;
        }
        ArpIoctl ioctl = new ArpIoctl(ctx.host());
        if ((which & 2) != 0) {
            try {
                ioctl.arpIoctl(ArpIoctl.SIOCDARP, new ArpReq(ip, null, 0, device));
                return 0;
            } catch (KernelException e) {
                if (e.errno() != Errno.ENOENT) {
                    ctx.err().println("SIOCDARP(dontpub): " + Strerror.of(e.errno()));
                    return 255;
                }
                if ((which & 1) == 0) {
                    ctx.out().println("No ARP entry for " + host);
                    return 255;
                }
            }
        }
        try {
            ioctl.arpIoctl(ArpIoctl.SIOCDARP, new ArpReq(ip, null, ArpIoctl.ATF_PUBL, device));
            return 0;
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT) {
                ctx.err().println("SIOCDARP(pub): " + Strerror.of(e.errno()));
                return 255;
            }
            ctx.out().println("No ARP entry for " + host);
            return 255;
        }
    }

    // ---- setting

    /** {@code arp_set}: {@code SIOCSARP} → {@code arp_req_set}. */
    private static int set(CommandContext ctx, List<String> args, String device) {
        if (args.isEmpty()) {
            ctx.err().println("arp: need host name");
            return 255;
        }
        Ipv4Address ip;
        try {
            ip = Inet.resolve(args.get(0), false).address();
        } catch (Inet.LookupException e) {
            ctx.err().println(e.herror());
            return 255;
        }
        if (args.size() < 2) {
            ctx.err().println("arp: need hardware address");
            return 255;
        }
        Optional<MacAddress> mac = EtherInput.parse(args.get(1));
        if (mac.isEmpty()) {
            ctx.err().println("arp: invalid hardware address");
            return 255;
        }
        boolean permanent = true;
        boolean publish = false;
        for (int i = 2; i < args.size(); i++) {
            String w = args.get(i);
            switch (w) {
                case "temp":
                    permanent = false;
                    break;
                case "pub":
                    publish = true;
                    break;
                case "priv":
                    publish = false;
                    break;
                case "dev":
                    if (++i >= args.size()) {
                        return usage(ctx);
                    }
                    device = args.get(i);
                    break;
                case "trail":
                case "dontpub":
                case "auto":
                case "netmask":
                    throw new NotSupportedException("arp -s ... " + w);
                default:
                    return usage(ctx);
            }
        }
        int flags = ArpIoctl.ATF_COM | (permanent ? ArpIoctl.ATF_PERM : 0) | (publish ? ArpIoctl.ATF_PUBL : 0);
        try {
            new ArpIoctl(ctx.host()).arpIoctl(ArpIoctl.SIOCSARP, new ArpReq(ip, mac.get(), flags, device));
            return 0;
        } catch (KernelException e) {
            ctx.err().println("SIOCSARP: " + Strerror.of(e.errno()));
            return 255;
        }
    }

    private static int usage(CommandContext ctx) {
        ctx.err().print(Usage.text(ArpCommand.class, "arp"));
        return 3;
    }
}
