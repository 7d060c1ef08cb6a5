package dev.lvsunit.tools.ipvs;

import dev.lvsunit.engine.ipvs.DestSettings;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.ipvs.Ipvs;
import dev.lvsunit.engine.ipvs.IpvsException;
import dev.lvsunit.engine.ipvs.IpvsProtocol;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.ipvs.ServiceSettings;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.tools.libc.InetAton;
import dev.lvsunit.tools.spi.CommandContext;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;

/**
 * {@code ipvsadm} 1.31: option parsing as {@code parse_options} with libpopt,
 * the legality table {@code commands_v_options}, the checks of
 * {@code process_options}, then the request to the host's IPVS and the
 * listings of {@link IpvsadmListing}.
 *
 * <p>Exit statuses as the real tool: 0 success; 2 for every {@code fail()}
 * of the parser; 255 for popt errors and kernel refusals (the -1 that
 * {@code main} returns); 1 for {@code -L} of a missing service.
 *
 * <p>Not modelled: {@code -R} (the spec format has no standard input),
 * {@code -h}, the sync daemon ({@code --start-daemon}, {@code --stop-daemon}),
 * IPv6 ({@code -6} and bracketed addresses), SCTP services and host names
 * (addresses must be numeric; {@code inet_aton} forms are accepted).
 */
final class Ipvsadm {

    // commands (CMD_*)
    static final int CMD_NONE = 0;
    static final int CMD_ADD = 1;
    static final int CMD_EDIT = 2;
    static final int CMD_DEL = 3;
    static final int CMD_FLUSH = 4;
    static final int CMD_LIST = 5;
    static final int CMD_ADDDEST = 6;
    static final int CMD_DELDEST = 7;
    static final int CMD_EDITDEST = 8;
    static final int CMD_TIMEOUT = 9;
    static final int CMD_STARTDAEMON = 10;
    static final int CMD_STOPDAEMON = 11;
    static final int CMD_RESTORE = 12;
    static final int CMD_SAVE = 13;
    static final int CMD_ZERO = 14;

    static final String[] CMD_NAMES = {"add-service", "edit-service", "delete-service", "flush", "list",
        "add-server", "delete-server", "edit-server", "set", "start-daemon", "stop-daemon", "restore", "save",
        "zero"};

    // options (OPT_* bit numbers, in optnames order)
    static final int OPT_NUMERIC = 0;
    static final int OPT_CONNECTION = 1;
    static final int OPT_SERVICE = 2;
    static final int OPT_SCHEDULER = 3;
    static final int OPT_PERSISTENT = 4;
    static final int OPT_NETMASK = 5;
    static final int OPT_SERVER = 6;
    static final int OPT_FORWARD = 7;
    static final int OPT_WEIGHT = 8;
    static final int OPT_UTHRESHOLD = 9;
    static final int OPT_LTHRESHOLD = 10;
    static final int OPT_MCAST = 11;
    static final int OPT_TIMEOUT = 12;
    static final int OPT_DAEMON = 13;
    static final int OPT_STATS = 14;
    static final int OPT_RATE = 15;
    static final int OPT_THRESHOLDS = 16;
    static final int OPT_PERSISTENTCONN = 17;
    static final int OPT_NOSORT = 18;
    static final int OPT_SYNCID = 19;
    static final int OPT_EXACT = 20;
    static final int OPT_ONEPACKET = 21;
    static final int OPT_PE = 22;
    static final int OPT_SCHED_FLAGS = 23;
    static final int OPT_MCAST_GROUP = 24;
    static final int OPT_MCAST_PORT = 25;
    static final int OPT_MCAST_TTL = 26;
    static final int OPT_SYNC_MAXLEN = 27;
    static final int OPT_TUN_INFO = 28;
    static final int OPT_TUN_TYPE = 29;
    static final int OPT_TUN_PORT = 30;
    static final int OPT_TUN_NOCSUM = 31;
    static final int OPT_TUN_CSUM = 32;
    static final int OPT_TUN_REMCSUM = 33;

    static final String[] OPT_NAMES = {"numeric", "connection", "service-address", "scheduler", "persistent",
        "netmask", "real-server", "forwarding-method", "weight", "u-threshold", "l-threshold", "mcast-interface",
        "timeout", "daemon", "stats", "rate", "thresholds", "persistent-conn", "nosort", "syncid", "exact", "ops",
        "pe", "sched-flags", "mcast-group", "mcast-port", "mcast-ttl", "sync-maxlen", "tun-info", "tun-type",
        "tun-port", "tun-nocsum", "tun-csum", "tun-remcsum"};

