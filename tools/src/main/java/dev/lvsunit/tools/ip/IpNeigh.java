package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.Neighbour;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.neigh.ProxyNeighbour;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code ip neigh} ({@code ip/ipneigh.c}): show, add, change, replace, del and flush of ARP entries. */
final class IpNeigh {

    /** {@code NUD_PERMANENT|NUD_NOARP} and friends, as the filters use them. */
    private static final int NUD_NOARP = 0x40;
    private static final int NUD_PERMANENT = 0x80;
    private static final int NUD_FAILED = 0x20;
    /** The bit ipneigh.c uses for "state 0" ({@code nud none}). */
    private static final int NUD_NONE_FILTER = 0x100;
    private static final int MAX_ROUNDS = 10;

    private enum Modify { ADD, CHANGE, REPLACE, DELETE }

    private final CommandContext ctx;
    private final Host host;
    private final Ip.Options options;

    IpNeigh(CommandContext ctx, Ip.Options options) {
        this.ctx = ctx;
        this.host = ctx.host();
        this.options = options;
    }

    /** {@code do_ipneigh}. */
    int run(Args args) {
        if (options.family() == Inet.AF_PACKET) {
            throw new NotSupportedException("ip -0 neigh");
        }
        if (!args.hasNext()) {
            return showOrFlush(args, false);
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
        if (Args.matches(cmd, "get")) {
            return get(args);
        }
        if (Args.matches(cmd, "show") || Args.matches(cmd, "lst") || Args.matches(cmd, "list")) {
            return showOrFlush(args, false);
        }
        if (Args.matches(cmd, "flush")) {
            return showOrFlush(args, true);
        }
        if (Args.matches(cmd, "help")) {
            throw new NotSupportedException("ip neigh help");
        }
        throw new IpError("Command \"" + cmd + "\" is unknown, try \"ip neigh help\".", 255);
    }

    /**
     * {@code ipneigh_get}: {@code ip neigh get ADDR dev DEV} prints the one
     * entry as {@code ip neigh show} would (with its {@code dev}), or the
     * kernel's "Neighbour entry not found" ({@code neigh_get}).
     */
    private int get(Args args) {
        String dev = null;
        Ipv4Address dst = null;
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("dev")) {
                dev = args.nextArg();
            } else if (Args.matches(w, "proxy")) {
                throw new NotSupportedException("ip neigh get proxy");
            } else {
                if (w.equals("to")) {
                    w = args.nextArg();
                }
                if (dst != null) {
                    throw IpError.duparg2("to", w);
                }
                dst = Inet.getAddr(w, options.family());
            }
            args.advance();
        }
        if (dev == null || dst == null) {
            throw new IpError("Device and address are required arguments.", 1);
        }
        String name = dev;
        NetDevice device = host.device(name).orElseThrow(() -> IpError.nodev(name));
        Optional<Neighbour> n = host.neigh().lookup(dst, device);
        if (n.isEmpty()) {
            throw new IpError("Error: Neighbour entry not found.", 2);
        }
        ctx.out().println(format(n.get(), new Filter()));
        return 0;
    }

    /** {@code ipneigh_modify}; without {@code nud} the state is PERMANENT. */
    private int modify(Modify cmd, Args args) {
        String lla = null;
        NudState state = NudState.NUD_PERMANENT;
        String dev = null;
        Ipv4Address dst = null;
        boolean proxy = false;
        while (args.hasNext()) {
            String w = args.current();
            if (Args.matches(w, "lladdr")) {
                String v = args.nextArg();
                if (lla != null) {
                    throw IpError.duparg("lladdr", v);
                }
                lla = v;
            } else if (w.equals("nud")) {
                String v = args.nextArg();
                state = RtNames.nud(v).orElseThrow(() -> IpError.invarg("nud state is bad", v));
            } else if (Args.matches(w, "proxy")) {
                String v = args.nextArg();
                if (Args.matches(v, "help")) {
                    throw new NotSupportedException("ip neigh help");
                }
                if (dst != null) {
                    throw IpError.duparg("address", v);
                }
                dst = Inet.getAddr(v, options.family());
                proxy = true;
            } else if (Args.matches(w, "router") || Args.matches(w, "extern_learn") || Args.matches(w, "protocol")) {
                throw new NotSupportedException("ip neigh " + w);
            } else if (w.equals("dev")) {
                dev = args.nextArg();
            } else {
                if (w.equals("to")) {
                    w = args.nextArg();
                }
                if (Args.matches(w, "help")) {
                    w = args.nextArg();
                }
                if (dst != null) {
                    throw IpError.duparg2("to", w);
                }
                dst = Inet.getAddr(w, options.family());
            }
            args.advance();
        }
        if (dev == null || dst == null) {
            throw new IpError("Device and destination are required arguments.", 255);
        }
        MacAddress mac = null;
        if (lla != null && !lla.equals("null")) {
            mac = IpLink.lladdr(lla, n -> new NotSupportedException("ip neigh: a link-layer address of " + n + " bytes"));
        }
        String name = dev;
        NetDevice device = host.device(name).orElseThrow(() -> IpError.nodev(name));
        try {
            if (proxy) {
                // pneigh_create / pneigh_delete: an existing entry is simply updated
                if (cmd == Modify.DELETE) {
                    host.neigh().deleteProxy(dst, device);
                } else {
                    host.neigh().addProxy(dst, device, state == NudState.NUD_PERMANENT);
                }
                return 0;
            }
            switch (cmd) {
                case DELETE:
                    host.neigh().delete(dst, device);
                    break;
                case ADD:
                    host.neigh().add(dst, device, mac, state);
                    break;
                case CHANGE:
                    host.neigh().change(dst, device, mac, state);
                    break;
                default:
                    host.neigh().replace(dst, device, mac, state);
                    break;
            }
        } catch (KernelException e) {
            throw Rtnl.error(e);
        }
        return 0;
    }

    /** The selectors of {@code ip neigh show|flush}. */
    private static final class Filter {
        int state;
        NetDevice dev;
        Inet.Prefix pfx;
        boolean proxy;

        /** The device and prefix selectors, which proxy entries also obey. */
        boolean matches(ProxyNeighbour p) {
            if (dev != null && p.device() != dev) {
                return false;
            }
            return pfx == null || new Ipv4Prefix(pfx.address(), pfx.length()).contains(p.address());
        }

        /** {@code print_neigh}'s filter. */
        boolean matches(Neighbour n) {
            if (dev != null && n.device() != dev) {
                return false;
            }
            int bit = RtNames.nudBit(n.state());
            if ((state & bit) == 0 && (bit != 0 || (state & NUD_NONE_FILTER) == 0)) {
                return false;
            }
            return pfx == null || new Ipv4Prefix(pfx.address(), pfx.length()).contains(n.address());
        }
    }

    /** {@code do_show_or_flush}: by default PERMANENT and NOARP entries are neither flushed, nor NOARP shown. */
    private int showOrFlush(Args args, boolean flush) {
        Filter f = new Filter();
        if (flush) {
            if (!args.hasNext()) {
                throw new IpError("Flush requires arguments.", 1);
            }
            f.state = ~(NUD_PERMANENT | NUD_NOARP);
        } else {
            f.state = 0xFF & ~NUD_NOARP;
        }
        boolean stateGiven = false;
        String filterDev = null;
        int family = options.family();
        while (args.hasNext()) {
            String w = args.current();
            if (w.equals("dev")) {
                filterDev = args.nextArg();
            } else if (w.equals("nud")) {
                String v = args.nextArg();
                if (!stateGiven) {
                    stateGiven = true;
                    f.state = 0;
                }
                int bits;
                var s = RtNames.nud(v);
                if (s.isPresent()) {
                    bits = RtNames.nudBit(s.get());
                } else {
                    if (!v.equals("all")) {
                        throw IpError.invarg("nud state is bad", v);
                    }
                    bits = ~0;
                    if (flush) {
                        bits &= ~NUD_NOARP;
                    }
                }
                if (bits == 0) {
                    bits = NUD_NONE_FILTER;
                }
                f.state |= bits;
            } else if (w.equals("proxy")) {
                f.proxy = true;
            } else if (w.equals("master") || w.equals("vrf") || w.equals("unused")
                    || Args.matches(w, "protocol") || w.equals("nomaster")) {
                throw new NotSupportedException("ip neigh show " + w);
            } else {
                if (w.equals("to")) {
                    w = args.nextArg();
                }
                if (Args.matches(w, "help")) {
                    throw new NotSupportedException("ip neigh help");
                }
                f.pfx = Inet.getPrefix(w, family);
                family = Inet.AF_INET;
            }
            args.advance();
        }
        if (filterDev != null) {
            String name = filterDev;
            f.dev = host.device(name).orElseThrow(() -> IpError.nodev(name));
        }
        return flush ? flush(f) : show(f);
    }

    private int show(Filter f) {
        if (f.proxy) {
            for (ProxyNeighbour p : host.neigh().proxyEntries()) {
                if (f.matches(p)) {
                    ctx.out().println(p.address() + " "
                            + (f.dev == null && p.device() != null ? "dev " + p.device().name() + " " : "") + "proxy ");
                }
            }
            return 0;
        }
        for (Neighbour n : host.neigh().entries()) {
            if (f.matches(n)) {
                ctx.out().println(format(n, f));
            }
        }
        return 0;
    }

    /**
     * {@code print_neigh}: {@code ADDR [dev IF ][lladdr MAC ]STATE }, every
     * field followed by a space; with {@code -s} the cache info
     * ({@code print_cacheinfo}) and probe count come before the state, as
     * {@code  ref N used U/C/Dprobes P } (no space before {@code probes} in 6.1).
     */
    private String format(Neighbour n, Filter f) {
        StringBuilder sb = new StringBuilder();
        sb.append(n.address()).append(' ');
        if (f.dev == null) {
            sb.append("dev ").append(n.device().name()).append(' ');
        }
        if (n.lladdr() != null) {
            sb.append("lladdr ").append(n.lladdr()).append(' ');
        }
        if (options.stats() > 0) {
            if (n.refCount() != 0) {
                sb.append(" ref ").append(n.refCount());
            }
            long now = ctx.world().now();
            sb.append(" used ").append(seconds(now - n.used())).append('/').append(seconds(now - n.confirmed()))
                    .append('/').append(seconds(now - n.updated()));
            sb.append("probes ").append(n.probes()).append(' ');
        }
        if (n.state() != NudState.NUD_NONE) {
            sb.append(n.state().label()).append(' ');
        }
        return sb.toString();
    }

    /** {@code ndm_used} and friends are clock ticks; iproute2 divides them down to whole seconds. */
    private static long seconds(long nanos) {
        return Math.max(0, nanos) / 1_000_000_000L;
    }

    /** Rounds of dump-and-delete; FAILED entries are only taken in the first round. */
    private int flush(Filter f) {
        int round = 0;
        while (round < MAX_ROUNDS) {
            List<Object> victims = new ArrayList<>();
            if (f.proxy) {
                for (ProxyNeighbour p : host.neigh().proxyEntries()) {
                    if (f.matches(p)) {
                        victims.add(p);
                    }
                }
            } else {
                for (Neighbour n : host.neigh().entries()) {
                    if (f.matches(n)) {
                        victims.add(n);
                    }
                }
            }
            if (victims.isEmpty()) {
                options.flushDone(ctx, round);
                return 0;
            }
            round++;
            if (options.stats() > 1) {
                // with -s -s, print_neigh also prints each entry it queues for deletion
                for (Object v : victims) {
                    if (v instanceof Neighbour) {
                        ctx.out().println(format((Neighbour) v, f));
                    }
                }
            }
            if (f.proxy) {
                for (Object v : victims) {
                    ProxyNeighbour p = (ProxyNeighbour) v;
                    try {
                        host.neigh().deleteProxy(p.address(), p.device());
                    } catch (KernelException ignored) {
                        // already gone
                    }
                }
            } else {
                host.neigh().flush(victims::contains);
            }
            if (options.stats() > 0) {
                ctx.out().println();
                ctx.out().println("*** Round " + round + ", deleting " + victims.size() + " entries ***");
            }
            f.state &= ~NUD_FAILED;
        }
        ctx.out().println("*** Flush not complete bailing out after " + MAX_ROUNDS + " rounds");
        return 1;
    }
}
