package dev.lvsunit.dsl;

import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.CapturedFrame;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.spec.engine.EngineBackend;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;
import dev.lvsunit.tools.tcpdump.Tcpdump;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A simulated network built from Java: the entry point of the DSL.
 *
 * <pre>{@code
 * Lab lab = Lab.create();
 * Host client = lab.host("client"), director = lab.host("director"), rs1 = lab.host("rs1");
 * lab.lan("net0", client, director, rs1);
 * director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
 * rs1.sysctl(ARP_IGNORE.all(), 1);
 * client.arping("192.168.0.101");
 * System.out.print(lab.transcript().render());
 * }</pre>
 *
 * <p>A lab wraps one engine {@link World} and works as a person at a terminal
 * would: every step is one command on one host, and it is recorded in the
 * {@link #transcript()} with what it printed. Configuration steps
 * ({@code ip addr add}, {@code sysctl -w}, {@code ip link set}) call the
 * engine directly, as the commands do; everything else ({@link Host#run},
 * {@code ping}, {@code arping}, {@code curl}) runs the tools through the
 * shell. Before each step the clock runs for the spec format's typing gap
 * ({@value EngineBackend#COMMAND_GAP_NANOS} ns), and hosts and interfaces are
 * created in the engine when a step first names them, so the transcript
 * replayed by {@code SpecRunner} on the engine builds the same world.
 *
 * <p>Not thread-safe, like the world it wraps; labs share nothing, so any
 * number run in parallel.
 */
public final class Lab {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final Pattern SEGMENT_NAME = Pattern.compile("[A-Za-z0-9_.:-]+");

    private final World world;
    private final Shell shell;
    private final Transcript transcript = new Transcript();
    private final Capture capture = new Capture();
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Lan> lans = new LinkedHashMap<>();
    private final Map<String, Integer> dumped = new HashMap<>();
    private final List<Host> materialized = new ArrayList<>();
    /** Virtual time run outside steps since the last step, to be written as a sleep. */
    private long idleNanos;

    private Lab(World world) {
        this.world = world;
        this.shell = new Shell(world);
    }

    /** An empty lab on a fresh world whose random source has seed 0, as every spec gets. */
    public static Lab create() {
        return new Lab(new World());
    }

    /** An empty lab on a fresh world whose random source has {@code seed}. */
    public static Lab create(long seed) {
        return new Lab(new World(seed));
    }

    /** A fresh lab with the given topologies built into it, in order. */
    public static Lab of(Topology... topologies) {
        Lab lab = create();
        for (Topology t : topologies) {
            lab.with(t);
        }
        return lab;
    }

    /** Builds {@code topology} into this lab. */
    public Lab with(Topology topology) {
        topology.build(this);
        return this;
    }

    /**
     * The host named {@code name}, declared on first use. It exists in the
     * engine (with {@code lo}, 127.0.0.1/8, and nothing else) from the first
     * step that names it, or when {@link Host#engine()} is first called.
     *
     * @throws IllegalArgumentException if the name is not one the spec format
     *     accepts ({@code [A-Za-z][A-Za-z0-9_.-]*})
     */
    public Host host(String name) {
        Objects.requireNonNull(name, "name");
        if (!HOST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a host name: \"" + name
                    + "\" (a letter, then letters, digits, '_', '.' or '-')");
        }
        return hosts.computeIfAbsent(name, n -> new Host(this, n));
    }

    /** The declared host named {@code name}, if any. */
    public Optional<Host> findHost(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    /** The declared hosts, in order of declaration. */
    public List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    /**
     * {@code @lan NAME MEMBER...}: an Ethernet segment joining the members. A
     * {@link Host} member joins with its {@code eth0}. Each interface is
     * created here, up, MTU 1500, without address, with the MAC set by
     * {@link Nic#withMac} or else {@code 02:00:00:00:HH:II} (HH the host's
     * number, II the interface's number on its host), as the spec format
     * gives it.
     *
     * @throws IllegalArgumentException for a bad or used segment name, no
     *     members, {@code lo}, or the same interface twice
     * @throws IllegalStateException if an interface is already on a segment
     */
    public Lan lan(String name, LanMember... members) {
        Objects.requireNonNull(name, "name");
        if (!SEGMENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a segment name: \"" + name + "\"");
        }
        if (lans.containsKey(name)) {
            throw new IllegalArgumentException("segment " + name + " exists");
        }
        if (members.length == 0) {
            throw new IllegalArgumentException("lan(\"" + name + "\") needs at least one member");
        }
        Set<Nic> seen = new HashSet<>();
        for (LanMember m : members) {
            Nic nic = Objects.requireNonNull(m, "member").nic();
            if (nic.host().lab() != this) {
                throw new IllegalArgumentException(nic + " belongs to another lab");
            }
            if (nic.name().equals("lo")) {
                throw new IllegalArgumentException(nic + " is the loopback interface and cannot join a segment");
            }
            if (!seen.add(nic)) {
                throw new IllegalArgumentException(nic + " is named twice");
            }
            if (nic.exists()) {
                throw new IllegalStateException(nic + " is already on segment " + nic.engine().segment().name());
            }
        }
        flushIdle(null);
        Segment segment = world.addSegment(name);
        capture.listen(segment);
        dumped.put(name, 0);
        List<Nic> nics = new ArrayList<>();
        List<Transcript.Member> recorded = new ArrayList<>();
        for (LanMember m : members) {
            Nic nic = m.nic();
            dev.lvsunit.engine.Host host = nic.host().engine();
            MacAddress mac = nic.presetMac().orElseGet(() -> defaultMac(nic.host(), host.devices().size()));
            NetDevice dev = host.addEthernet(nic.name(), mac);
            segment.attach(dev);
            nics.add(nic);
            recorded.add(new Transcript.Member(nic.host().name(), nic.name(), mac));
        }
        transcript.add(new Transcript.Lan(name, recorded));
        Lan lan = new Lan(this, segment, nics);
        lans.put(name, lan);
        return lan;
    }

    private static MacAddress defaultMac(Host host, int interfaceNumber) {
        int hostNumber = host.engine().number();
        if (hostNumber > 0xff || interfaceNumber > 0xff) {
            throw new IllegalStateException("no default MAC for " + host.name()
                    + " (more than 255 hosts or interfaces): give one with withMac(...)");
        }
        return MacAddress.parse(String.format("02:00:00:00:%02x:%02x", hostNumber, interfaceNumber));
    }

    /**
     * The segment named {@code name}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public Lan lan(String name) {
        Lan lan = lans.get(name);
        if (lan == null) {
            throw new IllegalArgumentException("no segment " + name + " (segments: " + lans.keySet() + ")");
        }
        return lan;
    }

    /** The segments, in order of creation. */
    public List<Lan> lans() {
        return List.copyOf(lans.values());
    }

    /** The engine world. */
    public World world() {
        return world;
    }

    /** The shell that runs the tools on this lab's hosts. */
    public Shell shell() {
        return shell;
    }

    /** Every frame on every segment of this lab, from the start. */
    public Capture capture() {
        return capture;
    }

    /**
     * What this lab did, as a spec transcript. Time the clock ran outside
     * commands since the last step ({@link #runFor}) is written first, as a
     * {@code sleep}.
     */
    public Transcript transcript() {
        flushIdle(null);
        return transcript;
    }

    /** The virtual time since the world began. */
    public Duration now() {
        return Duration.ofNanos(world.now());
    }

    /** Adds a {@code #} comment to the transcript: prose for whoever reads it. */
    public Lab comment(String text) {
        transcript.add(new Transcript.Comment(Objects.requireNonNull(text, "text"), false));
        return this;
    }

    /**
     * Lets the world run for {@code duration} outside any command, as between
     * two commands typed slowly. The transcript shows it as a {@code sleep}
     * before the next step (or, when shorter than the typing gap, as a comment
     * that makes it {@linkplain Transcript#isExact() inexact}).
     */
    public void runFor(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        world.runFor(duration.toNanos());
        idleNanos += duration.toNanos();
    }

    /**
     * {@code @tcpdump SEGMENT ARGS...}: the frames seen on {@code lan} since the
     * previous tcpdump of it (or since it was made), printed by the tools'
     * tcpdump formatter ({@code -e}, {@code -v}, a filter expression).
     */
    public CommandResult tcpdump(Lan lan, String... arguments) {
        Objects.requireNonNull(lan, "lan");
        flushIdle(null);
        world.runFor(EngineBackend.COMMAND_GAP_NANOS);
        List<CapturedFrame> all = lan.engine().capture();
        int from = dumped.getOrDefault(lan.name(), 0);
        dumped.put(lan.name(), all.size());
        List<String> args = List.of(arguments);
        Execution e = Tcpdump.dump(all.subList(from, all.size()), args);
        transcript.add(new Transcript.Tcpdump(lan.name(), args, e.output(), e.exitStatus()));
        return new CommandResult("@tcpdump", lan.name() + (args.isEmpty() ? "" : " " + String.join(" ", args)),
                e.output(), e.exitStatus());
    }

    // ---- steps

    /** Creates the engine host on first use, as a spec session does when a step first names it. */
    dev.lvsunit.engine.Host materialize(Host host) {
        Optional<dev.lvsunit.engine.Host> existing = world.host(host.name());
        if (existing.isPresent()) {
            return existing.get();
        }
        materialized.add(host);
        return world.addHost(host.name());
    }

    /**
     * One command on {@code host}: the typing gap, then {@code action}, recorded
     * with what it printed. A failed configuration step throws.
     */
    CommandResult step(Host host, String commandLine, Supplier<Execution> action, boolean throwOnFailure) {
        host.engine();
        flushIdle(host);
        world.runFor(EngineBackend.COMMAND_GAP_NANOS);
        Execution e = action.get();
        transcript.add(new Transcript.Command(host.name(), commandLine, e.output(), e.exitStatus()));
        CommandResult result = new CommandResult(host.name(), commandLine, e.output(), e.exitStatus());
        if (throwOnFailure && e.exitStatus() != 0) {
            throw new CommandFailedException(result);
        }
        return result;
    }

    /** A command line through the tools' shell. */
    CommandResult run(Host host, String commandLine) {
        return step(host, commandLine, () -> shell.run(host.name(), commandLine), false);
    }

    /**
     * Writes the time the world ran outside steps as {@code sleep}: the spec
     * session runs the typing gap before the sleep too, so the sleep is that
     * much shorter.
     */
    private void flushIdle(Host host) {
        if (idleNanos == 0) {
            return;
        }
        long idle = idleNanos;
        idleNanos = 0;
        Host on = host != null ? host : materialized.isEmpty() ? null : materialized.get(0);
        if (idle >= EngineBackend.COMMAND_GAP_NANOS && on != null) {
            String seconds = new BigDecimal(idle - EngineBackend.COMMAND_GAP_NANOS).movePointLeft(9)
                    .stripTrailingZeros().toPlainString();
            transcript.add(new Transcript.Command(on.name(), "sleep " + seconds, "", 0));
        } else {
            transcript.add(new Transcript.Comment("lvsunit: the clock ran on for " + idle
                    + " ns here, which a transcript cannot express", true));
        }
    }

    /** Notes in the transcript something it cannot replay. */
    void inexact(String what) {
        transcript.add(new Transcript.Comment("lvsunit: " + what + " (not replayable)", true));
    }

    List<Host> materializedHosts() {
        return Collections.unmodifiableList(materialized);
    }

    @Override
    public String toString() {
        return "Lab" + hosts.keySet() + " at " + now();
    }
}