    /**
     * {@code commands_v_options}: '+' compulsory, 'x' illegal, '1' exclusive, ' ' optional.
     * Columns in {@link #OPT_NAMES} order.
     */
    static final String[] COMMANDS_V_OPTIONS = {
        //  -n -c svc -s -p -M -r fwd -w -x -y mc tot dmn st rt thr pc srt sid ex ops pe -b grp prt ttl sz tinf typ tprt nocs csum rcsm
        "xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx", // ADD
        "xx+   xxxxxxxxxxxxxxx   xxxxxxxxxx", // EDIT
        "xx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // DEL
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // FLUSH
        " 11xxxxxxxxx11       xxxxxxxxxxxxx", // LIST
        "xx+xxx+    xxxxxxxxxxxxxxxxx      ", // ADDSRV
        "xx+xxx+xxxxxxxxxxxxxxxxxxxxxxxxxxx", // DELSRV
        "xx+xxx+    xxxxxxxxxxxxxxxxx      ", // EDITSRV
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // TIMEOUT
        "xxxxxxxxxxx xxxxxxx xxxx    xxxxxx", // STARTD
        "xxxxxxxxxxxxxxxxxxx xxxxxxxxxxxxxx", // STOPD
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // RESTORE
        " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // SAVE
        "xx xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", // ZERO
    };

    /** {@code MAX_TIMEOUT}: 31 days. */
    static final int MAX_TIMEOUT = 86400 * 31;
    /** {@code IPVS_SVC_PERSISTENT_TIMEOUT}. */
    static final int PERSISTENT_TIMEOUT = 6 * 60;

    // popt tags
    private static final int TAG_SET = 128;
    private static final int TAG_START_DAEMON = 129;
    private static final int TAG_STOP_DAEMON = 130;
    private static final int TAG_MCAST_INTERFACE = 131;
    private static final int TAG_TIMEOUT = 132;
    private static final int TAG_DAEMON = 133;
    private static final int TAG_STATS = 134;
    private static final int TAG_RATE = 135;
    private static final int TAG_THRESHOLDS = 136;
    private static final int TAG_PERSISTENTCONN = 137;
    private static final int TAG_SORT = 138;
    private static final int TAG_NO_SORT = 139;
    private static final int TAG_PERSISTENCE_ENGINE = 140;
    private static final int TAG_SCTP_SERVICE = 141;
    private static final int TAG_MCAST_GROUP = 142;
    private static final int TAG_MCAST_PORT = 143;
    private static final int TAG_MCAST_TTL = 144;
    private static final int TAG_SYNC_MAXLEN = 145;
    private static final int TAG_TUN_TYPE = 146;
    private static final int TAG_TUN_PORT = 147;
    private static final int TAG_TUN_NOCSUM = 148;
    private static final int TAG_TUN_CSUM = 149;
    private static final int TAG_TUN_REMCSUM = 150;

