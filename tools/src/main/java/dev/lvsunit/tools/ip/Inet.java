package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.tools.spi.NotSupportedException;

/**
 * iproute2's address parsing ({@code lib/utils.c}: {@code get_addr_1},
 * {@code get_prefix_1}, {@code get_addr_ipv4}, {@code get_netmask},
 * {@code get_unsigned}). It is looser than dotted-quad: each part is a C
 * {@code strtoul} number (so {@code 010} is octal), missing parts are zero
 * ({@code 10/8} is {@code 10.0.0.0/8}), a prefix length may be a netmask, and
 * {@code default}, {@code any} and {@code all} mean 0/0.
 */
final class Inet {

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_PACKET = 17;

    /**
     * A parsed prefix.
     *
     * @param address the address, host bits kept
     * @param length the prefix length (32 when not given)
     * @param lengthSpecified whether {@code /N} (or default/any/all) was given
     */
    record Prefix(Ipv4Address address, int length, boolean lengthSpecified) {
    }

    private Inet() {
    }

    /** {@code family_name_verbose}. */
    static String familyName(int family) {
        switch (family) {
            case AF_INET:
                return "inet";
            case AF_PACKET:
                return "link";
            default:
                return "any valid";
        }
    }

    /** {@code get_addr}: an address or the tool's error (exit 1). */
    static Ipv4Address getAddr(String arg, int family) {
        Ipv4Address a = parseAddr(arg, family);
        if (a == null) {
            throw new IpError("Error: " + familyName(family) + " address is expected rather than \"" + arg + "\".", 1);
        }
        return a;
    }

    /** {@code get_prefix}: a prefix or the tool's error (exit 1). */
    static Prefix getPrefix(String arg, int family) {
        Prefix p = parsePrefix(arg, family);
        if (p == null) {
            throw new IpError("Error: " + familyName(family) + " prefix is expected rather than \"" + arg + "\".", 1);
        }
        return p;
    }

    /** {@code get_addr_1}, or {@code null}. */
    static Ipv4Address parseAddr(String name, int family) {
        if (name.equals("default") || name.equals("all") || name.equals("any")) {
            return Ipv4Address.ANY;
        }
        if (family == AF_PACKET) {
            return null;
        }
        if (name.indexOf(':') >= 0) {
            throw new NotSupportedException("ip: IPv6 address " + name + " (IPv6 is disabled on lvsunit hosts)");
        }
        if (family != AF_UNSPEC && family != AF_INET) {
            return null;
        }
        return parseIpv4(name);
    }

    /** {@code get_prefix_1}, or {@code null}. */
    static Prefix parsePrefix(String arg, int family) {
        if (arg.equals("default") || arg.equals("any") || arg.equals("all")) {
            return new Prefix(Ipv4Address.ANY, 0, true);
        }
        int slash = arg.indexOf('/');
        Ipv4Address a = parseAddr(slash < 0 ? arg : arg.substring(0, slash), family);
        if (a == null) {
            return null;
        }
        if (slash < 0) {
            return new Prefix(a, 32, false);
        }
        int plen = netmask(arg.substring(slash + 1));
        if (plen < 0 || plen > 32) {
            return null;
        }
        return new Prefix(a, plen, true);
    }

    /** {@code get_netmask}: a number or a contiguous dotted netmask; -1 if neither. */
    private static int netmask(String arg) {
        long n = unsigned(arg);
        if (n >= 0) {
            return n > 32 ? 33 : (int) n;
        }
        Ipv4Address mask = parseIpv4(arg);
        if (mask == null) {
            return -1;
        }
        int m = mask.bits();
        int len = Integer.bitCount(m);
        long expected = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return (m & 0xffffffffL) == expected ? len : -1;
    }

    /** {@code get_addr_ipv4}: up to four {@code strtoul} parts joined by dots. */
    static Ipv4Address parseIpv4(String cp) {
        int[] octets = new int[4];
        int pos = 0;
        for (int i = 0; i < 4; i++) {
            long[] parsed = strtoul(cp, pos);
            long n = parsed[0];
            int end = (int) parsed[1];
            if (n > 255) {
                return null;
            }
            if (end == pos) {
                return null;
            }
            octets[i] = (int) n;
            if (end == cp.length()) {
                break;
            }
            if (i == 3 || cp.charAt(end) != '.') {
                return null;
            }
            pos = end + 1;
        }
        return Ipv4Address.of(octets[0], octets[1], octets[2], octets[3]);
    }

    /**
     * {@code get_unsigned(val, arg, 0)} / {@code get_u32}: the whole word is a
     * C number (decimal, {@code 0x} hex or {@code 0} octal).
     *
     * @return the value, or -1 if the word is not a number up to 2^32-1
     */
    static long unsigned(String arg) {
        if (arg.isEmpty()) {
            return -1;
        }
        long[] parsed = strtoul(arg, 0);
        if (parsed[1] == 0 || parsed[1] != arg.length() || parsed[0] > 0xffffffffL) {
            return -1;
        }
        return parsed[0];
    }

    /**
     * C {@code strtoul(s + from, &end, 0)} for unsigned digits: returns
     * {value, end}; end == from when no digits were read.
     */
    private static long[] strtoul(String s, int from) {
        int i = from;
        int base = 10;
        if (i < s.length() && s.charAt(i) == '0') {
            if (i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                    && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                base = 16;
                i += 2;
            } else {
                base = 8;
            }
        }
        long value = 0;
        int start = i;
        while (i < s.length() && Character.digit(s.charAt(i), base) >= 0 && s.charAt(i) < 128) {
            // saturate: every caller refuses values beyond 2^32-1
            value = Math.min(value * base + Character.digit(s.charAt(i), base), 1L << 40);
            i++;
        }
        if (i == start && base != 8) {
            return new long[] {0, from};
        }
        return new long[] {value, i};
    }
}
