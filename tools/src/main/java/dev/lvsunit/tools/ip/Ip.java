package dev.lvsunit.tools.ip;

import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;

/**
 * iproute2's {@code ip} (6.1.0): the global options and the dispatch to an
 * object ({@code ip/ip.c}). The objects lvsunit models are {@code address},
 * {@code link}, {@code route} and {@code neighbour}, and the listing of
 * {@code rule}; the others are not supported.
 */
final class Ip {

    /** {@code cmds[]} of {@code ip.c}, in order: an abbreviation picks the first it prefixes. */
    private static final List<String> OBJECTS = List.of(
            "address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour", "ntable", "ntbl",
            "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap", "token", "tcpmetrics",
            "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr", "nexthop",
            "mptcp", "ioam", "stats", "help");

    private static final String USAGE = String.join("\n",
            "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }",
            "       ip [ -force ] -batch filename",
            "where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |",
            "                   link | macsec | maddress | monitor | mptcp | mroute | mrule |",
            "                   neighbor | neighbour | netconf | netns | nexthop | ntable |",
            "                   ntbl | route | rule | sr | tap | tcpmetrics |",
            "                   token | tunnel | tuntap | vrf | xfrm }",
            "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |",
            "                    -h[uman-readable] | -iec | -j[son] | -p[retty] |",
            "                    -f[amily] { inet | inet6 | mpls | bridge | link } |",
            "                    -4 | -6 | -M | -B | -0 |",
            "                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |",
            "                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |",
            "                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |",
            "                    -c[olor]}");

    /**
     * The global options that change what the objects do.
     *
     * @param family {@link Inet#AF_UNSPEC}, {@link Inet#AF_INET} ({@code -4}) or
     *     {@link Inet#AF_PACKET} ({@code -0})
     * @param brief {@code -br}
     * @param stats how many {@code -s}
     * @param flushLoops {@code -l N}, the most flush rounds (0 means no limit)
     * @param oneline {@code -o}: each record on one line, {@code \\} where a line break was
     */
    record Options(int family, boolean brief, int stats, int flushLoops, boolean oneline) {

        /** iproute2's {@code _SL_}: the separator between the lines of one record. */
        String lineBreak() {
            return oneline ? "\\" : "\n";
        }

        /**
         * What a flush prints, with {@code -s}, when nothing is left to delete:
         * the same words in {@code ipaddress.c}, {@code iproute.c} and
         * {@code ipneigh.c}.
         */
        void flushDone(CommandContext ctx, int round) {
            if (stats == 0) {
                return;
            }
            if (round == 0) {
                ctx.out().println("Nothing to flush.");
            } else {
                ctx.out().println("*** Flush is complete after " + round + " round" + (round > 1 ? "s" : "") + " ***");
            }
        }
    }

    private Ip() {
    }

    static int run(CommandContext ctx, List<String> argv) {
        try {
            return main(ctx, argv);
        } catch (IpError e) {
            ctx.err().println(e.getMessage());
            return e.status();
        }
    }