    private static final List<Popt.Option> TABLE = List.of(
            opt("add-service", 'A', Popt.Arg.NONE, 'A'),
            opt("edit-service", 'E', Popt.Arg.NONE, 'E'),
            opt("delete-service", 'D', Popt.Arg.NONE, 'D'),
            opt("clear", 'C', Popt.Arg.NONE, 'C'),
            opt("list", 'L', Popt.Arg.NONE, 'L'),
            opt("list", 'l', Popt.Arg.NONE, 'l'),
            opt("zero", 'Z', Popt.Arg.NONE, 'Z'),
            opt("add-server", 'a', Popt.Arg.NONE, 'a'),
            opt("edit-server", 'e', Popt.Arg.NONE, 'e'),
            opt("delete-server", 'd', Popt.Arg.NONE, 'd'),
            opt("set", '\0', Popt.Arg.NONE, TAG_SET),
            opt("help", 'h', Popt.Arg.NONE, 'h'),
            opt("version", 'v', Popt.Arg.NONE, 'v'),
            opt("restore", 'R', Popt.Arg.NONE, 'R'),
            opt("save", 'S', Popt.Arg.NONE, 'S'),
            opt("start-daemon", '\0', Popt.Arg.REQUIRED, TAG_START_DAEMON),
            opt("stop-daemon", '\0', Popt.Arg.REQUIRED, TAG_STOP_DAEMON),
            opt("tcp-service", 't', Popt.Arg.REQUIRED, 't'),
            opt("udp-service", 'u', Popt.Arg.REQUIRED, 'u'),
            opt("sctp-service", '\0', Popt.Arg.REQUIRED, TAG_SCTP_SERVICE),
            opt("fwmark-service", 'f', Popt.Arg.REQUIRED, 'f'),
            opt("scheduler", 's', Popt.Arg.REQUIRED, 's'),
            opt("persistent", 'p', Popt.Arg.OPTIONAL, 'p'),
            opt("netmask", 'M', Popt.Arg.REQUIRED, 'M'),
            opt("real-server", 'r', Popt.Arg.REQUIRED, 'r'),
            opt("masquerading", 'm', Popt.Arg.NONE, 'm'),
            opt("ipip", 'i', Popt.Arg.NONE, 'i'),
            opt("gatewaying", 'g', Popt.Arg.NONE, 'g'),
            opt("weight", 'w', Popt.Arg.REQUIRED, 'w'),
            opt("u-threshold", 'x', Popt.Arg.REQUIRED, 'x'),
            opt("l-threshold", 'y', Popt.Arg.REQUIRED, 'y'),
            opt("numeric", 'n', Popt.Arg.NONE, 'n'),
            opt("connection", 'c', Popt.Arg.NONE, 'c'),
            opt("mcast-interface", '\0', Popt.Arg.REQUIRED, TAG_MCAST_INTERFACE),
            opt("syncid", '\0', Popt.Arg.REQUIRED, 'I'),
            opt("timeout", '\0', Popt.Arg.NONE, TAG_TIMEOUT),
            opt("daemon", '\0', Popt.Arg.NONE, TAG_DAEMON),
            opt("stats", '\0', Popt.Arg.NONE, TAG_STATS),
            opt("rate", '\0', Popt.Arg.NONE, TAG_RATE),
            opt("thresholds", '\0', Popt.Arg.NONE, TAG_THRESHOLDS),
            opt("persistent-conn", '\0', Popt.Arg.NONE, TAG_PERSISTENTCONN),
            opt("nosort", '\0', Popt.Arg.NONE, TAG_NO_SORT),
            opt("sort", '\0', Popt.Arg.NONE, TAG_SORT),
            opt("exact", 'X', Popt.Arg.NONE, 'X'),
            opt("ipv6", '6', Popt.Arg.NONE, '6'),
            opt("ops", 'o', Popt.Arg.NONE, 'o'),
            opt("pe", '\0', Popt.Arg.REQUIRED, TAG_PERSISTENCE_ENGINE),
            opt("sched-flags", 'b', Popt.Arg.REQUIRED, 'b'),
            opt("mcast-group", '\0', Popt.Arg.REQUIRED, TAG_MCAST_GROUP),
            opt("mcast-port", '\0', Popt.Arg.REQUIRED, TAG_MCAST_PORT),
            opt("mcast-ttl", '\0', Popt.Arg.REQUIRED, TAG_MCAST_TTL),
            opt("sync-maxlen", '\0', Popt.Arg.REQUIRED, TAG_SYNC_MAXLEN),
            opt("tun-type", '\0', Popt.Arg.REQUIRED, TAG_TUN_TYPE),
            opt("tun-port", '\0', Popt.Arg.REQUIRED, TAG_TUN_PORT),
            opt("tun-nocsum", '\0', Popt.Arg.NONE, TAG_TUN_NOCSUM),
            opt("tun-csum", '\0', Popt.Arg.NONE, TAG_TUN_CSUM),
            opt("tun-remcsum", '\0', Popt.Arg.NONE, TAG_TUN_REMCSUM));

    private static Popt.Option opt(String name, char c, Popt.Arg arg, int tag) {
        return new Popt.Option(name, c, arg, tag);
    }

    /** {@code fail()}: message to stderr, exit with the given status. */
    static final class Fail extends RuntimeException {
        final int status;

