package dev.lvsunit.engine.net;

/**
 * An IPv4 address with a prefix length, such as {@code 192.168.0.8/24}. The
 * address keeps its host bits: {@code 192.168.0.8/24} is an interface
 * address, {@link #network()} gives {@code 192.168.0.0/24}.
 *
 * @param address the address
 * @param length the prefix length, 0 to 32
 */
public record Ipv4Prefix(Ipv4Address address, int length) {

    public Ipv4Prefix {
        if (address == null) {
            throw new NullPointerException("address");
        }
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + length);
        }
    }

    /**
     * Parses {@code A.B.C.D/N}; without {@code /N} the length is 32.
     *
     * @throws IllegalArgumentException naming the text
     */
    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ipv4Prefix(Ipv4Address.parse(text), 32);
        }
        Ipv4Address address = Ipv4Address.parse(text.substring(0, slash));
        String len = text.substring(slash + 1);
        if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a prefix length: \"" + text + "\"");
        }
        int n = Integer.parseInt(len);
        if (n > 32) {
            throw new IllegalArgumentException("not a prefix length: \"" + text + "\"");
        }
        return new Ipv4Prefix(address, n);
    }

    /** {@code inet_make_mask}: the netmask as an integer. */
    public static int maskBits(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** The prefix length of a contiguous netmask, or -1 if it is not contiguous. */
    public static int lengthOfMask(Ipv4Address mask) {
        int m = mask.bits();
        int len = Integer.bitCount(m);
        return maskBits(len) == m ? len : -1;
    }

    public int maskBits() {
        return maskBits(length);
    }

    public Ipv4Address mask() {
        return new Ipv4Address(maskBits());
    }

    /** The network address: the address with its host bits cleared. */
    public Ipv4Address networkAddress() {
        return new Ipv4Address(address.bits() & maskBits());
    }

    /** This prefix with its host bits cleared. */
    public Ipv4Prefix network() {
        return new Ipv4Prefix(networkAddress(), length);
    }

    /** The directed broadcast address of the subnet. */
    public Ipv4Address broadcastAddress() {
        return new Ipv4Address(address.bits() | ~maskBits());
    }

    /** {@code inet_ifa_match}: whether {@code other} lies in this subnet. */
    public boolean contains(Ipv4Address other) {
        return ((address.bits() ^ other.bits()) & maskBits()) == 0;
    }

    @Override
    public String toString() {
        return address + "/" + length;
    }
}
