package dev.lvsunit.tools.ip;

import dev.lvsunit.engine.link.DeviceStats;
import dev.lvsunit.engine.link.NetDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code ip link} and {@code ip addr} print an interface
 * ({@code ipaddress.c}: {@code print_linkinfo}, {@code print_link_flags},
 * {@code print_operstate}), as a physical NIC of a default kernel shows it:
 * Ethernet interfaces have the {@code fq_codel} qdisc systemd makes the
 * default, loopback {@code noqueue}; no {@code @ifN} or {@code link-netns}
 * as on a veth.
 */
final class LinkFormat {

    private LinkFormat() {
    }

    /**
     * {@code dev_get_flags} as {@code print_link_flags} prints them:
     * {@code NO-CARRIER} first for an up interface without carrier;
     * {@code LOWER_UP} (carrier) is only reported while the interface is up.
     */
    static String flags(NetDevice dev) {
        List<String> f = new ArrayList<>();
        boolean up = dev.isUp();
        if (up && !dev.hasCarrier()) {
            f.add("NO-CARRIER");
        }
        if (dev.isLoopback()) {
            f.add("LOOPBACK");
        } else {
            f.add("BROADCAST");
            f.add("MULTICAST");
        }
        if (up) {
            f.add("UP");
            if (dev.hasCarrier()) {
                f.add("LOWER_UP");
            }
        }
        return "<" + String.join(",", f) + ">";
    }

    /**
     * {@code IFLA_OPERSTATE}: loopback has no carrier notion and reports
     * UNKNOWN while up; a NIC is UP with carrier and DOWN otherwise.
     */
    static String operstate(NetDevice dev) {
        if (!dev.isUp()) {
            return "DOWN";
        }
        if (dev.isLoopback()) {
            return "UNKNOWN";
        }
        return dev.hasCarrier() ? "UP" : "DOWN";
    }

    static String qdisc(NetDevice dev) {
        return dev.isLoopback() ? "noqueue" : "fq_codel";
    }

    /** The first line: {@code 2: eth0: <...> mtu 1500 qdisc fq_codel state UP [mode DEFAULT ]group default qlen 1000}. */
    static String header(NetDevice dev, boolean withMode) {
        return dev.ifindex() + ": " + dev.name() + ": " + flags(dev) + " mtu " + dev.mtu()
                + " qdisc " + qdisc(dev) + " state " + operstate(dev) + " "
                + (withMode ? "mode DEFAULT " : "") + "group default qlen 1000";
    }

    /** The second line: {@code     link/ether MAC brd ff:ff:ff:ff:ff:ff}. */
    static String linkLine(NetDevice dev) {
        if (dev.isLoopback()) {
            return "    link/loopback " + dev.mac() + " brd 00:00:00:00:00:00";
        }
        return "    link/ether " + dev.mac() + " brd ff:ff:ff:ff:ff:ff";
    }

    /** {@code print_name_and_link("%-16s ")} and {@code print_operstate} of {@code -br}. */
    static String brief(NetDevice dev) {
        return String.format("%-16s %-14s ", dev.name(), operstate(dev));
    }

    /**
     * {@code print_stats64}: the RX and TX counter tables, and with {@code -s -s}
     * ({@code level} 2) their error tables.
     * Columns start at the widths of their longest header word and grow to fit
     * a value ({@code size_columns}); counters lvsunit does not keep are 0.
     */
    static String stats(NetDevice dev, int level) {
        DeviceStats s = dev.stats();
        long[] rx = {s.rxBytes(), s.rxPackets(), 0, s.rxDropped(), 0, 0, 0};
        long[] tx = {s.txBytes(), s.txPackets(), 0, 0, 0, 0, 0};
        int[] cols = {10, 7, 6, 7, 7, 7, 10};
        sizeColumns(cols, rx);
        sizeColumns(cols, tx);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("    RX: %" + (cols[0] - 4) + "s %" + cols[1] + "s %" + cols[2] + "s %" + cols[3]
                + "s %" + cols[4] + "s %" + cols[5] + "s %" + cols[6] + "s%n",
                "bytes", "packets", "errors", "dropped", "missed", "mcast", ""));
        sb.append("    ").append(values(cols, rx)).append('\n');
        if (level > 1) {
            sb.append(String.format("    RX errors: %" + cols[1] + "s %" + cols[2] + "s %" + cols[3] + "s %" + cols[4]
                    + "s %" + cols[5] + "s%n", "length", "crc", "frame", "fifo", "overrun"));
            sb.append(errorValues(cols));
        }
        sb.append(String.format("    TX: %" + (cols[0] - 4) + "s %" + cols[1] + "s %" + cols[2] + "s %" + cols[3]
                + "s %" + cols[4] + "s %" + cols[5] + "s %" + cols[6] + "s%n",
                "bytes", "packets", "errors", "dropped", "carrier", "collsns", ""));
        sb.append("    ").append(values(cols, tx)).append('\n');
        if (level > 1) {
            sb.append(String.format("    TX errors: %" + cols[1] + "s %" + cols[2] + "s %" + cols[3] + "s %" + cols[4]
                    + "s %" + cols[5] + "s%n", "aborted", "fifo", "window", "heartbt", "transns"));
            sb.append(errorValues(cols));
        }
        return sb.toString().replace(System.lineSeparator(), "\n");
    }

    /** The error counters of {@code -s -s}, none of which lvsunit counts. */
    private static String errorValues(int[] cols) {
        StringBuilder sb = new StringBuilder("    ").append(" ".repeat(cols[0])).append(' ');
        for (int i = 1; i < 6; i++) {
            sb.append(String.format("%" + cols[i] + "d ", 0));
        }
        return sb.append('\n').toString();
    }

    /** The six counters each as {@code "%*llu "}; the seventh (compressed) only when non-zero. */
    private static String values(int[] cols, long[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(String.format("%" + cols[i] + "d ", v[i]));
        }
        if (v[6] != 0) {
            sb.append(String.format("%" + cols[6] + "d ", v[6]));
        }
        return sb.toString();
    }

    /** {@code size_columns}, with its digit count ({@code powi < val}: 10 counts as one digit). */
    static void sizeColumns(int[] cols, long[] values) {
        for (int i = 0; i < cols.length; i++) {
            int len = 1;
            for (long powi = 10; powi < values[i]; powi *= 10) {
                len++;
            }
            cols[i] = Math.max(cols[i], len);
        }
    }
}
