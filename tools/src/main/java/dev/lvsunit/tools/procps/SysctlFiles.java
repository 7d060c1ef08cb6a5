package dev.lvsunit.tools.procps;

import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.List;
import java.util.Optional;

/**
 * The files {@code sysctl -p} can read on a simulated host. A host is a fresh
 * Debian 12: {@code /etc/sysctl.conf} (also reached as
 * {@code /etc/sysctl.d/99-sysctl.conf}) holds only comments, so
 * {@code sysctl -p} sets nothing and prints nothing; any other file does not
 * exist. The spec format has no way to write a file yet; when it gets one
 * (say {@code echo LINE >> /etc/sysctl.conf}), its contents belong here.
 */
final class SysctlFiles {

    private SysctlFiles() {
    }

    /**
     * The lines of {@code path}, or empty if there is no such file.
     *
     * @throws NotSupportedException for files that exist on such a host but
     *     are not modelled (standard input, {@code /proc}, other files of {@code /etc/sysctl.d})
     */
    static Optional<List<String>> lines(String path) {
        if (path.equals("/etc/sysctl.conf") || path.equals("/etc/sysctl.d/99-sysctl.conf")) {
            return Optional.of(List.of("# /etc/sysctl.conf - Configuration file for setting system variables"));
        }
        if (path.equals("-") || path.startsWith("/proc/") || path.startsWith("/sys/") || path.startsWith("/etc/sysctl.d")
                || path.startsWith("/usr/lib/sysctl.d") || path.contains("*") || path.contains("?")
                || path.contains("[") || path.contains("{") || path.startsWith("~") || path.equals("/etc")) {
            throw new NotSupportedException("sysctl -p " + path);
        }
        return Optional.empty();
    }
}
