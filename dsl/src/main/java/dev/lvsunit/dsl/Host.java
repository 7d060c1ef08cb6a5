package dev.lvsunit.dsl;

import dev.lvsunit.engine.ipv4.Fib;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.sysctl.SysctlException;
import dev.lvsunit.tools.Execution;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Linux machine of a {@link Lab}, and the commands typed on it.
 *
 * <p>Configuration methods return the host, so they chain; each one is one
 * command in the transcript:
 *
 * <pre>{@code
 * rs1.sysctl(ARP_IGNORE.all(), 1)            // sysctl -w net.ipv4.conf.all.arp_ignore=1
 *    .sysctl(ARP_ANNOUNCE.all(), 2);         // sysctl -w net.ipv4.conf.all.arp_announce=2
 * CommandResult r = client.ping("192.168.0.101");   // ping -c 1 192.168.0.101
 * }</pre>
 *
 * A configuration step the kernel refuses throws {@link CommandFailedException}
 * with what the real command would print; a command run with {@link #run}
 * returns its output and exit status instead.
 */
public final class Host implements LanMember {

    private final Lab lab;
    private final String name;
    private final Map<String, Nic> nics = new HashMap<>();

    Host(Lab lab, String name) {
        this.lab = lab;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Lab lab() {
        return lab;
    }

    /** The engine's host, created on first use. */
    public dev.lvsunit.engine.Host engine() {
        return lab.materialize(this);
    }

    /** As an {@code @lan} member, a host joins with {@code eth0}. */
    @Override
    public Nic nic() {
        return eth0();
    }

    /** The interface {@code eth0} (it exists once a segment joins it). */
    public Nic eth0() {
        return nic("eth0");
    }

    /** The loopback interface. */
    public Nic lo() {
        return nic("lo");
    }

    /**
     * The interface named {@code device}: a handle that exists before the
     * interface does, so it can be named in {@link Lab#lan}.
     *
     * @throws IllegalArgumentException for a name Linux refuses ({@code dev_valid_name})
     */
    public Nic nic(String device) {
        Objects.requireNonNull(device, "device");
        if (device.isEmpty() || device.length() > 15 || device.equals(".") || device.equals("..")
                || device.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("not an interface name: \"" + device + "\"");
        }
        return nics.computeIfAbsent(device, d -> new Nic(this, d));
    }

    /** The interfaces that exist, in ifindex order ({@code lo} first). */
    public List<Nic> interfaces() {
        List<Nic> out = new ArrayList<>();
        for (NetDevice d : engine().devices()) {
            out.add(nic(d.name()));
        }
        return out;
    }

    // ---- sysctl

    /**
     * {@code sysctl -w KEY=VALUE}: writes the key through the kernel's proc
     * handler.
     *
     * @throws CommandFailedException as sysctl fails: {@code cannot stat} for a
     *     key that does not exist, {@code Invalid argument} for a refused value
     */
    public Host sysctl(SysctlKey key, int value) {
        return sysctl(key.to(value));
    }

    /** {@code sysctl -w KEY=VALUE} for each setting, one command each, in order. */
    public Host sysctl(SysctlSetting... settings) {
        for (SysctlSetting s : settings) {
            lab.step(this, "sysctl -w " + s, () -> writeSysctl(s), true);
        }
        return this;
    }

    /** What procps {@code sysctl -w} does: write the proc file, then print {@code key = value}. */
    private Execution writeSysctl(SysctlSetting s) {
        try {
            engine().sysctl().write(s.key().path(), Integer.toString(s.value()));
            return new Execution(s.key() + " = " + s.value() + "\n", 0);
        } catch (SysctlException e) {
            return new Execution(sysctlError(s.key(), e), 1);
        }
    }

    private static String sysctlError(SysctlKey key, SysctlException e) {
        switch (e.errno()) {
            case ENOENT:
                return "sysctl: cannot stat /proc/sys/" + key.path() + ": No such file or directory\n";
            case EACCES:
                return "sysctl: permission denied on key \"" + key + "\"\n";
            default:
                return "sysctl: setting key \"" + key + "\": Invalid argument\n";
        }
    }

    /**
     * The value of {@code key}, read from the kernel without a command (it does
     * not appear in the transcript).
     *
     * @throws IllegalArgumentException if the key does not exist on this host
     */
    public int readSysctl(SysctlKey key) {
        try {
            return Integer.parseInt(engine().sysctl().read(key.path()));
        } catch (SysctlException e) {
            throw new IllegalArgumentException(name + " has no sysctl " + key, e);
        }
    }

    // ---- commands

    /**
     * Runs {@code commandLine} as typed after {@code HOST#}, through the tools
     * ({@code ip neigh show}, {@code ipvsadm -L -n}, {@code tcpdump} is not
     * one: see {@link Lab#tcpdump}). The world runs while the command lasts.
     *
     * @return what it printed and its exit status, whatever that is
     */
    public CommandResult run(String commandLine) {
        return lab.run(this, Objects.requireNonNull(commandLine, "commandLine"));
    }

    /** {@code ping -c 1 TARGET}: one echo request, waiting as ping waits. */
    public CommandResult ping(String target) {
        return ping(Ipv4Address.parse(target));
    }

    /** {@code ping -c 1 TARGET}. */
    public CommandResult ping(Ipv4Address target) {
        return run("ping -c 1 " + target);
    }

    /** {@code ping -c COUNT TARGET}. */
    public CommandResult ping(Ipv4Address target, int count) {
        return run("ping -c " + count + " " + target);
    }

    /** {@code arping -c 1 -I eth0 TARGET}: one ARP request for {@code target}, printing every reply. */
    public CommandResult arping(String target) {
        return arping(eth0(), Ipv4Address.parse(target));
    }

    /** {@code arping -c 1 -I NIC TARGET}. */
    public CommandResult arping(Nic via, Ipv4Address target) {
        return run("arping -c 1 -I " + via.name() + " " + target);
    }

    /** {@code curl -s URL}. */
    public CommandResult curl(String url) {
        return run("curl -s " + Shells.quote(url));
    }

    /**
     * {@code serve PORT TEXT}: this host answers HTTP GET on TCP {@code port},
     * on every local address, with {@code text} (the spec format's one invented command).
     */
    public Host serve(int port, String text) {
        run("serve " + port + " " + Shells.quote(text)).orThrow();
        return this;
    }

    /** {@code sleep SECONDS}: lets the world run, every timer that falls due firing in order. */
    public Host sleep(Duration duration) {
        String seconds = new BigDecimal(duration.toNanos()).movePointLeft(9).stripTrailingZeros().toPlainString();
        run("sleep " + seconds).orThrow();
        return this;
    }

    // ---- IPVS

    /** This host's IPVS table, changed with {@code ipvsadm} commands. */
    public dev.lvsunit.dsl.ipvs.IpvsAdmin ipvs() {
        return new dev.lvsunit.dsl.ipvs.IpvsAdmin(this, (line, action) -> lab.step(this, line, action, false));
    }

    // ---- routes

    /**
     * {@code ip route add ROUTE}.
     *
     * @throws CommandFailedException as ip fails ({@code RTNETLINK answers: File exists},
     *     {@code Error: Nexthop has invalid gateway.})
     */
    public Host addRoute(Route route) {
        return modifyRoute("add", route, false);
    }

    /** {@code ip route del ROUTE}. */
    public Host deleteRoute(Route route) {
        return modifyRoute("del", route, true);
    }

    private Host modifyRoute(String verb, Route route, boolean delete) {
        String line = "ip route " + verb + " " + route.arguments();
        lab.step(this, line, () -> {
            dev.lvsunit.engine.ipv4.FibConfig cfg;
            try {
                cfg = route.toConfig(engine(), delete);
            } catch (IllegalArgumentException e) {
                return new Execution(e.getMessage() + "\n", 1);
            }
            return Nic.kernel(() -> {
                dev.lvsunit.engine.ipv4.FibFrontend frontend = new dev.lvsunit.engine.ipv4.FibFrontend(engine());
                if (delete) {
                    frontend.delRoute(cfg);
                } else {
                    frontend.newRoute(cfg, dev.lvsunit.engine.ipv4.FibConfig.NLM_F_CREATE
                            | dev.lvsunit.engine.ipv4.FibConfig.NLM_F_EXCL);
                }
            });
        }, true);
        return this;
    }

    /**
     * How this host would send a packet to {@code destination} now
     * ({@code ip route get}): the route, output device and source address.
     */
    public RouteLookup routeTo(Ipv4Address destination) {
        try {
            return new RouteLookup(name, destination, engine().route().output(destination, Ipv4Address.ANY, null), null);
        } catch (dev.lvsunit.engine.KernelException e) {
            return new RouteLookup(name, destination, null, e.errno());
        }
    }

    /** {@link #routeTo(Ipv4Address)} of a dotted quad. */
    public RouteLookup routeTo(String destination) {
        return routeTo(Ipv4Address.parse(destination));
    }

    // ---- state, read without commands

    /** The ARP cache as {@code ip neigh show} would list it now. */
    public ArpCache arpCache() {
        return ArpCache.of(this);
    }

    /** The routes of the main table, in {@code ip route show} order. */
    public List<FibRoute> routes() {
        return engine().fib().dump(Fib.RT_TABLE_MAIN);
    }

    /** The routes of table {@code table} ({@link Fib#RT_TABLE_LOCAL}...), in dump order. */
    public List<FibRoute> routes(int table) {
        return engine().fib().dump(table);
    }

    @Override
    public String toString() {
        return name;
    }
}
