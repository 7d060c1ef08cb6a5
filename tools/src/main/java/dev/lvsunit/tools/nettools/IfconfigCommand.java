package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.DevinetIoctl;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.link.DevIoctl;
import dev.lvsunit.engine.link.DeviceStats;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.libc.Strerror;
import dev.lvsunit.tools.spi.Command;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code ifconfig} of net-tools 2.10 ({@code ifconfig.c},
 * {@code lib/interface.c}): shows interfaces and their alias labels, and
 * sets addresses, masks, broadcasts, MTU, MAC and up/down through the
 * interface ioctls (the engine's {@link DevIoctl} and {@link DevinetIoctl}).
 *
 * <p>Arguments after the interface are processed one by one, in order, each
 * with its own ioctl, as the real tool does: {@code ifconfig eth0:0 VIP
 * broadcast VIP netmask 255.255.255.255 up} sets VIP with its classful mask
 * and broadcast, then the broadcast, then the mask (the broadcast, no longer
 * the classful one, stays).
 */
final class IfconfigCommand implements Command {

    /** The hardware types of {@code lib/hw.c} ({@code hw TYPE}): only {@code ether} is modelled. */
    private static final Set<String> HW_TYPES = Set.of("loop", "slip", "cslip", "slip6", "cslip6", "adaptive",
            "ash", "ether", "ax25", "netrom", "rose", "tunnel", "ppp", "hdlc", "lapb", "arcnet", "dlci", "frad",
            "sit", "fddi", "hippi", "irda", "ec", "x25", "eui64");
    /** The address families of {@code lib/af.c}, which may follow the interface name. */
    private static final Set<String> ADDRESS_FAMILIES = Set.of("unix", "inet", "inet6", "ax25", "netrom", "rose",
            "ipx", "ddp", "ec", "ash", "x25");
    /** Keywords lvsunit does not model. */
    private static final Set<String> UNSUPPORTED = Set.of("arp", "-arp", "media", "port", "trailers", "-trailers",
            "promisc", "-promisc", "multicast", "-multicast", "allmulti", "-allmulti", "dynamic", "-dynamic",
            "keepalive", "outfill", "-broadcast", "dstaddr", "txqueuelen", "mem_start", "io_addr", "irq",
            "-pointopoint", "pointopoint", "add", "del", "tunnel", "name");

    /** Thrown by {@code usage()}, which exits. */
    private static final class UsageExit extends RuntimeException {
        final int status;

        UsageExit(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    @Override
    public int run(CommandContext ctx, List<String> args) {
        try {
            return main(ctx, args);
        } catch (UsageExit e) {
            return e.status;
        }
    }

    private static void usage(CommandContext ctx, int status) {
        ctx.err().print(Usage.text(IfconfigCommand.class, "ifconfig"));
        throw new UsageExit(status);
    }

    private int main(CommandContext ctx, List<String> argv) {
        boolean all = false;
        boolean shortFormat = false;
        boolean verbose = false;
        int i = 0;
        while (i < argv.size() && argv.get(i).startsWith("-")) {
            String o = argv.get(i);
            if (o.equals("-a")) {
                all = true;
            } else if (o.equals("-s")) {
                shortFormat = true;
            } else if (o.equals("-v")) {
                verbose = true;
            } else if (o.equals("-V") || o.equals("-version") || o.equals("--version")) {
                throw new NotSupportedException("ifconfig --version");
            } else if (o.equals("-?") || o.equals("-h") || o.equals("-help") || o.equals("--help")) {
                usage(ctx, 0);
            } else {
                ctx.err().println("ifconfig: option `" + o + "' not recognised.");
                ctx.err().println("ifconfig: `--help' gives usage information.");
                return 1;
            }
            i++;
        }
        Display display = new Display(ctx, all, shortFormat);
        if (i == argv.size()) {
            return display.all() < 0 ? 1 : 0;
        }
        String ifname = truncate(argv.get(i++));
        if (i == argv.size()) {
            return display.one(ifname) < 0 ? 1 : 0;
        }
        return new Setter(ctx, ifname, verbose).run(argv.subList(i, argv.size()));
    }

    /** {@code safe_strncpy(ifr.ifr_name, name, IFNAMSIZ)}: at most 15 characters. */
    private static String truncate(String name) {
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    // ---- showing

    /** {@code if_print}, {@code ife_print_long} and {@code ife_print_short}. */
    private static final class Display {
        private final CommandContext ctx;
        private final DevIoctl devIoctl;
        private final DevinetIoctl inetIoctl;
        private final boolean all;
        private final boolean shortFormat;

        Display(CommandContext ctx, boolean all, boolean shortFormat) {
            this.ctx = ctx;
            this.devIoctl = new DevIoctl(ctx.host());
            this.inetIoctl = new DevinetIoctl(ctx.host());
            this.all = all;
            this.shortFormat = shortFormat;
        }

        private void header() {
            if (shortFormat) {
                ctx.out().println("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg");
            }
        }

        /**
         * Every device ({@code /proc/net/dev}) and every address label
         * ({@code SIOCGIFCONF}), sorted by {@link Nstrcmp}; shown when up, or
         * all with {@code -a}. The first that cannot be fetched ends the list.
         */
        int all() {
            header();
            Set<String> names = new TreeSet<>(Nstrcmp.INSTANCE);
            Host host = ctx.host();
            for (NetDevice d : host.devices()) {
                names.add(d.name());
            }
            for (NetDevice d : host.devices()) {
                for (IfAddr a : d.inDevice().addresses()) {
                    names.add(a.label());
                }
            }
            for (String name : names) {
                Optional<Integer> flags = fetch(name);
                if (flags.isEmpty()) {
                    return -1;
                }
                if ((flags.get() & DevIoctl.IFF_UP) != 0 || all) {
                    print(name);
                }
            }
            return 0;
        }

        /** One interface or alias, up or down. */
        int one(String name) {
            header();
            if (fetch(name).isEmpty()) {
                return -1;
            }
            print(name);
            return 0;
        }

        /** {@code do_if_fetch}: the flags, or the error message. */
        private Optional<Integer> fetch(String name) {
            try {
                return Optional.of(devIoctl.getFlags(name));
            } catch (KernelException e) {
                ctx.err().println(name + ": error fetching interface information: Device not found");
                return Optional.empty();
            }
        }

        private void print(String name) {
            try {
                NetDevice dev = devIoctl.device(name);
                int flags = devIoctl.getFlags(name);
                Optional<IfAddr> ifa = inetIoctl.addressByLabel(name);
                boolean stats = name.equals(dev.name());
                if (shortFormat) {
                    printShort(name, dev, flags, stats);
                } else {
                    printLong(name, dev, flags, ifa, stats);
                }
            } catch (KernelException e) {
                throw new IllegalStateException(e);
            }
        }

        private void printLong(String name, NetDevice dev, int flags, Optional<IfAddr> ifa, boolean stats) {
            ctx.out().println(name + ": flags=" + flags + "<" + flagNames(flags) + ">  mtu " + dev.mtu());
            if (ifa.isPresent()) {
                IfAddr a = ifa.get();
                StringBuilder line = new StringBuilder("        inet ").append(a.local())
                        .append("  netmask ").append(new Ipv4Address(a.maskBits()));
                if ((flags & DevIoctl.IFF_BROADCAST) != 0) {
                    line.append("  broadcast ").append(a.broadcast());
                }
                ctx.out().println(line.toString());
            }
            if (dev.isLoopback()) {
                ctx.out().println("        loop  txqueuelen 1000  (Local Loopback)");
            } else {
                ctx.out().println("        ether " + dev.mac() + "  txqueuelen 1000  (Ethernet)");
            }
            if (stats) {
                DeviceStats s = dev.stats();
                ctx.out().println("        RX packets " + s.rxPackets() + "  bytes " + s.rxBytes() + " ("
                        + humanSize(s.rxBytes()) + ")");
                ctx.out().println("        RX errors 0  dropped " + s.rxDropped() + "  overruns 0  frame 0");
                ctx.out().println("        TX packets " + s.txPackets() + "  bytes " + s.txBytes() + " ("
                        + humanSize(s.txBytes()) + ")");
                ctx.out().println("        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0");
            }
            ctx.out().println();
        }

        private void printShort(String name, NetDevice dev, int flags, boolean stats) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("%-15.15s ", name)).append(String.format("%5d ", dev.mtu()));
            if (stats) {
                DeviceStats s = dev.stats();
                sb.append(String.format("%8d %6d %6d %-6d ", s.rxPackets(), 0, s.rxDropped(), 0));
                sb.append(String.format("%8d %6d %6d %6d ", s.txPackets(), 0, 0, 0));
            } else {
                sb.append(String.format("%-56s", "     - no statistics available -"));
            }
            if ((flags & DevIoctl.IFF_BROADCAST) != 0) {
                sb.append('B');
            }
            if ((flags & DevIoctl.IFF_LOOPBACK) != 0) {
                sb.append('L');
            }
            if ((flags & DevIoctl.IFF_MULTICAST) != 0) {
                sb.append('M');
            }
            if ((flags & DevIoctl.IFF_RUNNING) != 0) {
                sb.append('R');
            }
            if ((flags & DevIoctl.IFF_UP) != 0) {
                sb.append('U');
            }
            ctx.out().println(sb.toString());
        }
    }

    /** The names {@code ife_print_long} lists inside {@code <...>}, in its order. */
    static String flagNames(int flags) {
        StringBuilder sb = new StringBuilder();
        if ((flags & DevIoctl.IFF_UP) != 0) {
            sb.append("UP,");
        }
        if ((flags & DevIoctl.IFF_BROADCAST) != 0) {
            sb.append("BROADCAST,");
        }
        if ((flags & DevIoctl.IFF_LOOPBACK) != 0) {
            sb.append("LOOPBACK,");
        }
        if ((flags & DevIoctl.IFF_RUNNING) != 0) {
            sb.append("RUNNING,");
        }
        if ((flags & DevIoctl.IFF_MULTICAST) != 0) {
            sb.append("MULTICAST,");
        }
        if (sb.length() > 0) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /**
     * The size after a byte count: tenths truncated, in binary units above
     * 1024 ({@code 9020} is {@code 8.8 KiB}, {@code 1024} is {@code 1024.0 B}).
     */
    static String humanSize(long bytes) {
        long tenths = bytes * 10;
        String unit = "B";
        long[] limits = {1L << 60, 1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10};
        String[] units = {"EiB", "PiB", "TiB", "GiB", "MiB", "KiB"};
        for (int k = 0; k < limits.length; k++) {
            if (bytes > limits[k]) {
                tenths = k == 0 ? bytes / (limits[0] / 10) : tenths / limits[k];
                unit = units[k];
                break;
            }
        }
        return (tenths / 10) + "." + (tenths % 10) + " " + unit;
    }

    // ---- setting

    /** The argument loop of {@code main} in {@code ifconfig.c}. */
    private static final class Setter {
        private final CommandContext ctx;
        private final DevIoctl devIoctl;
        private final DevinetIoctl inetIoctl;
        private final String ifname;
        private final boolean verbose;
        private int goterr;
        private boolean didNetmask;
        private Ipv4Address neededNetmask;

        Setter(CommandContext ctx, String ifname, boolean verbose) {
            this.ctx = ctx;
            this.devIoctl = new DevIoctl(ctx.host());
            this.inetIoctl = new DevinetIoctl(ctx.host());
            this.ifname = ifname;
            this.verbose = verbose;
        }

        int run(List<String> words) {
            int i = 0;
            if (ADDRESS_FAMILIES.contains(words.get(0))) {
                if (!words.get(0).equals("inet")) {
                    throw new NotSupportedException("ifconfig with address family " + words.get(0));
                }
                i = 1;
            }
            while (i < words.size()) {
                String w = words.get(i);
                if (UNSUPPORTED.contains(w)) {
                    throw new NotSupportedException("ifconfig " + w);
                }
                switch (w) {
                    case "up":
                        goterr |= setFlag(DevIoctl.IFF_UP | DevIoctl.IFF_RUNNING);
                        i++;
                        continue;
                    case "down":
                        goterr |= clearFlag(DevIoctl.IFF_UP);
                        i++;
                        continue;
                    case "mtu":
                        i = mtu(words, i);
                        continue;
                    case "broadcast":
                        i = broadcast(words, i);
                        continue;
                    case "netmask":
                        i = netmask(words, i);
                        continue;
                    case "hw":
                        i = hw(words, i);
                        continue;
                    default:
                        address(w);
                        i++;
                }
            }
            if (neededNetmask != null) {
                goterr |= setNetmask(neededNetmask);
            }
            if (verbose && goterr != 0) {
                ctx.err().println("WARNING: at least one error occured. (" + goterr + ")");
            }
            return goterr & 0xff;
        }

        /** {@code set_flag}: {@code SIOCGIFFLAGS}, then {@code SIOCSIFFLAGS} with {@code flag} added. */
        private int setFlag(int flag) {
            int flags;
            try {
                flags = devIoctl.getFlags(ifname);
            } catch (KernelException e) {
                ctx.err().println(ifname + ": ERROR while getting interface flags: " + Strerror.of(e.errno()));
                return -1;
            }
            return setFlags(flags | flag);
        }

        /** {@code clr_flag}. */
        private int clearFlag(int flag) {
            int flags;
            try {
                flags = devIoctl.getFlags(ifname);
            } catch (KernelException e) {
                ctx.err().println(ifname + ": ERROR while getting interface flags: " + Strerror.of(e.errno()));
                return -1;
            }
            return setFlags(flags & ~flag);
        }

        private int setFlags(int flags) {
            try {
                inetIoctl.setFlags(ifname, flags);
                return 0;
            } catch (KernelException e) {
                ctx.err().println("SIOCSIFFLAGS: " + Strerror.of(e.errno()));
                return -1;
            }
        }

        private int mtu(List<String> words, int i) {
            if (i + 1 >= words.size()) {
                usage(ctx, 3);
            }
            try {
                NetDevice dev = devIoctl.device(ifname);
                if (dev.isLoopback()) {
                    throw new NotSupportedException("the MTU of loopback");
                }
                devIoctl.setMtu(ifname, atoi(words.get(i + 1)));
            } catch (KernelException e) {
                ctx.err().println("SIOCSIFMTU: " + Strerror.of(e.errno()));
                goterr = 1;
            }
            return i + 2;
        }

        private int broadcast(List<String> words, int i) {
            i++;
            if (i < words.size()) {
                String host = words.get(i);
                Optional<Ipv4Address> a = resolve(host);
                if (a.isEmpty()) {
                    goterr = 1;
                    return i + 1;
                }
                try {
                    inetIoctl.setBroadcast(ifname, a.get());
                } catch (KernelException e) {
                    ctx.err().println("SIOCSIFBRDADDR: " + Strerror.of(e.errno()));
                    goterr = 1;
                }
                i++;
            }
            goterr |= setFlag(DevIoctl.IFF_BROADCAST);
            return i;
        }

        private int netmask(List<String> words, int i) {
            if (i + 1 >= words.size() || didNetmask) {
                usage(ctx, 3);
            }
            Optional<Ipv4Address> mask = resolve(words.get(i + 1));
            if (mask.isEmpty()) {
                goterr = 1;
                return i + 2;
            }
            didNetmask = true;
            goterr |= setNetmask(mask.get());
            return i + 2;
        }

        private int setNetmask(Ipv4Address mask) {
            try {
                inetIoctl.setNetmask(ifname, mask);
                return 0;
            } catch (KernelException e) {
                ctx.err().println("SIOCSIFNETMASK: " + Strerror.of(e.errno()));
                return 1;
            }
        }

        /** {@code hw ether MAC}: {@code SIOCSIFHWADDR} ({@code dev_set_mac_address}). */
        private int hw(List<String> words, int i) {
            if (i + 1 >= words.size() || !HW_TYPES.contains(words.get(i + 1))) {
                usage(ctx, 3);
            }
            if (!words.get(i + 1).equals("ether")) {
                throw new NotSupportedException("ifconfig hw " + words.get(i + 1));
            }
            if (i + 2 >= words.size()) {
                usage(ctx, 3);
            }
            String text = words.get(i + 2);
            Optional<MacAddress> mac = EtherInput.parse(text);
            if (mac.isEmpty()) {
                ctx.err().println(text + ": invalid ether address.");
                goterr = 1;
                return i + 3;
            }
            try {
                devIoctl.setHwAddr(ifname, mac.get());
            } catch (KernelException e) {
                ctx.err().println("SIOCSIFHWADDR: " + Strerror.of(e.errno()));
                goterr = 1;
            }
            return i + 3;
        }

        /**
         * An address ({@code ADDR} or {@code ADDR/PREFIX}): {@code SIOCSIFADDR},
         * then the interface is set up, except an alias given 0.0.0.0 (which
         * deleted it); a prefix sets the mask after all other arguments.
         */
        private void address(String word) {
            String host = word;
            Optional<Inet.Prefixed> prefixed;
            try {
                prefixed = Inet.getmask(word);
            } catch (IllegalArgumentException e) {
                usage(ctx, 3);
                return;
            }
            if (prefixed.isPresent()) {
                if (didNetmask) {
                    usage(ctx, 3);
                }
                neededNetmask = prefixed.get().mask();
                host = prefixed.get().address();
            }
            Ipv4Address address;
            try {
                address = Inet.resolve(host, false).address();
            } catch (Inet.LookupException e) {
                ctx.err().println(e.herror());
                ctx.err().println("ifconfig: `--help' gives usage information.");
                throw new UsageExit(1);
            }
            try {
                inetIoctl.setAddress(ifname, address);
            } catch (KernelException e) {
                ctx.err().println("SIOCSIFADDR: " + Strerror.of(e.errno()));
                goterr = 1;
            }
            boolean alias = ifname.indexOf(':') >= 0;
            boolean deleted = alias && (ifname.endsWith("-") || address.isAny());
            if (!deleted) {
                goterr |= setFlag(DevIoctl.IFF_UP | DevIoctl.IFF_RUNNING);
            }
        }

        private Optional<Ipv4Address> resolve(String host) {
            try {
                return Optional.of(Inet.resolve(host, false).address());
            } catch (Inet.LookupException e) {
                ctx.err().println(e.herror());
                return Optional.empty();
            }
        }
    }

    /** C {@code atoi}: leading blanks, a sign, digits; 0 when there are none. */
    static int atoi(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && v <= Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i++) - '0');
        }
        return (int) (negative ? -v : v);
    }
}
