package dev.lvsunit.engine.net;

/**
 * An IPv4 address, held as the 32-bit value the kernel's {@code __be32} holds
 * (in host order here).
 *
 * @param bits the address, most significant octet first
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /** 0.0.0.0, INADDR_ANY. */
    public static final Ipv4Address ANY = new Ipv4Address(0);
    /** 255.255.255.255, the limited broadcast. */
    public static final Ipv4Address BROADCAST = new Ipv4Address(-1);

    /**
     * Parses strict dotted-quad notation ({@code 192.168.0.1}).
     *
     * @throws IllegalArgumentException naming the text, if it is not an address
     */
    public static Ipv4Address parse(String text) {
        Ipv4Address parsed = tryParse(text);
        if (parsed == null) {
            throw new IllegalArgumentException("not an IPv4 address: \"" + text + "\"");
        }
        return parsed;
    }

    /*
     * equals and hashCode by hand, with the record's meaning: the record's own
     * go through invokedynamic method handles, which the profile of the IPVS
     * benchmark showed on every connection-table comparison.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Ipv4Address a && a.bits == bits;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(bits);
    }

    /** Like {@link #parse}, but returns {@code null} for text that is not an address. */
    public static Ipv4Address tryParse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int value = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int start = i;
            int octet = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255) {
                return null;
            }
            value = (value << 8) | octet;
            octets++;
            if (i < n) {
                if (text.charAt(i) != '.' || octets == 4) {
                    return null;
                }
                i++;
                if (i == n) {
                    return null;
                }
            }
        }
        return octets == 4 ? new Ipv4Address(value) : null;
    }

    /** The address whose octets are given, most significant first. */
    public static Ipv4Address of(int a, int b, int c, int d) {
        return new Ipv4Address((a << 24) | (b << 16) | (c << 8) | d);
    }

    /** {@code ipv4_is_multicast}: 224.0.0.0/4. */
    public boolean isMulticast() {
        return (bits & 0xf0000000) == 0xe0000000;
    }

    /** {@code ipv4_is_loopback}: 127.0.0.0/8. */
    public boolean isLoopback() {
        return (bits & 0xff000000) == 0x7f000000;
    }

    /** {@code ipv4_is_zeronet}: 0.0.0.0/8. */
    public boolean isZeroNet() {
        return (bits & 0xff000000) == 0;
    }

    public boolean isAny() {
        return bits == 0;
    }

    public boolean isLimitedBroadcast() {
        return bits == -1;
    }

    /** The octet at {@code index} (0 is the most significant). */
    public int octet(int index) {
        return (bits >>> (24 - 8 * index)) & 0xff;
    }

    /** The address's four octets in network order. */
    public byte[] toBytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    public static Ipv4Address fromBytes(byte[] b, int offset) {
        return new Ipv4Address(((b[offset] & 0xff) << 24) | ((b[offset + 1] & 0xff) << 16)
                | ((b[offset + 2] & 0xff) << 8) | (b[offset + 3] & 0xff));
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return octet(0) + "." + octet(1) + "." + octet(2) + "." + octet(3);
    }
}
