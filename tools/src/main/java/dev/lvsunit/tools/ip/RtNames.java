package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The names iproute2 reads and prints for numbers ({@code lib/rt_names.c}
 * with Debian's {@code /etc/iproute2} files): tables, protocols, scopes,
 * route types and NUD states.
 */
final class RtNames {

    private static final Map<Integer, String> PROTOCOLS = new TreeMap<>();

    static {
        PROTOCOLS.put(0, "unspec");
        PROTOCOLS.put(1, "redirect");
        PROTOCOLS.put(2, "kernel");
        PROTOCOLS.put(3, "boot");
        PROTOCOLS.put(4, "static");
        PROTOCOLS.put(8, "gated");
        PROTOCOLS.put(9, "ra");
        PROTOCOLS.put(10, "mrt");
        PROTOCOLS.put(11, "zebra");
        PROTOCOLS.put(12, "bird");
        PROTOCOLS.put(13, "dnrouted");
        PROTOCOLS.put(14, "xorp");
        PROTOCOLS.put(15, "ntk");
        PROTOCOLS.put(16, "dhcp");
        PROTOCOLS.put(18, "keepalived");
        PROTOCOLS.put(42, "babel");
        PROTOCOLS.put(99, "openr");
        PROTOCOLS.put(186, "bgp");
        PROTOCOLS.put(187, "isis");
        PROTOCOLS.put(188, "ospf");
        PROTOCOLS.put(189, "rip");
        PROTOCOLS.put(192, "eigrp");
    }

    private RtNames() {
    }

    /** {@code rtnl_rtprot_n2a}. */
    static String protocol(int id) {
        return PROTOCOLS.getOrDefault(id, Integer.toString(id));
    }

    /** {@code rtnl_rtprot_a2n}: a name or a number up to 255. */
    static Optional<Integer> protocol(String word) {
        for (Map.Entry<Integer, String> e : PROTOCOLS.entrySet()) {
            if (e.getValue().equals(word)) {
                return Optional.of(e.getKey());
            }
        }
        long n = Inet.unsigned(word);
        return n >= 0 && n <= 255 ? Optional.of((int) n) : Optional.empty();
    }

    /** {@code rtnl_rttable_n2a}. */
    static String table(int id) {
        switch (id) {
            case Fib.RT_TABLE_LOCAL:
                return "local";
            case Fib.RT_TABLE_MAIN:
                return "main";
            case 253:
                return "default";
            default:
                return Integer.toString(id);
        }
    }

    /** {@code rtnl_rttable_a2n}: local, main, default, unspec or a number. */
    static Optional<Integer> table(String word) {
        switch (word) {
            case "local":
                return Optional.of(Fib.RT_TABLE_LOCAL);
            case "main":
                return Optional.of(Fib.RT_TABLE_MAIN);
            case "default":
                return Optional.of(253);
            case "unspec":
                return Optional.of(0);
            default:
                long n = Inet.unsigned(word);
                return n >= 0 ? Optional.of((int) n) : Optional.empty();
        }
    }

    /** {@code rtnl_rtscope_a2n}: a name or a number up to 255 (only the named scopes are modelled). */
    static Optional<RtScope> scope(String word) {
        Optional<RtScope> named = RtScope.byLabel(word);
        if (named.isPresent()) {
            return named;
        }
        long n = Inet.unsigned(word);
        if (n < 0 || n > 255) {
            return Optional.empty();
        }
        for (RtScope s : RtScope.values()) {
            if (s.value() == n) {
                return Optional.of(s);
            }
        }
        throw new NotSupportedException("ip: scope " + word);
    }

    /** {@code rtnl_rtntype_a2n}: a route type name (numbers are not modelled). */
    static Optional<RouteType> type(String word) {
        if (word.equals("xresolve")) {
            throw new NotSupportedException("ip: route type xresolve");
        }
        Optional<RouteType> named = RouteType.byLabel(word);
        if (named.isPresent()) {
            return named;
        }
        if (Inet.unsigned(word) >= 0) {
            throw new NotSupportedException("ip: numeric route type " + word);
        }
        return Optional.empty();
    }

    /** The {@code NUD_*} bit of a state, as in {@code ndm_state}. */
    static int nudBit(NudState state) {
        switch (state) {
            case NUD_INCOMPLETE:
                return 0x01;
            case NUD_REACHABLE:
                return 0x02;
            case NUD_STALE:
                return 0x04;
            case NUD_DELAY:
                return 0x08;
            case NUD_PROBE:
                return 0x10;
            case NUD_FAILED:
                return 0x20;
            case NUD_NOARP:
                return 0x40;
            case NUD_PERMANENT:
                return 0x80;
            default:
                return 0;
        }
    }

    /**
     * {@code nud_state_a2n}: {@code permanent}, {@code reachable} and
     * {@code failed} may be abbreviated; a number must be a single bit.
     */
    static Optional<NudState> nud(String word) {
        if (Args.matches(word, "permanent")) {
            return Optional.of(NudState.NUD_PERMANENT);
        }
        if (Args.matches(word, "reachable")) {
            return Optional.of(NudState.NUD_REACHABLE);
        }
        switch (word) {
            case "noarp":
                return Optional.of(NudState.NUD_NOARP);
            case "none":
                return Optional.of(NudState.NUD_NONE);
            case "stale":
                return Optional.of(NudState.NUD_STALE);
            case "incomplete":
                return Optional.of(NudState.NUD_INCOMPLETE);
            case "delay":
                return Optional.of(NudState.NUD_DELAY);
            case "probe":
                return Optional.of(NudState.NUD_PROBE);
            default:
                break;
        }
        if (Args.matches(word, "failed")) {
            return Optional.of(NudState.NUD_FAILED);
        }
        long n = Inet.unsigned(word);
        if (n < 0 || n >= 0x100 || (n & (n - 1)) != 0) {
            return Optional.empty();
        }
        for (NudState s : NudState.values()) {
            if (nudBit(s) == n) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
