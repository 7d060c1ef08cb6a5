package dev.lvsunit.dsl;

import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An address as {@code ip addr add} takes it: {@code ADDR[/LEN]} with the
 * optional {@code label}, {@code scope}, {@code broadcast} and
 * {@code noprefixroute}. Immutable; each option returns a new value.
 *
 * <pre>{@code
 * director.eth0().add(addr("192.168.0.101/32").label("eth0:0"));
 * rs1.lo().add(addr("192.168.0.101/32").label("lo:0").scope(RtScope.HOST));
 * }</pre>
 *
 * <p>Defaults are iproute2's: a missing {@code /LEN} is /32; the scope is
 * {@code host} for 127.0.0.0/8 and {@code global} otherwise; no broadcast; the
 * label is the device name.
 */
public final class Addr {

    private final Ipv4Prefix prefix;
    private final String label;
    private final RtScope scope;
    private final Ipv4Address broadcast;
    private final boolean noPrefixRoute;

    private Addr(Ipv4Prefix prefix, String label, RtScope scope, Ipv4Address broadcast, boolean noPrefixRoute) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.label = label;
        this.scope = scope;
        this.broadcast = broadcast;
        this.noPrefixRoute = noPrefixRoute;
    }

    /**
     * The address {@code text}, {@code A.B.C.D} or {@code A.B.C.D/N}.
     *
     * @throws IllegalArgumentException naming the text, if it is not one
     */
    public static Addr addr(String text) {
        Objects.requireNonNull(text, "text");
        return new Addr(Ipv4Prefix.parse(text), null, null, null, false);
    }

    /** The address with its prefix length. */
    public static Addr addr(Ipv4Prefix prefix) {
        return new Addr(prefix, null, null, null, false);
    }

    /**
     * This address with the label {@code label}, which must be the device name
     * or start with it and a colon ({@code eth0:0}); checked when added.
     */
    public Addr label(String value) {
        return new Addr(prefix, Objects.requireNonNull(value, "label"), scope, broadcast, noPrefixRoute);
    }

    /** This address with scope {@code value} ({@code scope host}, {@code scope link}...). */
    public Addr scope(RtScope value) {
        return new Addr(prefix, label, Objects.requireNonNull(value, "scope"), broadcast, noPrefixRoute);
    }

    /** This address with the broadcast address {@code value} ({@code broadcast B}). */
    public Addr broadcast(String value) {
        return broadcast(Ipv4Address.parse(value));
    }

    /** This address with the broadcast address {@code value} ({@code broadcast B}). */
    public Addr broadcast(Ipv4Address value) {
        return new Addr(prefix, label, scope, Objects.requireNonNull(value, "broadcast"), noPrefixRoute);
    }

    /** This address without the prefix route the kernel would add ({@code noprefixroute}). */
    public Addr noPrefixRoute() {
        return new Addr(prefix, label, scope, broadcast, true);
    }

    /** The address and prefix length. */
    public Ipv4Prefix prefix() {
        return prefix;
    }

    /** The address alone. */
    public Ipv4Address address() {
        return prefix.address();
    }

    /**
     * The {@code struct in_ifaddr} request that {@code ip addr add} sends for
     * this address on {@code device}: the label defaults to the device name,
     * the scope to iproute2's {@code default_scope()}.
     *
     * @throws IllegalArgumentException with iproute2's message, for a label
     *     that does not belong to the device
     */
    public IfAddr toIfAddr(String device) {
        String l = label == null ? device : label;
        if (!l.startsWith(device) || (l.length() > device.length() && l.charAt(device.length()) != ':')) {
            throw new IllegalArgumentException("\"label\" (" + l + ") must match \"dev\" (" + device
                    + ") or be prefixed by \"dev\" with a colon.");
        }
        return new IfAddr(prefix.address(), prefix.length(), broadcast == null ? Ipv4Address.ANY : broadcast,
                scope == null ? defaultScope(prefix.address()) : scope, l, false, noPrefixRoute);
    }

    /** iproute2's {@code default_scope()}: host for 127.0.0.0/8, global otherwise. */
    private static RtScope defaultScope(Ipv4Address a) {
        return a.octet(0) == 127 ? RtScope.HOST : RtScope.UNIVERSE;
    }

    /** The arguments after {@code ip addr add}: {@code 192.168.0.101/32 dev eth0 label eth0:0}. */
    public String arguments(String device) {
        List<String> words = new ArrayList<>();
        words.add(prefix.toString());
        if (broadcast != null) {
            words.add("broadcast");
            words.add(broadcast.toString());
        }
        words.add("dev");
        words.add(device);
        if (label != null) {
            words.add("label");
            words.add(label);
        }
        if (scope != null) {
            words.add("scope");
            words.add(scope.label());
        }
        if (noPrefixRoute) {
            words.add("noprefixroute");
        }
        return String.join(" ", words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Addr a && prefix.equals(a.prefix) && Objects.equals(label, a.label)
                && scope == a.scope && Objects.equals(broadcast, a.broadcast) && noPrefixRoute == a.noPrefixRoute;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, label, scope, broadcast, noPrefixRoute);
    }

    /** The words {@code ip addr add} takes, with {@code dev ?} for the device. */
    @Override
    public String toString() {
        return arguments("?");
    }
}
