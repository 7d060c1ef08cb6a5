package dev.lvsunit.engine.ipvs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /proc/sys/net/ipv4/vs/}: the integer sysctls {@code ip_vs_ctl.c:
 * ip_vs_control_net_init_sysctl} registers, with their defaults. They exist
 * only once IPVS is loaded. Not listed: {@code sync_threshold} (two numbers),
 * {@code est_cpulist} (a CPU list), {@code sync_qlen_max} (depends on memory)
 * and {@code debug_level} (debug kernels only).
 */
final class IpvsSysctl {

    private final Map<String, Integer> values = new LinkedHashMap<>();

    IpvsSysctl() {
        values.put("am_droprate", 10);
        values.put("amemthresh", 1024);
        values.put("backup_only", 0);
        values.put("cache_bypass", 0);
        values.put("conn_reuse_mode", 1);
        values.put("conntrack", 0);
        values.put("drop_entry", 0);
        values.put("drop_packet", 0);
        values.put("est_nice", 0);
        values.put("expire_nodest_conn", 0);
        values.put("expire_quiescent_template", 0);
        values.put("ignore_tunneled", 0);
        values.put("lblc_expiration", 86400);
        values.put("lblcr_expiration", 86400);
        values.put("nat_icmp_send", 0);
        values.put("pmtu_disc", 1);
        values.put("run_estimation", 1);
        values.put("schedule_icmp", 0);
        values.put("secure_tcp", 0);
        values.put("sloppy_sctp", 0);
        values.put("sloppy_tcp", 0);
        values.put("snat_reroute", 1);
        values.put("sync_persist_mode", 0);
        values.put("sync_ports", 1);
        values.put("sync_refresh_period", 0);
        values.put("sync_retries", 0);
        values.put("sync_sock_size", 0);
        values.put("sync_version", 1);
    }

    /** The file names, in {@code sysctl -a} order. */
    public List<String> names() {
        return new ArrayList<>(values.keySet());
    }

    public int read(String name) {
        return values.get(name);
    }

    /** The proc handlers' ranges: defense modes 0..3, {@code sync_version} 0..1, {@code est_nice} -20..19. */
    public boolean accepts(String name, int value) {
        return switch (name) {
            case "drop_entry", "drop_packet", "secure_tcp" -> value >= 0 && value <= 3;
            case "sync_version" -> value == 0 || value == 1;
            case "est_nice" -> value >= -20 && value <= 19;
            case "sync_ports" -> value > 0 && (value & (value - 1)) == 0;
            case "sync_retries" -> value >= 0 && value <= 3;
            default -> true;
        };
    }

    public void write(String name, int value) {
        values.put(name, value);
    }

    int get(String name) {
        return values.get(name);
    }
}
