package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;
import java.util.Set;

/** {@code ip link} ({@code ip/iplink.c}): show and set. */
final class IpLink {

    /** iplink_parse keywords lvsunit does not model. */
    private static final Set<String> UNMODELLED = Set.of(
            "name", "index", "link", "broadcast", "brd", "txqueuelen", "qlen", "txqlen", "xdp", "xdpgeneric",
            "xdpdrv", "xdpoffload", "netns", "multicast", "allmulticast", "promisc", "trailers", "arp", "carrier",
            "vf", "master", "vrf", "nomaster", "dynamic", "type", "alias", "group", "mode", "state",
            "numtxqueues", "numrxqueues", "addrgenmode", "link-netns", "link-netnsid", "protodown",
            "protodown_reason", "gso_max_size", "gso_max_segs", "gro_max_size", "parentdev");

    private final CommandContext ctx;
    private final Host host;
    private final Ip.Options options;

    IpLink(CommandContext ctx, Ip.Options options) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.options = options;
    }

    /** {@code do_iplink}. */
    int run(Args args) {
        if (!args.hasNext()) {
            return show(args);
        }
        String cmd = args.current();
        args.advance();
        if (Args.matches(cmd, "add")) {
            throw new NotSupportedException("ip link add");
        }
        if (Args.matches(cmd, "set") || Args.matches(cmd, "change")) {
            return set(args);
        }
        if (Args.matches(cmd, "replace") || Args.matches(cmd, "delete")) {
            throw new NotSupportedException("ip link " + cmd);
        }
        if (Args.matches(cmd, "show") || Args.matches(cmd, "lst") || Args.matches(cmd, "list")) {
            return show(args);
        }
        if (Args.matches(cmd, "xstats") || Args.matches(cmd, "afstats") || Args.matches(cmd, "property")
                || Args.matches(cmd, "help")) {
            throw new NotSupportedException("ip link " + cmd);
        }
        throw new IpError("Command \"" + cmd + "\" is unknown, try \"ip link help\".", 255);
    }

    /** {@code ipaddr_list_link}: the device lines of every (or one) interface. */
    private int show(Args args) {
        String filterDev = null;
        boolean up = false;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("up")) {
                up = true;
            } else if (w.equals("to") || w.equals("scope") || w.equals("label") || w.equals("group")
                    || w.equals("master") || w.equals("vrf") || w.equals("nomaster") || w.equals("type")
                    || w.equals("proto")) {
                throw new NotSupportedException("ip link show " + w);
            } else {
                if (w.equals("dev")) {
                    w = args.nextArg();
                } else if (Args.matches(w, "help")) {
                    throw new NotSupportedException("ip link help");
                }
                if (filterDev != null) {
                    throw IpError.duparg2("dev", w);
                }
                filterDev = w;
            }
            args.advance();
        }
        List<NetDevice> devices = host.devices();
        if (filterDev != null) {
            String name = filterDev;
            devices = List.of(host.device(name).orElseThrow(() -> IpError.noSuchDevice(name)));
        }
        for (NetDevice dev : devices) {
            if (up && !dev.isUp()) {
                continue;
            }
            if (options.brief()) {
                ctx.out().println(LinkFormat.brief(dev) + dev.mac() + " " + LinkFormat.flags(dev) + " ");
            } else {
                ctx.out().print(LinkFormat.header(dev, true) + options.lineBreak());
                ctx.out().println(LinkFormat.linkLine(dev));
                if (options.stats() > 0) {
                    ctx.out().print(LinkFormat.stats(dev, options.stats()));
                }
            }
        }
        return 0;
    }

    /**
     * {@code iplink_modify} with {@code iplink_parse}; the kernel's
     * {@code do_setlink} then applies the address, the MTU and the flags, in
     * that order.
     */
    private int set(Args args) {
        String dev = null;
        Boolean up = null;
        MacAddress mac = null;
        Integer mtu = null;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("up")) {
                up = Boolean.TRUE;
            } else if (w.equals("down")) {
                up = Boolean.FALSE;
            } else if (Args.matches(w, "address")) {
                mac = lladdr(args.nextArg());
            } else if (w.equals("mtu")) {
                String v = args.nextArg();
                if (mtu != null) {
                    throw IpError.duparg("mtu", v);
                }
                long n = integer(v);
                if (n == Long.MIN_VALUE) {
                    throw IpError.invarg("Invalid \"mtu\" value\n", v);
                }
                if (n < 0 || n > Integer.MAX_VALUE) {
                    throw new NotSupportedException("ip link set mtu " + v);
                }
                mtu = (int) n;
            } else if (UNMODELLED.contains(w) || Args.matches(w, "link") || Args.matches(w, "broadcast")
                    || Args.matches(w, "txqueuelen") || Args.matches(w, "txqlen")) {
                throw new NotSupportedException("ip link set " + w);
            } else {
                if (Args.matches(w, "help")) {
                    throw new NotSupportedException("ip link help");
                }
                if (w.equals("dev")) {
                    w = args.nextArg();
                }
                if (dev != null) {
                    throw IpError.duparg2("dev", w);
                }
                dev = w;
            }
            args.advance();
        }
        if (dev == null) {
            throw new IpError("Not enough information: \"dev\" argument is required.", 255);
        }
        String name = dev;
        NetDevice device = host.device(name).orElseThrow(() -> IpError.nodev(name));
        try {
            if (mac != null) {
                host.setMac(device, mac);
            }
            if (mtu != null) {
                host.setMtu(device, mtu);
            }
        } catch (KernelException e) {
            throw Rtnl.error(e);
        }
        if (up != null) {
            host.setUp(device, up);
        }
        return 0;
    }

    /** C {@code strtol(arg, &end, 0)} over the whole word ({@code get_integer}); MIN_VALUE if not a number. */
    private static long integer(String arg) {
        String s = arg;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        long n = Inet.unsigned(s);
        if (n < 0) {
            return Long.MIN_VALUE;
        }
        return negative ? -n : n;
    }

    /**
     * {@code ll_addr_a2n}: colon-separated hex bytes, each read as
     * {@code sscanf("%x")}; the error names the part that failed.
     */
    static MacAddress lladdr(String arg) {
        return lladdr(arg, n -> new IpError("Invalid address length " + n + " - must be 6 bytes", 1));
    }

    /**
     * As {@link #lladdr(String)}, with the caller's error for an address that
     * is not 6 bytes long.
     */
    static MacAddress lladdr(String arg, java.util.function.IntFunction<RuntimeException> wrongLength) {
        if (arg.indexOf('.') >= 0) {
            throw new NotSupportedException("ip: IPv4-style link-layer address " + arg);
        }
        String[] parts = arg.split(":", -1);
        long value = 0;
        int n = 0;
        for (String part : parts) {
            int b = scanHex(part);
            if (b < 0 || b > 255) {
                throw new IpError("\"" + part + "\" is invalid lladdr.", 1);
            }
            value = (value << 8) | b;
            n++;
        }
        if (n != 6) {
            // iplink_modify: the length must be the device's addr_len (6 for Ethernet)
            throw wrongLength.apply(n);
        }
        return new MacAddress(value);
    }

    /** {@code sscanf(s, "%x")}: leading hex digits (after an optional {@code 0x}); -1 if none. */
    private static int scanHex(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0 && s.charAt(i) < 128) {
            v = Math.min(v * 16 + Character.digit(s.charAt(i), 16), 1L << 20);
            i++;
        }
        return i == start ? -1 : (int) v;
    }
}