    private static int main(CommandContext ctx, List<String> argv) {
        int family = Inet.AF_UNSPEC;
        boolean brief = false;
        boolean oneline = false;
        int stats = 0;
        int loops = 10;
        int i = 0;
        while (i < argv.size()) {
            String opt = argv.get(i);
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (!opt.startsWith("-")) {
                break;
            }
            if (opt.startsWith("--")) {
                opt = opt.substring(1);
            }
            if (Args.matches(opt, "-loops")) {
                i++;
                if (i >= argv.size()) {
                    throw usage();
                }
                loops = atoi(argv.get(i));
            } else if (Args.matches(opt, "-family")) {
                i++;
                if (i >= argv.size() || argv.get(i).equals("help")) {
                    throw usage();
                }
                family = family(argv.get(i));
            } else if (opt.equals("-4")) {
                family = Inet.AF_INET;
            } else if (opt.equals("-0")) {
                family = Inet.AF_PACKET;
            } else if (opt.equals("-6") || opt.equals("-M") || opt.equals("-B")) {
                throw new NotSupportedException("ip " + opt + " (lvsunit hosts speak IPv4 only)");
            } else if (Args.matches(opt, "-human") || Args.matches(opt, "-human-readable")
                    || Args.matches(opt, "-iec")) {
                throw new NotSupportedException("ip " + opt);
            } else if (Args.matches(opt, "-stats") || Args.matches(opt, "-statistics")) {
                stats++;
            } else if (Args.matches(opt, "-oneline")) {
                oneline = true;
            } else if (Args.matches(opt, "-details") || Args.matches(opt, "-resolve")) {
                throw new NotSupportedException("ip " + opt);
            } else if (Args.matches(opt, "-timestamp") || Args.matches(opt, "-tshort")
                    || Args.matches(opt, "-force")) {
                // only ip monitor and ip -batch look at these
            } else if (Args.matches(opt, "-Version")) {
                ctx.out().println("ip utility, iproute2-6.1.0, libbpf 1.1.2");
                return 0;
            } else if (Args.matches(opt, "-batch")) {
                throw new NotSupportedException("ip -batch");
            } else if (Args.matches(opt, "-brief")) {
                brief = true;
            } else if (Args.matches(opt, "-json") || Args.matches(opt, "-pretty")
                    || Args.matches(opt, "-rcvbuf") || isColor(opt) || Args.matches(opt, "-netns")
                    || Args.matches(opt, "-Numeric") || Args.matches(opt, "-all")) {
                throw new NotSupportedException("ip " + opt);
            } else if (Args.matches(opt, "-help")) {
                throw usage();
            } else {
                throw new IpError("Option \"" + opt + "\" is unknown, try \"ip -help\".", 255);
            }
            i++;
        }
        if (i >= argv.size()) {
            throw usage();
        }
        String object = argv.get(i);
        Options options = new Options(family, brief, stats, loops, oneline);
        Args args = new Args(argv.subList(i + 1, argv.size()));
        for (String candidate : OBJECTS) {
            if (Args.matches(object, candidate)) {
                return dispatch(ctx, candidate, options, args);
            }
        }
        throw new IpError("Object \"" + object + "\" is unknown, try \"ip help\".", 1);
    }

    private static int dispatch(CommandContext ctx, String object, Options options, Args args) {
        switch (object) {
            case "address":
                return new IpAddress(ctx, options).run(args);
            case "route":
                return new IpRoute(ctx, options).run(args);
            case "neighbor":
            case "neighbour":
                return new IpNeigh(ctx, options).run(args);
            case "link":
                return new IpLink(ctx, options).run(args);
            case "rule":
                if (options.family() == Inet.AF_PACKET) {
                    throw new NotSupportedException("ip -0 rule");
                }
                return new IpRule(ctx).run(args);
            case "help":
                throw usage();
            default:
                throw new NotSupportedException("ip " + object);
        }
    }

    /** {@code matches_color}: {@code -c}, {@code -color}, {@code -color=WHEN}. */
    private static boolean isColor(String opt) {
        int eq = opt.indexOf('=');
        return Args.matches(eq < 0 ? opt : opt.substring(0, eq), "-color");
    }

    /** {@code read_family}. */
    private static int family(String name) {
        switch (name) {
            case "inet":
                return Inet.AF_INET;
            case "link":
                return Inet.AF_PACKET;
            case "inet6":
            case "mpls":
            case "bridge":
                throw new NotSupportedException("ip -family " + name);
            default:
                throw IpError.invarg("invalid protocol family", name);
        }
    }

    /** C {@code atoi}: leading digits, 0 if none. */
    private static int atoi(String s) {
        int n = 0;
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i)) && n < 100_000_000) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        return negative ? -n : n;
    }

    /** {@code usage()} of ip.c: exit(-1). */
    static IpError usage() {
        return new IpError(USAGE, 255);
    }
}