        Fail(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** What one command line asks for ({@code struct ipvs_command_entry}). */
    private static final class Entry {
        int cmd = CMD_NONE;
        IpvsProtocol protocol = IpvsProtocol.TCP;
        Ipv4Address vaddr = Ipv4Address.ANY;
        int vport;
        long fwmark;
        String sched = "";
        boolean persistent;
        int timeout;
        Ipv4Address netmask = Ipv4Address.BROADCAST;
        boolean onePacket;
        String pe;
        String schedFlags;
        Ipv4Address daddr;
        int dport;
        ForwardMethod fwd = ForwardMethod.DROUTE;
        int weight = 1;
        int uThreshold;
        int lThreshold;
        String tunType;
        int[] setTimeouts;
    }

    private final CommandContext ctx;
    private final String program;

    Ipvsadm(CommandContext ctx, String program) {
        this.ctx = ctx;
        this.program = program;
    }

    /** Runs {@code ipvsadm ARGS}; returns the exit status. */
    int run(List<String> args) {
        Ipvs ipvs = ctx.host().ipvs(); // ipvs_init, with modprobe_ipvs on first use
        if (args.isEmpty()) {
            new IpvsadmListing(ctx, ipvs).listAll(0);
            return 0;
        }
        try {
            return process(ipvs, args);
        } catch (Fail f) {
            ctx.err().println(f.getMessage());
            return f.status;
        }
    }

    private Fail tryHelp() {
        return new Fail(255, "Try `" + program + " -h' or '" + program + " --help' for more information.");
    }

    private static void setCommand(Entry ce, int cmd) {
        if (ce.cmd != CMD_NONE) {
            throw new Fail(2, "multiple commands specified");
        }
        ce.cmd = cmd;
    }

    private static long setOption(long options, int bit) {
        if ((options & (1L << bit)) != 0) {
            throw new Fail(2, "multiple '" + OPT_NAMES[bit] + "' options specified");
        }
        return options | (1L << bit);
    }

    /** {@code process_options}. */
    private int process(Ipvs ipvs, List<String> args) {
        Entry ce = new Entry();
        Popt popt = new Popt(TABLE, args);
        Popt.Event first = popt.next();
        if (first == null || first.isError()) {
            throw tryHelp();
        }
        switch (first.tag()) {
            case 'A' -> setCommand(ce, CMD_ADD);
            case 'E' -> setCommand(ce, CMD_EDIT);
            case 'D' -> setCommand(ce, CMD_DEL);
            case 'a' -> setCommand(ce, CMD_ADDDEST);
            case 'e' -> setCommand(ce, CMD_EDITDEST);
            case 'd' -> setCommand(ce, CMD_DELDEST);
            case 'C' -> setCommand(ce, CMD_FLUSH);
            case 'L', 'l' -> setCommand(ce, CMD_LIST);
            case 'Z' -> setCommand(ce, CMD_ZERO);
            case TAG_SET -> setCommand(ce, CMD_TIMEOUT);
            case 'R' -> throw new NotSupportedException("ipvsadm -R: a spec has no standard input to restore from");
            case 'S' -> setCommand(ce, CMD_SAVE);
            case TAG_START_DAEMON, TAG_STOP_DAEMON -> throw new NotSupportedException("ipvsadm sync daemon");
            case 'h' -> throw new NotSupportedException("ipvsadm -h");
            case 'v' -> {
                ctx.out().println("ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v" + Ipvs.VERSION + ")");
                return 0;
            }
            default -> throw tryHelp();
        }
        long options = 0;
        int format = 0;
        Popt.Event ev;
        while ((ev = popt.next()) != null) {
            if (ev.isError()) {
                ctx.err().println(ev.badOption() + ": " + ev.error());
                return 255;
            }
            String optarg = ev.arg();
            switch (ev.tag()) {
                case 'A', 'E', 'D', 'a', 'e', 'd', 'C', 'L', 'l', 'Z', TAG_SET, 'R', 'S', TAG_START_DAEMON,
                        TAG_STOP_DAEMON, 'h', 'v' -> setCommand(ce, -1);
                case 't', 'u' -> {
                    options = setOption(options, OPT_SERVICE);
                    ce.protocol = ev.tag() == 't' ? IpvsProtocol.TCP : IpvsProtocol.UDP;
                    int[] svc = parseService(optarg, ce.protocol, ce.vport);
                    if (svc == null || (svc[2] & 1) == 0) {
                        throw new Fail(2, "illegal virtual server address[:port] specified");
                    }
                    ce.vaddr = new Ipv4Address(svc[0]);
                    ce.vport = svc[1];
                }
                case TAG_SCTP_SERVICE -> throw new NotSupportedException("ipvsadm --sctp-service");
                case 'f' -> {
                    options = setOption(options, OPT_SERVICE);
                    ce.protocol = IpvsProtocol.TCP;
                    ce.fwmark = parseFwmark(optarg);
                }
                case 's' -> {
                    options = setOption(options, OPT_SCHEDULER);
                    ce.sched = optarg.length() > 15 ? optarg.substring(0, 15) : optarg;
                }
                case 'p' -> {
                    options = setOption(options, OPT_PERSISTENT);
                    ce.persistent = true;
                    ce.timeout = optarg == null ? PERSISTENT_TIMEOUT : parseTimeout(optarg, 1, MAX_TIMEOUT);
                }
                case 'M' -> {
                    options = setOption(options, OPT_NETMASK);
                    Ipv4Address m = InetAton.inetAton(optarg).orElse(null);
                    if (m == null) {
                        throw new Fail(2, "illegal virtual server persistent mask specified");
                    }
                    ce.netmask = m;
                }
                case 'r' -> {
                    options = setOption(options, OPT_SERVER);
                    int[] d = parseService(optarg, ce.protocol, ce.vport);
                    if (d == null || (d[2] & 1) == 0) {
                        throw new Fail(2, "illegal real server address[:port] specified");
                    }
                    ce.daddr = new Ipv4Address(d[0]);
                    // copy vport to dport if not specified
                    ce.dport = (d[2] & 2) == 0 ? ce.vport : d[1];
                }
                case 'i' -> {
                    options = setOption(options, OPT_FORWARD);
                    ce.fwd = ForwardMethod.TUNNEL;
                }
                case 'g' -> {
                    options = setOption(options, OPT_FORWARD);
                    ce.fwd = ForwardMethod.DROUTE;
                }
                case 'm' -> {
                    options = setOption(options, OPT_FORWARD);
                    ce.fwd = ForwardMethod.MASQ;
                }
                case 'w' -> {
                    options = setOption(options, OPT_WEIGHT);
                    ce.weight = stringToNumber(optarg, 0, 65535);
                    if (ce.weight == -1) {
                        throw new Fail(2, "illegal weight specified");
                    }
                }
                case 'x' -> {
                    options = setOption(options, OPT_UTHRESHOLD);
                    ce.uThreshold = stringToNumber(optarg, 0, Integer.MAX_VALUE);
                    if (ce.uThreshold == -1) {
                        throw new Fail(2, "illegal u_threshold specified");
                    }
                }
                case 'y' -> {
                    options = setOption(options, OPT_LTHRESHOLD);
                    ce.lThreshold = stringToNumber(optarg, 0, Integer.MAX_VALUE);
                    if (ce.lThreshold == -1) {
                        throw new Fail(2, "illegal l_threshold specified");
                    }
                }
                case 'c' -> options = setOption(options, OPT_CONNECTION);
                case 'n' -> {
                    options = setOption(options, OPT_NUMERIC);
                    format |= IpvsadmListing.FMT_NUMERIC;
                }
                case TAG_MCAST_INTERFACE -> options = setOption(options, OPT_MCAST);
                case 'I' -> options = setOption(options, OPT_SYNCID);
                case TAG_TIMEOUT -> options = setOption(options, OPT_TIMEOUT);
                case TAG_DAEMON -> options = setOption(options, OPT_DAEMON);
                case TAG_STATS -> {
                    options = setOption(options, OPT_STATS);
                    format |= IpvsadmListing.FMT_STATS;
                }
                case TAG_RATE -> {
                    options = setOption(options, OPT_RATE);
                    format |= IpvsadmListing.FMT_RATE;
                }
                case TAG_THRESHOLDS -> {
                    options = setOption(options, OPT_THRESHOLDS);
                    format |= IpvsadmListing.FMT_THRESHOLDS;
                }
                case TAG_PERSISTENTCONN -> {
                    options = setOption(options, OPT_PERSISTENTCONN);
                    format |= IpvsadmListing.FMT_PERSISTENTCONN;
                }
                case TAG_NO_SORT -> {
                    options = setOption(options, OPT_NOSORT);
                    format |= IpvsadmListing.FMT_NOSORT;
                }
                case TAG_SORT -> {
                    // "Sort is the default, this is a no-op for compatibility"
                }
                case 'X' -> {
                    options = setOption(options, OPT_EXACT);
                    format |= IpvsadmListing.FMT_EXACT;
                }
                case '6' -> {
                    if (ce.fwmark != 0) {
                        throw new NotSupportedException("IPv6 fwmark services");
                    }
                    throw new Fail(2, "-6 used before -f\n");
                }
                case 'o' -> {
                    options = setOption(options, OPT_ONEPACKET);
                    ce.onePacket = true;
                }
                case TAG_PERSISTENCE_ENGINE -> {
                    options = setOption(options, OPT_PE);
                    ce.pe = optarg;
                }
                case 'b' -> {
                    options = setOption(options, OPT_SCHED_FLAGS);
                    ce.schedFlags = optarg;
                }
                case TAG_MCAST_GROUP -> options = setOption(options, OPT_MCAST_GROUP);
                case TAG_MCAST_PORT -> options = setOption(options, OPT_MCAST_PORT);
                case TAG_MCAST_TTL -> options = setOption(options, OPT_MCAST_TTL);
                case TAG_SYNC_MAXLEN -> options = setOption(options, OPT_SYNC_MAXLEN);
                case TAG_TUN_TYPE -> {
                    options = setOption(options, OPT_TUN_TYPE);
                    if (!optarg.equals("ipip") && !optarg.equals("gue") && !optarg.equals("gre")) {
                        throw new Fail(2, "unknown tunnel type `" + optarg + "'");
                    }
                    ce.tunType = optarg;
                }
                case TAG_TUN_PORT -> options = setOption(options, OPT_TUN_PORT);
                case TAG_TUN_NOCSUM -> options = setOption(options, OPT_TUN_NOCSUM);
                case TAG_TUN_CSUM -> options = setOption(options, OPT_TUN_CSUM);
                case TAG_TUN_REMCSUM -> options = setOption(options, OPT_TUN_REMCSUM);
                default -> throw new Fail(2, "invalid option `" + ev.badOption() + "'");
            }
        }
        if (ce.cmd == CMD_TIMEOUT) {
            String a = popt.nextArg();
            String b = a == null ? null : popt.nextArg();
            String c = b == null ? null : popt.nextArg();
            if (c == null) {
                throw new Fail(2, "--set option requires 3 timeout values");
            }
            ce.setTimeouts = new int[] {parseTimeout(a, 0, MAX_TIMEOUT), parseTimeout(b, 0, MAX_TIMEOUT),
                parseTimeout(c, 0, MAX_TIMEOUT)};
        }
        String extra = popt.nextArg();
        if (extra != null) {
            throw new Fail(2, "unexpected argument " + extra);
        }

        genericOptCheck(ce.cmd, options);

        if (ce.cmd == CMD_ADD || ce.cmd == CMD_EDIT) {
            if (ce.fwmark == 0 && ce.vport == 0 && !ce.persistent) {
                throw new Fail(2, "Zero port specified for non-persistent service");
            }
            if (ce.onePacket && ce.fwmark == 0 && ce.protocol != IpvsProtocol.UDP) {
                throw new Fail(2, "One-Packet Scheduling is only for UDP virtual services");
            }
            if (ce.sched.isEmpty()) {
                ce.sched = "wlc";
            }
        }
        int schedFlags = ce.schedFlags == null ? 0 : parseSchedFlags(ce.sched, ce.schedFlags);
        if (ce.cmd == CMD_ADDDEST || ce.cmd == CMD_EDITDEST) {
            if (ce.fwmark == 0 && (ce.fwd == ForwardMethod.TUNNEL || ce.fwd == ForwardMethod.DROUTE)) {
                ce.dport = ce.vport;
            }
            long tunOpts = (1L << OPT_TUN_TYPE) | (1L << OPT_TUN_PORT) | (1L << OPT_TUN_NOCSUM)
                    | (1L << OPT_TUN_CSUM) | (1L << OPT_TUN_REMCSUM);
            if ((options & tunOpts) != 0) {
                if (ce.fwd != ForwardMethod.TUNNEL) {
                    throw new Fail(2, "Tunnel options conflict with forward method");
                }
                if (ce.tunType != null && !ce.tunType.equals("ipip")) {
                    throw new NotSupportedException("ipvsadm --tun-type " + ce.tunType);
                }
                if ((options & ~(1L << OPT_TUN_TYPE) & tunOpts) != 0) {
                    throw new NotSupportedException("ipvsadm tunnel port and checksum options");
                }
            }
        }

        ServiceKey key = ce.fwmark != 0 ? ServiceKey.fwmark(ce.fwmark)
                : new ServiceKey(ce.protocol, ce.vaddr, ce.vport, 0);
        IpvsadmListing listing = new IpvsadmListing(ctx, ipvs);
        switch (ce.cmd) {
            case CMD_LIST:
                if (((options & bits(OPT_CONNECTION, OPT_TIMEOUT, OPT_DAEMON)) != 0
                        && (options & bits(OPT_STATS, OPT_RATE, OPT_THRESHOLDS)) != 0)
                        || ((options & bits(OPT_TIMEOUT, OPT_DAEMON)) != 0
                        && (options & bits(OPT_PERSISTENTCONN)) != 0)) {
                    throw new Fail(2, "options conflicts in the list command");
                }
                if ((options & bits(OPT_CONNECTION)) != 0) {
                    listing.listConnections(format);
                } else if ((options & bits(OPT_SERVICE)) != 0) {
                    if (!listing.listService(key, format)) {
                        ctx.err().println("No such service");
                        return 1;
                    }
                } else if ((options & bits(OPT_TIMEOUT)) != 0) {
                    int[] t = ipvs.timeouts();
                    ctx.out().println("Timeout (tcp tcpfin udp): " + t[0] + " " + t[1] + " " + t[2]);
                } else if ((options & bits(OPT_DAEMON)) == 0) {
                    listing.listAll(format);
                }
                return 0;
            case CMD_SAVE:
                listing.listAll(format | IpvsadmListing.FMT_RULE);
                return 0;
            default:
                break;
        }
        try {
            switch (ce.cmd) {
                case CMD_FLUSH -> ipvs.flush();
                case CMD_ADD -> ipvs.addService(key, settings(ce, schedFlags));
                case CMD_EDIT -> ipvs.editService(key, settings(ce, schedFlags));
                case CMD_DEL -> ipvs.deleteService(key);
                case CMD_ZERO -> ipvs.zero((options & bits(OPT_SERVICE)) != 0 ? key : null);
                case CMD_ADDDEST -> ipvs.addDest(key, dest(ce));
                case CMD_EDITDEST -> ipvs.editDest(key, dest(ce));
                case CMD_DELDEST -> ipvs.deleteDest(key, ce.daddr, ce.dport);
                case CMD_TIMEOUT -> ipvs.setTimeouts(ce.setTimeouts[0], ce.setTimeouts[1], ce.setTimeouts[2]);
                default -> throw new IllegalStateException("command " + ce.cmd);
            }
        } catch (IpvsException e) {
            ctx.err().println(strerror(ce.cmd, e.error()));
            return 255;
        }
        return 0;
    }

    private static long bits(int... opts) {
        long b = 0;
        for (int o : opts) {
            b |= 1L << o;
        }
        return b;
    }

    private static ServiceSettings settings(Entry ce, int schedFlags) {
        return new ServiceSettings(ce.sched, ce.persistent, ce.persistent ? ce.timeout : 0, ce.netmask,
                ce.onePacket, schedFlags, ce.pe);
    }

    private static DestSettings dest(Entry ce) {
        return new DestSettings(ce.daddr, ce.dport, ce.fwd, ce.weight, ce.uThreshold, ce.lThreshold);
    }

    /** {@code ipvs_strerror}: the per-operation table, then the generic one. */
    static String strerror(int cmd, IpvsException.Error error) {
        switch (error) {
            case EEXIST:
                if (cmd == CMD_ADD) {
                    return "Service already exists";
                }
                if (cmd == CMD_ADDDEST) {
                    return "Destination already exists";
                }
                return "File exists";
            case ENOENT:
                if (cmd == CMD_ADD || cmd == CMD_EDIT) {
                    return "Scheduler or persistence engine not found";
                }
                if (cmd == CMD_EDITDEST || cmd == CMD_DELDEST) {
                    return "No such destination";
                }
                return "No such file or directory";
            case ESRCH:
                if (cmd == CMD_ADDDEST || cmd == CMD_EDITDEST || cmd == CMD_DELDEST) {
                    return "Service not defined";
                }
                if (cmd == CMD_EDIT || cmd == CMD_DEL || cmd == CMD_ZERO) {
                    return "No such service";
                }
                return "No such process";
            case EINVAL:
                return "Invalid operation.  Possibly wrong module version, address not unicast, ...";
            case ERANGE:
                return "Numerical result out of range";
            default:
                throw new IllegalStateException(error.name());
        }
    }

    /** {@code generic_opt_check}. */
    static void genericOptCheck(int command, long options) {
        String row = COMMANDS_V_OPTIONS[command - 1];
        int last = 0;
        int count = 0;
        for (int j = 0; j < OPT_NAMES.length; j++) {
            char c = row.charAt(j);
            if ((options & (1L << j)) == 0) {
                if (c == '+') {
                    throw new Fail(2, "You need to supply the '" + OPT_NAMES[j] + "' option for the '"
                            + CMD_NAMES[command - 1] + "' command");
                }
            } else {
                if (c == 'x') {
                    throw new Fail(2, "Illegal '" + OPT_NAMES[j] + "' option with the '" + CMD_NAMES[command - 1]
                            + "' command");
                }
                if (c == '1') {
                    count++;
                    if (count == 1) {
                        last = j;
                        continue;
                    }
                    throw new Fail(2, "The option '" + OPT_NAMES[j] + "' conflicts with the '" + OPT_NAMES[last]
                            + "' option in the '" + CMD_NAMES[command - 1] + "' command");
                }
            }
        }
    }

    /** {@code string_to_number}: strtol in base 10, the whole word, within [min, max]; else -1. */
    static int stringToNumber(String s, int min, int max) {
        String t = s;
        int i = 0;
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        String num = t.substring(i);
        if (!num.matches("[+-]?[0-9]+")) {
            return -1;
        }
        try {
            long v = Long.parseLong(num.startsWith("+") ? num.substring(1) : num);
            return v >= min && v <= max ? (int) v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code parse_timeout}. */
    static int parseTimeout(String buf, int min, int max) {
        int i = stringToNumber(buf, min, max);
        if (i == -1) {
            throw new Fail(2, "invalid timeout value `" + buf + "' specified");
        }
        return i;
    }

    /** {@code parse_fwmark}: strtol, positive, at most UINT_MAX. */
    static long parseFwmark(String buf) {
        if (buf.matches("\\s*[+-]?[0-9]+")) {
            try {
                long l = Long.parseLong(buf.strip().replace("+", ""));
                if (l > 0 && l <= 0xffffffffL) {
                    return l;
                }
            } catch (NumberFormatException e) {
                // out of range: fall through
            }
        }
        throw new Fail(2, "invalid fwmark value `" + buf + "' specified");
    }

    /**
     * {@code parse_service}: {@code addr[:port]} with the port a number or a
     * service name. Returns {address bits, port, flags (1 address, 2 port)}
     * or {@code null} (SERVICE_NONE).
     */
    static int[] parseService(String buf, IpvsProtocol protocol, int defaultPort) {
        if (buf == null || buf.isEmpty() || buf.chars().allMatch(Character::isDigit)) {
            return null;
        }
        if (buf.startsWith("[")) {
            throw new NotSupportedException("IPv6 addresses");
        }
        String host = buf;
        String port = null;
        int colon = buf.lastIndexOf(':');
        if (colon >= 0) {
            host = buf.substring(0, colon);
            port = buf.substring(colon + 1);
        }
        Ipv4Address a = InetAton.inetAton(host).orElse(null);
        if (a == null) {
            return null;
        }
        int flags = 1;
        int p = defaultPort;
        if (port != null) {
            flags |= 2;
            p = stringToNumber(port, 0, 65535);
            if (p == -1) {
                p = Services.port(port, protocol.number()).orElse(-1);
                if (p == -1) {
                    return null;
                }
            }
        }
        return new int[] {a.bits(), p, flags};
    }

    /** {@code parse_sched_flags}. */
    static int parseSchedFlags(String sched, String optarg) {
        int flags = 0;
        for (String flag : optarg.split(",", -1)) {
            switch (flag) {
                case "flag-1" -> flags |= ServiceSettings.SCHED1;
                case "flag-2" -> flags |= ServiceSettings.SCHED2;
                case "flag-3" -> flags |= ServiceSettings.SCHED3;
                case "sh-fallback", "sh-port" -> {
                    flags |= flag.equals("sh-fallback") ? ServiceSettings.SCHED1 : ServiceSettings.SCHED2;
                    if (!sched.isEmpty() && !sched.equals("sh")) {
                        throw new Fail(2, "incompatible scheduler flag `" + flag + "'");
                    }
                }
                case "mh-fallback", "mh-port" -> {
                    flags |= flag.equals("mh-fallback") ? ServiceSettings.SCHED1 : ServiceSettings.SCHED2;
                    if (!sched.isEmpty() && !sched.equals("mh")) {
                        throw new Fail(2, "incompatible scheduler flag `" + flag + "'");
                    }
                }
                default -> throw new Fail(2, "invalid scheduler flag `" + flag + "'");
            }
        }
        return flags;
    }
}
