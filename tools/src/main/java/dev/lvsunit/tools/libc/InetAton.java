package dev.lvsunit.tools.libc;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Optional;

/**
 * glibc's {@code inet_aton} ({@code resolv/inet_addr.c}), which every tool
 * here parses a numeric address with: {@code route}, {@code ifconfig} and
 * {@code arp} through net-tools' {@code INET_resolve}, {@code ipvsadm}, and
 * {@code ping}/{@code arping} through {@code getaddrinfo}. A part with no
 * digit ({@code 0x}), an 8 or 9 in an octal part, or a part too large fails.
 */
public final class InetAton {

    private InetAton() {
    }

    /**
     * glibc {@code inet_aton}: one to four parts in C notation (hex {@code 0x},
     * octal {@code 0}, decimal), the last filling the remaining bytes; white
     * space and anything after it end the address.
     */
    public static Optional<Ipv4Address> inetAton(String text) {
        return parse(text, true);
    }

    /**
     * glibc {@code __inet_aton_exact}, what {@code getaddrinfo} tries a
     * numeric host with: as {@link #inetAton}, but nothing, not even white
     * space, may follow the address.
     */
    public static Optional<Ipv4Address> inetAtonExact(String text) {
        return parse(text, false);
    }

    private static Optional<Ipv4Address> parse(String text, boolean spaceEnds) {
        long[] parts = new long[4];
        int n = 0;
        int i = 0;
        while (true) {
            if (i >= text.length() || !isDigit(text.charAt(i))) {
                return Optional.empty();
            }
            int radix = 10;
            if (text.charAt(i) == '0') {
                radix = 8;
                if (i + 2 < text.length() && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                        && Character.digit(text.charAt(i + 2), 16) >= 0 && text.charAt(i + 2) < 'g') {
                    radix = 16;
                    i += 2;
                }
            }
            long value = 0;
            while (i < text.length()) {
                int d = Character.digit(text.charAt(i), radix);
                if (d < 0 || text.charAt(i) > 'f' && text.charAt(i) > 'F') {
                    break;
                }
                value = value * radix + d;
                if (value > 0xffffffffL) {
                    return Optional.empty();
                }
                i++;
            }
            if (i < text.length() && text.charAt(i) == '.') {
                if (n > 2 || value > 0xff) {
                    return Optional.empty();
                }
                parts[n++] = value;
                i++;
                continue;
            }
            if (i < text.length() && !(spaceEnds && Character.isWhitespace(text.charAt(i)))) {
                return Optional.empty();
            }
            long[] max = {0xffffffffL, 0xffffffL, 0xffffL, 0xffL};
            if (value > max[n]) {
                return Optional.empty();
            }
            long bits = value;
            for (int p = 0; p < n; p++) {
                bits |= parts[p] << (24 - 8 * p);
            }
            return Optional.of(new Ipv4Address((int) bits));
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
