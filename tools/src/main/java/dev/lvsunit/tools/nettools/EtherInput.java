package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.Optional;

/**
 * {@code in_ether} of net-tools ({@code lib/ether.c}): six bytes of one or
 * two hex digits, colons optional ({@code 2:0:0:0:0:1} and
 * {@code 020000000001} are both 02:00:00:00:00:01).
 */
final class EtherInput {

    private EtherInput() {
    }

    /**
     * The address, or empty where {@code in_ether} fails (the tools then say
     * {@code invalid hardware address}).
     *
     * @throws NotSupportedException for fewer than six bytes, where the real
     *     tool sends whatever lies in its buffer
     */
    static Optional<MacAddress> parse(String text) {
        int[] bytes = new int[6];
        int i = 0;
        int p = 0;
        while (p < text.length() && i < 6) {
            int hi = hex(text.charAt(p++));
            if (hi < 0) {
                return Optional.empty();
            }
            int val = hi;
            char c = p < text.length() ? text.charAt(p) : 0;
            int lo = hex(c);
            if (lo >= 0) {
                val = (val << 4) | lo;
                p++;
            } else if (c != ':' && c != 0) {
                return Optional.empty();
            }
            bytes[i++] = val;
            if (p < text.length() && text.charAt(p) == ':') {
                p++;
            }
        }
        if (i == 6 && p < text.length()) {
            return Optional.empty();
        }
        if (i < 6) {
            throw new NotSupportedException("a hardware address of fewer than six bytes: " + text);
        }
        return Optional.of(MacAddress.parse(String.format("%02x:%02x:%02x:%02x:%02x:%02x",
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5])));
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
