package dev.lvsunit.tools.procps;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.sysctl.Sysctl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /proc/sys} as {@code stat(2)} sees it on a host: what the engine
 * models ({@link Sysctl}: {@code net/ipv4/conf}, {@code net/ipv4/neigh},
 * {@code net/ipv4/ip_forward}), and, so that a real key lvsunit does not model
 * is not mistaken for a missing one, the names of every other file of a
 * Debian 12 host with kernel 6.18 (resource {@code proc-sys-keys.txt}, from
 * {@code sysctl -a -N}, with {@code *} for an interface name; without
 * {@code net.ipv4.vs.*}, which appear when {@code ip_vs} is loaded, that is
 * once the engine's IPVS is in use).
 */
final class ProcSys {

    /** What {@code stat} says of a path. */
    enum Kind {
        /** A file the engine models. */
        FILE,
        /** A directory whose whole listing the engine knows. */
        DIRECTORY,
        /** A file or directory that exists on a real host but that lvsunit does not model. */
        UNMODELLED_FILE,
        UNMODELLED_DIRECTORY,
        /** {@code ENOENT}. */
        MISSING,
        /** {@code ENOTDIR}: a file was used as a directory. */
        NOT_A_DIRECTORY
    }

    private static final List<String[]> KNOWN = load();

    private final Host host;
    private final Sysctl sysctl;

    ProcSys(Host host) {
        this.host = host;
        this.sysctl = host.sysctl();
    }

    Sysctl sysctl() {
        return sysctl;
    }

    /**
     * {@code stat("/proc/sys/" + path)}: empty components ({@code a//b}) are
     * skipped as the kernel skips them; a trailing slash asks for a directory.
     */
    Kind stat(String path) {
        String[] parts = path.split("/", -1);
        List<String> walked = new ArrayList<>();
        boolean trailingSlash = path.endsWith("/");
        Kind kind = Kind.DIRECTORY;
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (kind == Kind.FILE || kind == Kind.UNMODELLED_FILE) {
                return Kind.NOT_A_DIRECTORY;
            }
            walked.add(part);
            kind = node(String.join("/", walked));
            if (kind == Kind.MISSING) {
                return kind;
            }
        }
        if (trailingSlash && (kind == Kind.FILE || kind == Kind.UNMODELLED_FILE)) {
            return Kind.NOT_A_DIRECTORY;
        }
        return kind;
    }

    /** The canonical form of a path: no empty components, no trailing slash. */
    static String canonical(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    private Kind node(String path) {
        if (sysctl.exists(path)) {
            return Kind.FILE;
        }
        Optional<List<String>> dir = sysctl.directory(path);
        if (dir.isPresent()) {
            return complete(path) ? Kind.DIRECTORY : Kind.UNMODELLED_DIRECTORY;
        }
        if (modelledSubtree(path)) {
            return Kind.MISSING;
        }
        if (host.hasIpvs() && (path.equals("net/ipv4/vs/sync_threshold") || path.equals("net/ipv4/vs/est_cpulist")
                || path.equals("net/ipv4/vs/sync_qlen_max"))) {
            return Kind.UNMODELLED_FILE; // ip_vs registers them too; the engine keeps only the integer ones
        }
        String[] p = path.split("/");
        boolean isDir = false;
        for (String[] key : KNOWN) {
            if (matches(key, p, p.length)) {
                if (key.length == p.length) {
                    return Kind.UNMODELLED_FILE;
                }
                isDir = true;
            }
        }
        return isDir ? Kind.UNMODELLED_DIRECTORY : Kind.MISSING;
    }

    /** Directories the engine lists in full. */
    private static boolean complete(String path) {
        return path.startsWith("net/ipv4/conf") || path.startsWith("net/ipv4/neigh");
    }

    /** Where the engine is the only authority: a name it does not know there does not exist. */
    private static boolean modelledSubtree(String path) {
        return path.startsWith("net/ipv4/conf/") || path.startsWith("net/ipv4/neigh/");
    }

    /** Whether the first {@code n} components of a known key match {@code p}; {@code *} is an interface of the host. */
    private boolean matches(String[] key, String[] p, int n) {
        if (key.length < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (key[i].equals("*")) {
                if (!p[i].equals("all") && !p[i].equals("default") && host.device(p[i]).isEmpty()) {
                    return false;
                }
            } else if (!key[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> load() {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = ProcSys.class.getResourceAsStream("proc-sys-keys.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(line.strip().split("\\."));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
