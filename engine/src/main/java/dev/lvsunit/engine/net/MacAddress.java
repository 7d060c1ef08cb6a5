package dev.lvsunit.engine.net;

import java.util.Locale;

/**
 * A 48-bit Ethernet MAC address.
 *
 * @param bits the address in the low 48 bits, first octet most significant
 */
public record MacAddress(long bits) {

    public static final MacAddress ZERO = new MacAddress(0);
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);

    public MacAddress {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits");
        }
    }

    /**
     * Parses {@code aa:bb:cc:dd:ee:ff} (one or two hex digits per octet, either
     * case).
     *
     * @throws IllegalArgumentException naming the text, if it is not a MAC
     */
    public static MacAddress parse(String text) {
        MacAddress mac = tryParse(text);
        if (mac == null) {
            throw new IllegalArgumentException("not a MAC address: \"" + text + "\"");
        }
        return mac;
    }

    /** Like {@link #parse}, but returns {@code null} for text that is not a MAC. */
    public static MacAddress tryParse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            return null;
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 2) {
                return null;
            }
            int octet = 0;
            for (int i = 0; i < part.length(); i++) {
                // ASCII hex digits only, as ether_aton reads them: no sign, no other script's digits
                int digit = Character.digit(part.charAt(i), 16);
                if (part.charAt(i) >= 0x80 || digit < 0) {
                    return null;
                }
                octet = octet * 16 + digit;
            }
            value = (value << 8) | octet;
        }
        return new MacAddress(value);
    }

    public boolean isBroadcast() {
        return bits == BROADCAST.bits;
    }

    /** The group bit of the first octet: broadcast and multicast. */
    public boolean isMulticast() {
        return (bits & 0x0100_0000_0000L) != 0;
    }

    public boolean isZero() {
        return bits == 0;
    }

    public int octet(int index) {
        return (int) (bits >>> (40 - 8 * index)) & 0xff;
    }

    public byte[] toBytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) octet(i);
        }
        return b;
    }

    public static MacAddress fromBytes(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return new MacAddress(v);
    }

    /** By hand, not the record's: that one goes through method handles on every switch lookup. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress m && m.bits == bits;
    }

    /**
     * Mixes all 48 bits, as {@code br_mac_hash} jhashes a MAC for the bridge's
     * forwarding table. The record's own hash folds the high 32 bits onto the
     * low ones, which leaves the MACs lvsunit numbers {@code 02:00:00:00:HH:01}
     * the same low byte: in a HashMap of up to 256 buckets they all shared one.
     */
    @Override
    public int hashCode() {
        long h = bits * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** {@code 02:00:00:00:01:01}, as iproute2 and net-tools print it. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                sb.append(':');
            }
            int o = octet(i);
            sb.append(Character.forDigit(o >> 4, 16)).append(Character.forDigit(o & 0xf, 16));
        }
        return sb.toString();
    }

    /** {@code 02:00:00:00:01:01} in upper case, as iputils arping prints it. */
    public String toUpperString() {
        return toString().toUpperCase(Locale.ROOT);
    }
}
