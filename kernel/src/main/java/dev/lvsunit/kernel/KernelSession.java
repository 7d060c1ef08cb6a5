package dev.lvsunit.kernel;

import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One scenario on real Linux hosts: a network namespace per host, a bridge in
 * a namespace of its own per segment, a veth pair per member.
 *
 * <pre>
 *   namespace TAG-h-client          namespace TAG-s1              namespace TAG-h-director
 *   lo, eth0 (02:00:00:00:01:01) ==== p1 -- br0 -- p2 ==== eth0 (02:00:00:00:02:01), lo
 * </pre>
 *
 * <p>Every namespace gets the kernel's default settings ({@link KernelDefaults})
 * before any interface is made in it. Names start with the session's tag
 * ({@code lvk<pid>-<n>}), so parallel sessions, in one JVM or several, never
 * meet; interface names need no tag, each living in its own namespace.
 */
final class KernelSession implements Session {

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");
    private static final Pattern SERVE = Pattern.compile("^\\s*serve(?=\\s|$)");
    private static final String BRIDGE = "br0";

    private final String tag;
    private final Path directory;
    private final Duration gap;
    private final Duration timeout;
    /** What bash calls itself in its error messages; replaced by "bash" in the output. */
    private final String shellName;
    private final Pattern shellPrefix;
    /** The copy of the offending line that bash -c adds after a syntax error. */
    private final Pattern shellEcho;

    private final Map<String, String> hosts = new LinkedHashMap<>();
    private final Map<String, Set<String>> devices = new LinkedHashMap<>();
    // read by the shutdown hook while a command may hold the session's lock
    private final Map<String, Segment> segments = new ConcurrentHashMap<>();
    /** Every namespace this session asked for, in creation order; all are removed on close. */
    private final List<String> namespaces = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook;
    private final AtomicInteger scratchCounter = new AtomicInteger();
    private final AtomicBoolean removed = new AtomicBoolean();

    private Long clockZeroNanos;
    private int segmentCount;
    private volatile boolean closed;

    private record Segment(String namespace, SegmentCapture capture) {
    }

