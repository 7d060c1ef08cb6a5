package dev.lvsunit.kernel;

import dev.lvsunit.spec.backend.Backend;
import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs specs on real Linux hosts: network namespaces joined by Linux bridges.
 *
 * <p>Each session builds, as the spec asks for them:
 * <ul>
 *   <li>one network namespace per host, {@code lo} up, with every
 *       {@code net.ipv4.conf.*} and neighbour setting at the kernel's compiled
 *       default whatever the machine's own settings, and IPv6 disabled;</li>
 *   <li>one Linux bridge per {@code @lan} segment, in a namespace of its own,
 *       forwarding at once (no STP, forward delay 0, no multicast snooping);</li>
 *   <li>one veth pair per member, the host end named as the member's device
 *       with its MAC, MTU 1500, up.</li>
 * </ul>
 * Commands run as {@code ip netns exec NS bash -c LINE}, standard output and
 * error interleaved in write order; {@code bash}'s own error messages read as an
 * interactive root shell prints them ({@code bash: NAME: command not found},
 * not {@code bash: line 1: ...}). {@code serve PORT TEXT} starts a small HTTP
 * server (python3) in the host's namespace.
 *
 * <p>The spec format's inter-command gap is {@link #GAP}: after each command
 * the backend waits that long of real time, so that frames in flight arrive and
 * are answered before the next command. {@code @tcpdump} prints, through
 * {@code tcpdump -n -r}, what one capture on the segment's bridge recorded
 * since the previous {@code @tcpdump}, with timestamps counted from the first
 * command of the session (the virtual clock's zero).
 *
 * <p>Needs root (or CAP_NET_ADMIN and CAP_SYS_ADMIN), iproute2, tcpdump and
 * bash; {@code serve} needs python3. All names start with {@code lvk<pid>-<n>};
 * {@link Session#close()} removes everything, and a shutdown hook does the same
 * when the JVM is stopped by SIGINT or SIGTERM (not after SIGKILL).
 */
public final class KernelBackend implements Backend {

    /** The real time the backend waits after each command: 50 ms. */
    public static final Duration GAP = Duration.ofMillis(50);

    /** A command that runs longer than this is killed and the session fails: 300 s. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(300);

    private static final AtomicInteger SESSIONS = new AtomicInteger();

    /** Creates the backend; nothing is checked or created before {@link #open()}. */
    public KernelBackend() {
    }

    @Override
    public String name() {
        return "kernel";
    }

    /**
     * Opens an empty world.
     *
     * @throws BackendException if the JVM does not run as root
     */
    @Override
    public Session open() {
        long uid = effectiveUid();
        if (uid != 0) {
            throw new BackendException("the kernel backend needs root and network namespaces: running as uid " + uid);
        }
        String tag = "lvk" + ProcessHandle.current().pid() + "-" + SESSIONS.incrementAndGet();
        Path directory;
        try {
            directory = Files.createTempDirectory("lvsunit-" + tag + "-");
        } catch (IOException e) {
            throw new BackendException("kernel backend: cannot create a temporary directory: " + e.getMessage(), e);
        }
        return new KernelSession(tag, directory, GAP, COMMAND_TIMEOUT);
    }

    /** The effective uid from /proc/self/status ("Uid: real effective saved fs"), -1 if unknown. */
    private static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
