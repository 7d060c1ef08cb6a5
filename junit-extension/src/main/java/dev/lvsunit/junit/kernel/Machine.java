package dev.lvsunit.junit.kernel;

import dev.lvsunit.kernel.KernelBackend;
import dev.lvsunit.spec.backend.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a replay runs, and what that place lacks: the backend, why it cannot
 * run at all (not root, no network namespaces), and why it cannot run IPVS.
 * A replay that meets one of the reasons is skipped with it, not failed: the
 * test is fine, the machine is not one where Linux can be asked.
 *
 * @param backend the backend the transcript is replayed on
 * @param where its hosts, for messages: {@code Linux 6.18.44 hosts (network namespaces)}
 * @param unavailable why the backend cannot run here, if it cannot
 * @param noIpvs why {@code ipvsadm} commands cannot run here, if they cannot
 */
record Machine(Backend backend, String where, Optional<String> unavailable, Optional<String> noIpvs) {

    /** The directories the kernel backend's commands search, as a root login shell does. */
    private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin",
            "/sbin", "/bin");

    Machine {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(unavailable, "unavailable");
        Objects.requireNonNull(noIpvs, "noIpvs");
    }

    /** This machine's kernel, probed once per JVM (the answer does not change while tests run). */
    static Machine local() {
        return Local.MACHINE;
    }

    /** The release of the running kernel, such as {@code 6.18.44}, for messages. */
    private static String kernelRelease() {
        return System.getProperty("os.version", "?");
    }

    /** The holder idiom: probed on first use, once. */
    private static final class Local {
        static final Machine MACHINE = new Machine(new KernelBackend(),
                "Linux " + kernelRelease() + " hosts (network namespaces)", probeNamespaces(), probeIpvs());
    }

    /** Root and a network namespace that can be made, or why not. */
    private static Optional<String> probeNamespaces() {
        long uid = effectiveUid();
        if (uid != 0) {
            return Optional.of("@AlsoOnLinux needs root to build hosts from network namespaces (running as uid "
                    + (uid < 0 ? "unknown" : uid) + ")");
        }
        String probe = "lvd" + ProcessHandle.current().pid() + "-probe";
        try {
            if (ip("netns", "add", probe) != 0) {
                return Optional.of("@AlsoOnLinux needs network namespaces: ip netns add failed");
            }
            ip("netns", "del", probe);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("@AlsoOnLinux needs iproute2: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking for network namespaces");
        }
    }

    private static int ip(String... arguments) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add("ip");
        pb.command().addAll(List.of(arguments));
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /**
     * IPVS is there when the kernel has the ip_vs module loaded (it makes
     * {@code /proc/net/ip_vs}, in every namespace) and ipvsadm is installed.
     */
    private static Optional<String> probeIpvs() {
        if (!Files.exists(Path.of("/proc/net/ip_vs"))) {
            return Optional.of("this kernel (" + kernelRelease() + ") has no IPVS: /proc/net/ip_vs is missing, "
                    + "the ip_vs module is not loaded");
        }
        if (PATH.stream().noneMatch(d -> Files.isExecutable(Path.of(d, "ipvsadm")))) {
            return Optional.of("ipvsadm is not installed");
        }
        return Optional.empty();
    }

    /** The effective uid from /proc/self/status ({@code Uid: real effective saved fs}), -1 if unknown. */
    private static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
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