    KernelSession(String tag, Path directory, Duration gap, Duration timeout) {
        this.tag = tag;
        this.directory = directory;
        this.gap = gap;
        this.timeout = timeout;
        this.shellName = "lvsunit-bash-" + tag;
        this.shellPrefix = Pattern.compile("^" + Pattern.quote(shellName) + "(?:: -c)?(?:: line \\d+)?: ",
                Pattern.MULTILINE);
        this.shellEcho = Pattern.compile("^" + Pattern.quote(shellName) + ": -c: line \\d+: `.*\n",
                Pattern.MULTILINE);
        try {
            Files.writeString(directory.resolve("namespace.sh"), KernelDefaults.namespaceScript());
            Files.writeString(directory.resolve("devices.sh"), KernelDefaults.deviceScript());
            try (InputStream serve = KernelSession.class.getResourceAsStream("serve.py")) {
                Files.write(directory.resolve("serve.py"), serve.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.shutdownHook = new Thread(this::removeEverything, "lvsunit-kernel-cleanup-" + tag);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    String tag() {
        return tag;
    }

    @Override
    public synchronized void host(String name) {
        checkOpen();
        if (hosts.containsKey(name)) {
            return;
        }
        checkHostName(name);
        String namespace = tag + "-h-" + name;
        addNamespaces(List.of(namespace));
        hosts.put(name, namespace);
        devices.put(name, new LinkedHashSet<>());
        StringBuilder script = new StringBuilder("set -e\n");
        script.append("ip netns exec ").append(namespace).append(" sh ").append(directory.resolve("namespace.sh"))
                .append('\n');
        runSetup(script.toString(), "host " + name);
    }

    @Override
    public synchronized void lan(String segment, List<LanMember> members) {
        checkOpen();
        if (segments.containsKey(segment)) {
            throw new BackendException("segment " + segment + " is defined twice");
        }
        Set<String> seen = new HashSet<>();
        Map<String, String> newHosts = new LinkedHashMap<>();
        for (LanMember m : members) {
            if (!hosts.containsKey(m.host())) {
                checkHostName(m.host());
                newHosts.putIfAbsent(m.host(), tag + "-h-" + m.host());
            }
            if (!DEVICE_NAME.matcher(m.device()).matches() || m.device().equals("lo")) {
                throw new BackendException("@lan " + segment + ": the kernel backend cannot create an interface named "
                        + m.device() + " (want 1 to 15 of A-Z a-z 0-9 _ . -)");
            }
            if (!MAC.matcher(m.mac()).matches()) {
                throw new BackendException("@lan " + segment + ": bad MAC address " + m.mac());
            }
            boolean onSegment = devices.getOrDefault(m.host(), Set.of()).contains(m.device());
            if (onSegment || !seen.add(m.host() + ":" + m.device())) {
                throw new BackendException("@lan " + segment + ": " + m.host() + ":" + m.device()
                        + " is already on a segment");
            }
        }
        String segmentNamespace = tag + "-s" + (++segmentCount);
        List<String> toCreate = new ArrayList<>(newHosts.values());
        toCreate.add(segmentNamespace);
        addNamespaces(toCreate);
        for (Map.Entry<String, String> h : newHosts.entrySet()) {
            hosts.put(h.getKey(), h.getValue());
            devices.put(h.getKey(), new LinkedHashSet<>());
        }

        // One ip process builds the whole segment: the bridge, then each veth
        // pair with its bridge end created as a port of br0 and its host end
        // created directly in the host's namespace (so it copies that
        // namespace's conf/default, not init_net's), with its name, MAC and MTU.
        StringBuilder batch = new StringBuilder();
        batch.append("link add ").append(BRIDGE)
                .append(" type bridge stp_state 0 forward_delay 0 mcast_snooping 0\n");
        batch.append("link set ").append(BRIDGE).append(" up\n");
        int port = 0;
        Map<String, List<String>> newDevices = new LinkedHashMap<>();
        for (LanMember m : members) {
            port++;
            batch.append("link add p").append(port).append(" master ").append(BRIDGE)
                    .append(" type veth peer name ").append(m.device())
                    .append(" address ").append(m.mac()).append(" mtu 1500 netns ")
                    .append(hosts.get(m.host())).append('\n');
            newDevices.computeIfAbsent(m.host(), h -> new ArrayList<>()).add(m.device());
        }
        for (int p = 1; p <= port; p++) {
            batch.append("link set p").append(p).append(" up\n");
        }
        Path batchFile = directory.resolve(segmentNamespace + ".batch");
        write(batchFile, batch.toString());

        StringBuilder script = new StringBuilder("set -e\n");
        for (String namespace : toCreate) {
            script.append("ip netns exec ").append(namespace).append(" sh ")
                    .append(directory.resolve("namespace.sh")).append('\n');
        }
        script.append("ip -n ").append(segmentNamespace).append(" -batch ").append(batchFile).append('\n');
        for (Map.Entry<String, List<String>> e : newDevices.entrySet()) {
            script.append("ip netns exec ").append(hosts.get(e.getKey())).append(" sh ")
                    .append(directory.resolve("devices.sh"));
            for (String device : e.getValue()) {
                script.append(' ').append(device);
            }
            script.append('\n');
        }
        runSetup(script.toString(), "@lan " + segment);
        for (LanMember m : members) {
            devices.get(m.host()).add(m.device());
        }
        SegmentCapture capture;
        try {
            capture = SegmentCapture.start(segmentNamespace, BRIDGE, directory.resolve(segmentNamespace + ".pcap"),
                    directory.resolve(segmentNamespace + ".tcpdump.log"));
        } catch (IOException e) {
            throw new BackendException("kernel backend: cannot start tcpdump: " + e.getMessage(), e);
        }
        segments.put(segment, new Segment(segmentNamespace, capture));
    }

    @Override
    public synchronized CommandOutcome run(String host, String commandLine) {
        checkOpen();
        host(host);
        startClock();
        String line = commandLine;
        Matcher serve = SERVE.matcher(line);
        if (serve.find()) {
            line = "python3 " + directory.resolve("serve.py") + line.substring(serve.end());
        }
        Exec.Result result = exec(List.of("ip", "netns", "exec", hosts.get(host), "bash", "-c", line, shellName),
                Map.of(), host + "# " + commandLine);
        String output = withoutPeerNetnsNoise(asInteractiveShell(result.output()));
        pause(gap);
        return new CommandOutcome(output, result.exitStatus());
    }

    /** What iproute2 prints when a peer namespace vanishes or appears while it lists veths. */
    static final String PEER_NETNS_NOISE = "Error: Peer netns reference is invalid.";

    /**
     * Drops one line that is not Linux behaviour but an artefact of veths among
     * namespaces made in parallel: to print a veth's {@code link-netns NAME},
     * iproute2 asks the kernel for the id of every file in /run/netns, and a
     * file that {@code ip netns add} has created but not yet mounted (another
     * session making its namespace at that moment) draws this extack. A
     * physical NIC, which the spec format promises, has no peer namespace.
     */
    static String withoutPeerNetnsNoise(String output) {
        if (!output.contains(PEER_NETNS_NOISE)) {
            return output;
        }
        StringBuilder sb = new StringBuilder();
        for (String l : output.split("\n", -1)) {
            if (!l.equals(PEER_NETNS_NOISE)) {
                sb.append(l).append('\n');
            }
        }
        // split keeps the empty piece after the final newline: drop the newline it added
        sb.setLength(Math.max(0, sb.length() - 1));
        return sb.toString();
    }

    /**
     * Bash run with {@code -c} prefixes its own messages with {@code NAME: line 1: }
     * and repeats a line with a syntax error; the interactive root shell of a
     * transcript prints {@code bash: } alone ({@code error_prolog()} in bash's
     * error.c adds the line number only when the shell is not interactive).
     * Running bash interactively instead would print job-control warnings
     * without a terminal, so the messages are rewritten. {@code shellName} is
     * unique to the session, so no line a tool prints is touched.
     */
    private String asInteractiveShell(String output) {
        if (!output.contains(shellName)) {
            return output;
        }
        String withoutEcho = shellEcho.matcher(output).replaceAll("");
        return shellPrefix.matcher(withoutEcho).replaceAll("bash: ");
    }

    @Override
    public synchronized CommandOutcome tcpdump(String segment, List<String> arguments) {
        checkOpen();
        Segment s = segments.get(segment);
        if (s == null) {
            throw new BackendException("@tcpdump: no segment " + segment);
        }
        long zero = startClock();
        Path pcap = directory.resolve("tcpdump-" + (scratchCounter.incrementAndGet()) + ".pcap");
        try {
            s.capture().checkRunning();
            List<Pcap.Frame> frames = s.capture().takeNew();
            Pcap.Header header = s.capture().header();
            if (header == null) {
                header = Pcap.ethernetHeader();
            }
            List<Pcap.Frame> shifted = new ArrayList<>(frames.size());
            for (Pcap.Frame frame : frames) {
                if (header.linkType() == Pcap.LINKTYPE_ETHERNET) {
                    WireChecksums.complete(frame.data());
                }
                shifted.add(frame.shifted(zero));
            }
            try (OutputStream out = Files.newOutputStream(pcap)) {
                Pcap.write(out, header, shifted);
            }
            List<String> argv = new ArrayList<>(List.of("tcpdump", "-n", "-r", pcap.toString()));
            argv.addAll(arguments);
            Exec.Result result = exec(argv, Map.of("TZ", "UTC"), "@tcpdump " + segment);
            // tcpdump -r announces the file on stderr; a capture on the wire has no such line
            String output = result.output().lines()
                    .filter(l -> !l.startsWith("reading from file "))
                    .map(l -> l + "\n")
                    .reduce("", String::concat);
            return new CommandOutcome(output, result.exitStatus());
        } catch (IOException e) {
            throw new BackendException("kernel backend: @tcpdump " + segment + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(pcap);
            } catch (IOException ignored) {
                // removed with the directory on close
            }
        }
    }

    /** Removes every namespace, process and file of the session. Never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | SecurityException e) {
            // the JVM is shutting down: the hook runs removeEverything itself
        }
        removeEverything();
    }

    /**
     * Stops the captures, kills whatever still runs in our namespaces (servers
     * started by {@code serve}; a process keeps its namespace alive after
     * {@code ip netns del}), deletes the namespaces (which takes the veths
     * and bridges with them) and the session's files. Runs once, from
     * {@link #close()} or from the shutdown hook, without the session's lock:
     * killing the processes of our namespaces also ends a command that is
     * still running.
     */
    private void removeEverything() {
        if (!removed.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        for (Segment s : segments.values()) {
            try {
                s.capture().close();
            } catch (RuntimeException ignored) {
                // keep cleaning
            }
        }
        segments.clear();
        if (!namespaces.isEmpty()) {
            try {
                for (String namespace : namespaces) {
                    Exec.Result pids = quietExec(List.of("ip", "netns", "pids", namespace));
                    if (pids != null && pids.ok()) {
                        pids.output().lines().map(String::strip).filter(l -> l.matches("\\d+"))
                                .map(Long::parseLong)
                                .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
                    }
                }
                StringBuilder batch = new StringBuilder();
                for (String namespace : namespaces) {
                    batch.append("netns del ").append(namespace).append('\n');
                }
                Path batchFile = directory.resolve("delete.batch");
                Files.writeString(batchFile, batch.toString());
                quietExec(List.of("ip", "-force", "-batch", batchFile.toString()));
            } catch (IOException | RuntimeException ignored) {
                // best effort: close never throws
            }
            namespaces.clear();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private Exec.Result quietExec(List<String> argv) {
        try {
            return Exec.run(argv, Map.of(), directory.resolve("cleanup-" + (scratchCounter.incrementAndGet()) + ".out"),
                    Duration.ofSeconds(30));
        } catch (IOException | Exec.TimeoutException | RuntimeException e) {
            return null;
        }
    }

    private void addNamespaces(List<String> names) {
        StringBuilder batch = new StringBuilder();
        for (String name : names) {
            batch.append("netns add ").append(name).append('\n');
        }
        namespaces.addAll(names);
        Path batchFile = directory.resolve("add-" + (scratchCounter.incrementAndGet()) + ".batch");
        write(batchFile, batch.toString());
        Exec.Result result = exec(List.of("ip", "-batch", batchFile.toString()), Map.of(), "ip netns add");
        if (!result.ok()) {
            throw new BackendException("the kernel backend needs root and network namespaces: ip netns add failed: "
                    + result.oneLine());
        }
    }

    private void runSetup(String script, String what) {
        Path file = directory.resolve("setup-" + (scratchCounter.incrementAndGet()) + ".sh");
        write(file, script);
        Exec.Result result = exec(List.of("bash", file.toString()), Map.of(), what);
        if (!result.ok()) {
            throw new BackendException("kernel backend: cannot build " + what + ": " + result.oneLine());
        }
    }

    private Exec.Result exec(List<String> argv, Map<String, String> env, String what) {
        try {
            return Exec.run(argv, env, directory.resolve("out-" + (scratchCounter.incrementAndGet()) + ".txt"), timeout);
        } catch (Exec.TimeoutException e) {
            throw new BackendException("kernel backend: " + what + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackendException("kernel backend: cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** Fixes the virtual clock's zero on first use, so the first command runs at 00:00:00. */
    private long startClock() {
        if (clockZeroNanos == null) {
            Instant now = Instant.now();
            clockZeroNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }
        return clockZeroNanos;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("session " + tag + " is closed");
        }
    }

    private static void checkHostName(String name) {
        if (!HOST_NAME.matcher(name).matches()) {
            throw new BackendException("the kernel backend cannot make a host named " + name);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
