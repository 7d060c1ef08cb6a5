package dev.lvsunit.tools.ipvs;

import java.util.Map;
import java.util.Optional;

/**
 * The few entries of Debian's {@code /etc/services} that LVS setups use, for
 * {@code getservbyport}/{@code getservbyname}. Reverse DNS is not modelled:
 * addresses always print as numbers.
 */
final class Services {

    private static final Map<Integer, String> TCP = Map.ofEntries(
            Map.entry(21, "ftp"), Map.entry(22, "ssh"), Map.entry(23, "telnet"), Map.entry(25, "smtp"),
            Map.entry(53, "domain"), Map.entry(80, "http"), Map.entry(110, "pop3"), Map.entry(143, "imap2"),
            Map.entry(443, "https"), Map.entry(993, "imaps"), Map.entry(995, "pop3s"),
            Map.entry(3306, "mysql"), Map.entry(5432, "postgresql"), Map.entry(6379, "redis"),
            Map.entry(8080, "http-alt"));
    private static final Map<Integer, String> UDP = Map.ofEntries(
            Map.entry(53, "domain"), Map.entry(67, "bootps"), Map.entry(68, "bootpc"), Map.entry(69, "tftp"),
            Map.entry(123, "ntp"), Map.entry(161, "snmp"), Map.entry(443, "https"), Map.entry(514, "syslog"),
            Map.entry(5353, "mdns"));

    private Services() {
    }

    /** {@code getservbyport}: the name of a port for protocol 6 or 17. */
    static Optional<String> name(int port, int protocol) {
        Map<Integer, String> m = protocol == 6 ? TCP : protocol == 17 ? UDP : Map.of();
        return Optional.ofNullable(m.get(port));
    }

    /** {@code getservbyname}. */
    static Optional<Integer> port(String name, int protocol) {
        Map<Integer, String> m = protocol == 6 ? TCP : protocol == 17 ? UDP : Map.of();
        for (Map.Entry<Integer, String> e : m.entrySet()) {
            if (e.getValue().equals(name)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
