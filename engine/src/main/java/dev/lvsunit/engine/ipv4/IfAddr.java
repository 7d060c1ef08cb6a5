package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.Objects;

/**
 * One IPv4 address of an interface, {@code struct in_ifaddr}.
 *
 * @param local {@code ifa_local}, the address itself
 * @param prefixLength {@code ifa_prefixlen}
 * @param broadcast {@code ifa_broadcast}; {@link Ipv4Address#ANY} when none was set
 * @param scope {@code ifa_scope}
 * @param label {@code ifa_label}: the device name or an alias such as {@code eth0:0}
 * @param secondary {@code IFA_F_SECONDARY}
 * @param noPrefixRoute {@code IFA_F_NOPREFIXROUTE}
 */
public record IfAddr(Ipv4Address local, int prefixLength, Ipv4Address broadcast, RtScope scope,
                     String label, boolean secondary, boolean noPrefixRoute) {

    public IfAddr {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(label, "label");
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength);
        }
    }

    /** A primary address with no broadcast, as {@code ip addr add A/N dev D} makes one. */
    public static IfAddr of(Ipv4Prefix prefix, RtScope scope, String label) {
        return new IfAddr(prefix.address(), prefix.length(), Ipv4Address.ANY, scope, label, false, false);
    }

    public Ipv4Prefix prefix() {
        return new Ipv4Prefix(local, prefixLength);
    }

    /** {@code ifa_mask} as an integer. */
    public int maskBits() {
        return Ipv4Prefix.maskBits(prefixLength);
    }

    /** {@code inet_ifa_match}: whether {@code address} lies in this address's subnet. */
    public boolean matches(Ipv4Address address) {
        return ((local.bits() ^ address.bits()) & maskBits()) == 0;
    }

    public boolean primary() {
        return !secondary;
    }

    public IfAddr withSecondary(boolean value) {
        return new IfAddr(local, prefixLength, broadcast, scope, label, value, noPrefixRoute);
    }

    public IfAddr withBroadcast(Ipv4Address value) {
        return new IfAddr(local, prefixLength, value, scope, label, secondary, noPrefixRoute);
    }

    public IfAddr withLabel(String value) {
        return new IfAddr(local, prefixLength, broadcast, scope, value, secondary, noPrefixRoute);
    }
}
