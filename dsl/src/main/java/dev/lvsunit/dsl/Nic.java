package dev.lvsunit.dsl;

import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.socket.PacketSocket;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.libc.Strerror;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface of a {@link Host}, named before it exists: a
 * {@link Lab#lan} creates Ethernet interfaces, {@code lo} always exists.
 *
 * <pre>{@code
 * director.eth0().add("192.168.0.2/24")                          // ip addr add 192.168.0.2/24 dev eth0
 *                .add(addr("192.168.0.101/32").label("eth0:0")); // ip addr add 192.168.0.101/32 dev eth0 label eth0:0
 * rs1.lo().add(addr("192.168.0.101/32").label("lo:0"));
 * }</pre>
 */
public final class Nic implements LanMember {

    private final Host host;
    private final String name;
    private MacAddress presetMac;

    Nic(Host host, String name) {
        this.host = host;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Host host() {
        return host;
    }

    @Override
    public Nic nic() {
        return this;
    }

    /** Whether the interface exists in the engine yet. */
    public boolean exists() {
        // without creating the host: creation order is part of what the transcript replays
        return host.lab().world().host(host.name()).flatMap(h -> h.device(name)).isPresent();
    }

    /**
     * The engine's device.
     *
     * @throws IllegalStateException if it does not exist yet
     */
    public NetDevice engine() {
        return host.engine().device(name).orElseThrow(() -> new IllegalStateException(host.name() + " has no "
                + name + " yet: join it to a segment first, lab.lan(\"net0\", " + host.name() + ".nic(\"" + name
                + "\"))"));
    }

    /** The interface's MAC address. */
    public MacAddress mac() {
        return engine().mac();
    }

    /** The segment this interface is on, if any. */
    public Optional<Lan> lan() {
        NetDevice d = engine();
        return d.segment() == null ? Optional.empty() : Optional.of(host.lab().lan(d.segment().name()));
    }

    /** The addresses in the kernel's order (primaries, then secondaries). */
    public List<IfAddr> addresses() {
        return engine().inDevice().addresses();
    }

    /**
     * The MAC the interface gets when a segment creates it; the transcript's
     * {@code @lan} then says {@code HOST:IF=MAC}.
     *
     * @throws IllegalStateException if the interface exists already (use {@link #setMac})
     * @throws IllegalArgumentException for a multicast or all-zero MAC, which Linux refuses
     */
    public Nic withMac(String mac) {
        return withMac(MacAddress.parse(mac));
    }

    /** See {@link #withMac(String)}. */
    public Nic withMac(MacAddress mac) {
        Objects.requireNonNull(mac, "mac");
        if (exists()) {
            throw new IllegalStateException(this + " exists already; change its MAC with setMac (ip link set dev "
                    + name + " address " + mac + ")");
        }
        checkUnicast(mac);
        this.presetMac = mac;
        return this;
    }

    Optional<MacAddress> presetMac() {
        return Optional.ofNullable(presetMac);
    }

    private static void checkUnicast(MacAddress mac) {
        // eth_validate_addr(): the kernel refuses multicast and all-zero addresses
        if (mac.isMulticast() || mac.isZero()) {
            throw new IllegalArgumentException(mac + " is not a unicast MAC address");
        }
    }

    // ---- configuration, one command each

    /** {@code ip addr add ADDR dev NAME}. */
    public Nic add(String address) {
        return add(Addr.addr(address));
    }

    /**
     * {@code ip addr add ADDR [broadcast B] dev NAME [label L] [scope S] [noprefixroute]}.
     *
     * @throws CommandFailedException as ip fails ({@code Error: ipv4: Address already assigned.})
     * @throws IllegalArgumentException for a label that does not belong to this interface
     */
    public Nic add(Addr address) {
        engine();
        IfAddr ifa = address.toIfAddr(name);
        host.lab().step(host, "ip addr add " + address.arguments(name), () -> kernel(() -> {
            host.engine().devinet().add(engine(), ifa);
        }), true);
        return this;
    }

    /** {@code ip addr del ADDR dev NAME}. */
    public Nic delete(String address) {
        return delete(Addr.addr(address));
    }

    /**
     * {@code ip addr del ADDR/LEN dev NAME [label L]}: deletes the address; a
     * primary takes the secondaries of its subnet with it unless
     * {@code promote_secondaries} is on.
     *
     * @throws CommandFailedException {@code Error: ipv4: Address not found.}
     */
    public Nic delete(Addr address) {
        engine();
        String label = address.toIfAddr(name).label();
        boolean labelled = !label.equals(name);
        host.lab().step(host, "ip addr del " + address.prefix() + " dev " + name + (labelled ? " label " + label : ""),
                () -> kernel(() -> {
                    host.engine().devinet().delete(engine(), address.address(), address.prefix().length(),
                            labelled ? label : null);
                }), true);
        return this;
    }

    /** {@code ip addr flush dev NAME}: every address goes. */
    public Nic flush() {
        engine();
        host.lab().step(host, "ip addr flush dev " + name, () -> {
            host.engine().devinet().flush(engine());
            return new Execution("", 0);
        }, true);
        return this;
    }

    /** {@code ip link set NAME up}. */
    public Nic up() {
        return setUp(true);
    }

    /** {@code ip link set NAME down}: its routes go, its neighbours are flushed. */
    public Nic down() {
        return setUp(false);
    }

    private Nic setUp(boolean up) {
        engine();
        host.lab().step(host, "ip link set " + name + (up ? " up" : " down"), () -> {
            host.engine().setUp(engine(), up);
            return new Execution("", 0);
        }, true);
        return this;
    }

    /** {@code ip link set dev NAME address MAC}. */
    public Nic setMac(String mac) {
        return setMac(MacAddress.parse(mac));
    }

    /** {@code ip link set dev NAME address MAC}: the neighbours of the interface are flushed. */
    public Nic setMac(MacAddress mac) {
        engine();
        checkUnicast(mac);
        host.lab().step(host, "ip link set dev " + name + " address " + mac,
                () -> kernel(() -> host.engine().setMac(engine(), mac)), true);
        return this;
    }

    /** {@code sysctl -w net.ipv4.conf.NAME.KEY=VALUE}. */
    public Nic sysctl(ConfKey key, int value) {
        host.sysctl(key.on(this), value);
        return this;
    }

    /**
     * Sends one frame as it is, through a packet socket on this interface; it
     * travels as the world runs on. No command does this, so the transcript notes it as
     * not replayable.
     */
    public Nic send(EthernetFrame frame) {
        Objects.requireNonNull(frame, "frame");
        Lab lab = host.lab();
        lab.inexact(host.name() + " sent a raw frame on " + name + ": " + frame);
        try (PacketSocket socket = host.engine().openPacketSocket(engine())) {
            socket.send(frame);
        }
        return this;
    }

    @FunctionalInterface
    interface KernelCall {
        void call() throws KernelException;
    }

    /** Runs a netlink request and prints its refusal as iproute2 does (exit 2). */
    static Execution kernel(KernelCall call) {
        try {
            call.call();
            return new Execution("", 0);
        } catch (KernelException e) {
            String ack = e.extack();
            String text = ack != null && !ack.isEmpty() ? "Error: " + ack + (ack.endsWith(".") ? "" : ".")
                    : "RTNETLINK answers: " + Strerror.of(e.errno());
            return new Execution(text + "\n", 2);
        }
    }

    /** {@code host:name}, as {@code @lan} names it. */
    @Override
    public String toString() {
        return host.name() + ":" + name;
    }
}
