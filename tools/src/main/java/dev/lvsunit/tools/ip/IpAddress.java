package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ip address} ({@code ip/ipaddress.c}): add, change, replace, del,
 * show/list and flush of IPv4 addresses.
 */
final class IpAddress {

    // ifa_flags bits (include/uapi/linux/if_addr.h)
    private static final int IFA_F_SECONDARY = 0x01;
    private static final int IFA_F_PERMANENT = 0x80;
    private static final int IFA_F_NOPREFIXROUTE = 0x200;

    /** {@code IFNAMSIZ - 1}: the kernel's {@code ifa_ipv4_policy} limit for {@code IFA_LABEL}. */
    private static final int MAX_LABEL = 15;

    private enum Modify { ADD, CHANGE, REPLACE, DELETE }

    private final CommandContext ctx;
    private final Host host;
    private final Ip.Options options;

    IpAddress(CommandContext ctx, Ip.Options options) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.options = options;
    }

    /** {@code do_ipaddr}. */
    int run(Args args) {
        if (!args.hasNext()) {
            return list(args, false);
        }
        String cmd = args.current();
        args.advance();
        if (Args.matches(cmd, "add")) {
            return modify(Modify.ADD, args);
        }
        if (Args.matches(cmd, "change") || cmd.equals("chg")) {
            return modify(Modify.CHANGE, args);
        }
        if (Args.matches(cmd, "replace")) {
            return modify(Modify.REPLACE, args);
        }
        if (Args.matches(cmd, "delete")) {
            return modify(Modify.DELETE, args);
        }
        if (Args.matches(cmd, "list") || Args.matches(cmd, "show") || Args.matches(cmd, "lst")) {
            return list(args, false);
        }
        if (Args.matches(cmd, "flush")) {
            return list(args, true);
        }
        if (Args.matches(cmd, "save") || Args.matches(cmd, "showdump") || Args.matches(cmd, "restore")
                || Args.matches(cmd, "help")) {
            throw new NotSupportedException("ip address " + cmd);
        }
        throw new IpError("Command \"" + cmd + "\" is unknown, try \"ip address help\".", 255);
    }

    // ---- add, change, replace, del

    /** {@code ipaddr_modify}. */
    private int modify(Modify cmd, Args args) {
        int family = options.family();
        String dev = null;
        String label = null;
        Inet.Prefix local = null;
        String localArg = null;
        int brdMode = 0; // 0 none, 1 given, -1 "+", -2 "-"
        Ipv4Address brd = Ipv4Address.ANY;
        RtScope scope = null;
        boolean noPrefixRoute = false;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("peer") || w.equals("remote")) {
                throw new NotSupportedException("ip address " + w);
            } else if (Args.matches(w, "broadcast") || w.equals("brd")) {
                String v = args.nextArg();
                if (brdMode != 0) {
                    throw IpError.duparg("broadcast", v);
                }
                if (v.equals("+")) {
                    brdMode = -1;
                } else if (v.equals("-")) {
                    brdMode = -2;
                } else {
                    brd = Inet.getAddr(v, family);
                    family = Inet.AF_INET;
                    brdMode = 1;
                }
            } else if (w.equals("anycast")) {
                throw new NotSupportedException("ip address anycast");
            } else if (w.equals("scope")) {
                String v = args.nextArg();
                scope = RtNames.scope(v).orElseThrow(() -> IpError.invarg("invalid scope value.", v));
            } else if (w.equals("dev")) {
                dev = args.nextArg();
            } else if (w.equals("label")) {
                label = args.nextArg();
            } else if (Args.matches(w, "metric") || Args.matches(w, "priority") || Args.matches(w, "preference")
                    || Args.matches(w, "valid_lft") || Args.matches(w, "preferred_lft") || w.equals("home")
                    || w.equals("nodad") || w.equals("mngtmpaddr") || w.equals("autojoin") || w.equals("proto")) {
                throw new NotSupportedException("ip address " + w);
            } else if (w.equals("noprefixroute")) {
                noPrefixRoute = true;
            } else {
                if (w.equals("local")) {
                    w = args.nextArg();
                }
                if (Args.matches(w, "help")) {
                    throw new NotSupportedException("ip address help");
                }
                if (local != null) {
                    throw IpError.duparg2("local", w);
                }
                local = Inet.getPrefix(w, family);
                localArg = w;
                family = Inet.AF_INET;
            }
            args.advance();
        }
        if (dev == null) {
            throw new IpError("Not enough information: \"dev\" argument is required.", 1);
        }
        if (local != null && cmd == Modify.DELETE && !local.lengthSpecified()) {
            ctx.err().println("Warning: Executing wildcard deletion to stay compatible with old scripts.");
            ctx.err().println("         Explicitly specify the prefix length (" + localArg + "/32) to avoid this warning.");
            ctx.err().println("         This special behaviour is likely to disappear in further releases,");
            ctx.err().println("         fix your scripts!");
        }
        String devName = dev;
        NetDevice device = host.device(devName).orElseThrow(() -> IpError.nodev(devName));
        if (local == null) {
            // no IFA_LOCAL: without a family the request reaches no handler
            if (family == Inet.AF_UNSPEC) {
                throw Rtnl.answers(Errno.EOPNOTSUPP);
            }
            if (cmd == Modify.DELETE) {
                throw new NotSupportedException("ip address del without an address");
            }
            throw Rtnl.error(new KernelException(Errno.EINVAL, "ipv4: Local address is not supplied"));
        }
        if (label != null && label.length() > MAX_LABEL) {
            throw Rtnl.error(new KernelException(Errno.EINVAL, "Attribute failed policy validation"));
        }
        try {
            if (cmd == Modify.DELETE) {
                host.devinet().delete(device, local.address(), local.lengthSpecified() ? local.length() : -1, label);
                return 0;
            }
            IfAddr ifa = new IfAddr(local.address(), local.length(), broadcast(local, brdMode, brd),
                    scope != null ? scope : defaultScope(local.address()),
                    label != null ? label : device.name(), false, noPrefixRoute);
            try {
                host.devinet().add(device, ifa);
            } catch (KernelException e) {
                // NLM_F_REPLACE on an existing address only renews its lifetimes, which lvsunit does not model
                if (e.errno() != Errno.EEXIST || cmd == Modify.ADD) {
                    throw e;
                }
            }
            return 0;
        } catch (KernelException e) {
            throw Rtnl.error(e);
        }
    }

    /** {@code brd +} sets the host bits, {@code brd -} clears them; neither for /31 and /32. */
    private static Ipv4Address broadcast(Inet.Prefix local, int brdMode, Ipv4Address given) {
        if (brdMode >= 0) {
            return given;
        }
        if (local.length() > 30) {
            return Ipv4Address.ANY;
        }
        int mask = Ipv4Prefix.maskBits(local.length());
        int bits = brdMode == -1 ? local.address().bits() | ~mask : local.address().bits() & mask;
        return new Ipv4Address(bits);
    }

    /** iproute2's {@code default_scope}: host for 127/8, global otherwise. */
    private static RtScope defaultScope(Ipv4Address address) {
        return address.octet(0) == 127 ? RtScope.HOST : RtScope.UNIVERSE;
    }

    // ---- show, flush

    /** The selectors of {@code ip address show|flush}. */
    private static final class Filter {
        int family;
        Inet.Prefix pfx;
        RtScope scope;
        boolean anyScope = true;
        int flags;
        int flagmask;
        String label;
        boolean up;
        NetDevice dev;

        boolean matches(IfAddr a) {
            if (family == Inet.AF_PACKET) {
                return false;
            }
            if (!anyScope && a.scope() != scope) {
                return false;
            }
            if (((flags ^ ifaFlags(a)) & flagmask) != 0) {
                return false;
            }
            if (label != null && !Glob.matches(label, a.label())) {
                return false;
            }
            return pfx == null || new Ipv4Prefix(pfx.address(), pfx.length()).contains(a.local());
        }
    }

    private static int ifaFlags(IfAddr a) {
        return (a.secondary() ? IFA_F_SECONDARY : 0) | IFA_F_PERMANENT
                | (a.noPrefixRoute() ? IFA_F_NOPREFIXROUTE : 0);
    }

    /** {@code ipaddr_list_flush_or_save}. */
    private int list(Args args, boolean flush) {
        Filter f = new Filter();
        f.family = options.family();
        if (flush) {
            if (!args.hasNext()) {
                throw new IpError("Flush requires arguments.", 1);
            }
            if (f.family == Inet.AF_PACKET) {
                throw new IpError("Cannot flush link addresses.", 1);
            }
        }
        String filterDev = null;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("to")) {
                String v = args.nextArg();
                f.pfx = Inet.getPrefix(v, f.family);
                if (f.family == Inet.AF_UNSPEC) {
                    f.family = Inet.AF_INET;
                }
            } else if (w.equals("scope")) {
                String v = args.nextArg();
                f.anyScope = false;
                var s = v.equals("all") ? Optional.<RtScope>empty() : RtNames.scope(v);
                if (s.isEmpty()) {
                    if (!v.equals("all")) {
                        throw IpError.invarg("invalid \"scope\"\n", v);
                    }
                    f.anyScope = true;
                } else {
                    f.scope = s.get();
                }
            } else if (w.equals("up")) {
                f.up = true;
            } else if (flagFilter(f, w)) {
                // a FLAG-LIST word
            } else if (w.equals("label")) {
                f.label = args.nextArg();
            } else if (w.equals("group") || w.equals("master") || w.equals("vrf") || w.equals("nomaster")
                    || w.equals("type") || w.equals("proto")) {
                throw new NotSupportedException("ip address show " + w);
            } else {
                if (w.equals("dev")) {
                    w = args.nextArg();
                } else if (Args.matches(w, "help")) {
                    throw new NotSupportedException("ip address help");
                }
                if (filterDev != null) {
                    throw IpError.duparg2("dev", w);
                }
                filterDev = w;
            }
            args.advance();
        }
        if (filterDev != null) {
            String name = filterDev;
            f.dev = host.device(name).orElseThrow(() -> IpError.noSuchDevice(name));
        }
        return flush ? flush(f) : show(f);
    }

    /** {@code get_filter}: {@code [-]FLAG}, with {@code primary} and {@code dynamic} the negations. */
    private static boolean flagFilter(Filter f, String word) {
        boolean inv = false;
        String arg = word;
        if (arg.startsWith("-")) {
            inv = true;
            arg = arg.substring(1);
        }
        if (arg.equals("dynamic")) {
            inv = !inv;
            arg = "permanent";
        } else if (arg.equals("primary")) {
            inv = !inv;
            arg = "secondary";
        }
        int mask;
        switch (arg) {
            case "secondary":
            case "temporary":
                mask = IFA_F_SECONDARY;
                break;
            case "nodad":
                mask = 0x02;
                break;
            case "optimistic":
                mask = 0x04;
                break;
            case "dadfailed":
                mask = 0x08;
                break;
            case "home":
                mask = 0x10;
                break;
            case "deprecated":
                mask = 0x20;
                break;
            case "tentative":
                mask = 0x40;
                break;
            case "permanent":
                mask = IFA_F_PERMANENT;
                break;
            case "mngtmpaddr":
                mask = 0x100;
                break;
            case "noprefixroute":
                mask = IFA_F_NOPREFIXROUTE;
                break;
            case "autojoin":
                mask = 0x400;
                break;
            case "stable-privacy":
                mask = 0x800;
                break;
            default:
                return false;
        }
        if (inv) {
            f.flags &= ~mask;
        } else {
            f.flags |= mask;
        }
        f.flagmask |= mask;
        return true;
    }

    private List<NetDevice> devices(Filter f) {
        return f.dev != null ? List.of(f.dev) : host.devices();
    }

    private int show(Filter f) {
        for (NetDevice dev : devices(f)) {
            if (f.up && !dev.isUp()) {
                continue;
            }
            List<IfAddr> all = dev.inDevice().addresses();
            List<IfAddr> shown = new ArrayList<>();
            for (IfAddr a : all) {
                if (f.matches(a)) {
                    shown.add(a);
                }
            }
            // ipaddr_filter: a device stays if one of its addresses passes, or if it
            // has none at all and no address family was asked for
            boolean keep = f.family == Inet.AF_PACKET || !shown.isEmpty()
                    || (all.isEmpty() && f.family == Inet.AF_UNSPEC);
            if (!keep) {
                continue;
            }
            if (options.brief()) {
                StringBuilder sb = new StringBuilder(LinkFormat.brief(dev));
                for (IfAddr a : shown) {
                    sb.append(a.local()).append('/').append(a.prefixLength()).append(' ');
                }
                ctx.out().println(sb.toString());
                continue;
            }
            if (options.oneline()) {
                // print_addrinfo with _SL_ = "\\": one line per address, after "INDEX: NAME"
                for (IfAddr a : shown) {
                    ctx.out().println(dev.ifindex() + ": " + dev.name() + addressLine(a) + options.lineBreak()
                            + "       valid_lft forever preferred_lft forever");
                }
                continue;
            }
            boolean linkFamily = f.family == Inet.AF_UNSPEC || f.family == Inet.AF_PACKET;
            // print_linkinfo matches a label filter against the device name too, and
            // skips the device lines (not its addresses) when it does not match
            boolean header = f.label == null || !linkFamily || Glob.matches(f.label, dev.name());
            if (header) {
                ctx.out().println(LinkFormat.header(dev, false));
                if (linkFamily) {
                    ctx.out().println(LinkFormat.linkLine(dev));
                }
            }
            for (IfAddr a : shown) {
                ctx.out().println(addressLine(a));
                ctx.out().println("       valid_lft forever preferred_lft forever");
            }
            if (header && options.stats() > 0) {
                ctx.out().print(LinkFormat.stats(dev, options.stats()));
            }
        }
        return 0;
    }

    /** {@code print_addrinfo}: {@code     inet A/N [brd B] scope S [FLAGS] LABEL}. */
    static String addressLine(IfAddr a) {
        StringBuilder sb = new StringBuilder("    inet ");
        sb.append(a.local()).append('/').append(a.prefixLength());
        if (!a.broadcast().isAny()) {
            sb.append(" brd ").append(a.broadcast());
        }
        sb.append(" scope ").append(a.scope().label());
        if (a.secondary()) {
            sb.append(" secondary");
        }
        if (a.noPrefixRoute()) {
            sb.append(" noprefixroute");
        }
        sb.append(' ').append(a.label());
        return sb.toString();
    }

    /**
     * {@code ipaddr_flush}: rounds of dump-and-delete, as iproute2 does it in
     * user space, until a dump finds nothing to delete. A deletion that fails
     * (a secondary gone with its primary) is ignored, as iproute2 ignores it.
     */
    private int flush(Filter f) {
        int round = 0;
        int maxRounds = options.flushLoops();
        while (maxRounds == 0 || round < maxRounds) {
            List<NetDevice> owners = new ArrayList<>();
            List<IfAddr> victims = new ArrayList<>();
            for (NetDevice dev : devices(f)) {
                for (IfAddr a : dev.inDevice().addresses()) {
                    if (f.matches(a)) {
                        owners.add(dev);
                        victims.add(a);
                    }
                }
            }
            if (victims.isEmpty()) {
                options.flushDone(ctx, round);
                return 0;
            }
            round++;
            if (options.stats() > 1) {
                // with -s -s, print_addrinfo also prints each address it queues for deletion
                for (int i = 0; i < victims.size(); i++) {
                    NetDevice dev = owners.get(i);
                    ctx.out().println(dev.ifindex() + ": " + dev.name() + addressLine(victims.get(i)));
                    ctx.out().println("       valid_lft forever preferred_lft forever");
                }
            }
            for (int i = 0; i < victims.size(); i++) {
                IfAddr a = victims.get(i);
                try {
                    host.devinet().delete(owners.get(i), a.local(), a.prefixLength(), a.label());
                } catch (KernelException ignored) {
                    // already gone
                }
            }
            if (options.stats() > 0) {
                ctx.out().println();
                ctx.out().println("*** Round " + round + ", deleting " + victims.size() + " addresses ***");
            }
            // flushing primaries only takes one round, or promoted secondaries would go too
            if ((f.flags & IFA_F_SECONDARY) == 0 && (f.flagmask & IFA_F_SECONDARY) != 0) {
                options.flushDone(ctx, round);
                return 0;
            }
        }
        ctx.err().println("*** Flush remains incomplete after " + maxRounds + " rounds. ***");
        return 1;
    }
}
