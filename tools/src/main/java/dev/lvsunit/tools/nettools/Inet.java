package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.tools.libc.InetAton;
import java.util.Optional;

/**
 * The {@code inet} address family of net-tools ({@code lib/inet.c}): how
 * ifconfig, route and arp turn words into addresses and addresses into words.
 *
 * <p>Names resolve as on a Debian 12 host without DNS: {@code default} is
 * 0.0.0.0; {@code /etc/networks} knows {@code loopback} (127.0.0.0) and
 * {@code link-local} (169.254.0.0); {@code /etc/hosts} knows {@code localhost}.
 * Any other name fails, with the {@code herror} text recorded in a network
 * namespace of such a host.
 */
public final class Inet {

    /**
     * A resolved word.
     *
     * @param address the address
     * @param network whether it named a network ({@code default} or a
     *     {@code /etc/networks} name): {@code INET_resolve} returns 1
     */
    public record Resolved(Ipv4Address address, boolean network) {
    }

    private Inet() {
    }

    /**
     * {@code INET_resolve}: {@code default}, a dotted address, then (with
     * {@code hostFirst}, route's {@code -host} and {@code gw}) host names,
     * then network names, then host names.
     *
     * @throws LookupException naming the word, when nothing matches
     */
    public static Resolved resolve(String name, boolean hostFirst) throws LookupException {
        if (name.equals("default")) {
            return new Resolved(Ipv4Address.ANY, true);
        }
        Optional<Ipv4Address> dotted = InetAton.inetAton(name);
        if (dotted.isPresent()) {
            return new Resolved(dotted.get(), false);
        }
        if (hostFirst && name.equals("localhost")) {
            return new Resolved(Ipv4Address.of(127, 0, 0, 1), false);
        }
        if (name.equals("loopback")) {
            return new Resolved(Ipv4Address.of(127, 0, 0, 0), true);
        }
        if (name.equals("link-local")) {
            return new Resolved(Ipv4Address.of(169, 254, 0, 0), true);
        }
        if (name.equals("localhost")) {
            return new Resolved(Ipv4Address.of(127, 0, 0, 1), false);
        }
        throw new LookupException(name, hostFirst);
    }

    /**
     * {@code INET_getnetmask}: the mask of an {@code ADDR/PREFIX} word, with
     * the x86 shift of {@code 0xffffffff >> prefix} (a prefix of 32 gives mask
     * 0.0.0.0, 33 gives 128.0.0.0, as the real tools do).
     *
     * @return empty without a slash; the mask and the word before the slash otherwise
     * @throws IllegalArgumentException when the prefix is not a number ({@code getmask} returns -1)
     */
    public static Optional<Prefixed> getmask(String word) {
        int slash = word.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String number = word.substring(slash + 1);
        long prefix = strtoul(number);
        int shift = (int) (prefix & 31);
        int mask = ~(int) (0xffffffffL >>> shift);
        return Optional.of(new Prefixed(word.substring(0, slash), new Ipv4Address(mask), prefix));
    }

    /**
     * A word with a {@code /PREFIX}.
     *
     * @param address the word before the slash
     * @param mask the mask the prefix gives
     * @param prefix the prefix as written
     */
    public record Prefixed(String address, Ipv4Address mask, long prefix) {
    }

    /** {@code strtoul(s, &end, 0)} requiring {@code *end == 0}; an empty string is 0. */
    private static long strtoul(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        String t = s;
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0") && t.length() > 1) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            throw new IllegalArgumentException(s);
        }
        long v = 0;
        for (int i = 0; i < t.length(); i++) {
            int d = Character.digit(t.charAt(i), radix);
            if (d < 0 || t.charAt(i) > 'f' && t.charAt(i) > 'F') {
                throw new IllegalArgumentException(s);
            }
            v = Math.min(v * radix + d, 0xffffffffL);
        }
        return v;
    }

    /**
     * {@code INET_rresolve} for route's output without {@code -n}: 0.0.0.0 is
     * {@code default} for a destination, networks and hosts are looked up in
     * {@code /etc/networks} and {@code /etc/hosts} (no DNS), everything else
     * is numeric.
     *
     * @param destination the address is a route's destination
     * @param asHost look the address up as a host (a gateway, or host bits in the last byte)
     */
    public static String rresolve(Ipv4Address address, boolean numeric, boolean destination, boolean asHost) {
        if (address.isAny() && !numeric && destination) {
            return "default";
        }
        if (numeric) {
            return address.toString();
        }
        if (!asHost) {
            if (address.equals(Ipv4Address.of(127, 0, 0, 0))) {
                return "loopback";
            }
            if (address.equals(Ipv4Address.of(169, 254, 0, 0))) {
                return "link-local";
            }
        }
        if (address.equals(Ipv4Address.of(127, 0, 0, 1))) {
            return "localhost";
        }
        return address.toString();
    }

    /** A word that is neither an address nor a known name. */
    public static final class LookupException extends Exception {
        private final String name;
        private final boolean hostFirst;

        LookupException(String name, boolean hostFirst) {
            super(name);
            this.name = name;
            this.hostFirst = hostFirst;
        }

        /**
         * {@code herror(name)}: {@code Unknown host} for numeric-looking
         * words and route's host lookups, {@code Host name lookup failure}
         * for the other lookups, as recorded on a host without DNS.
         */
        public String herror() {
            boolean numeric = name.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
            return name + ": " + (numeric || hostFirst ? "Unknown host" : "Host name lookup failure");
        }
    }
}
