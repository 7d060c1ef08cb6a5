package dev.lvsunit.dsl.ipvs;

import dev.lvsunit.engine.ipvs.IpvsProtocol;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.ipvs.ServiceSettings;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A virtual service as {@code ipvsadm -A} takes it. Immutable.
 *
 * <pre>{@code
 * director.ipvs().add(tcp("192.168.0.101", 80).scheduler(Scheduler.RR));      // ipvsadm -A -t 192.168.0.101:80 -s rr
 * director.ipvs().add(tcp("192.168.0.101", 443).persistent(Duration.ofMinutes(5)));
 * }</pre>
 *
 * Defaults are ipvsadm's: scheduler {@code wlc}; not persistent; with
 * {@link #persistent()} alone, 360 seconds.
 */
public final class Service {

    /** ipvsadm's persistence timeout when {@code -p} has no value ({@code IPVS_SVC_PERSISTENT_TIMEOUT}). */
    public static final int DEFAULT_PERSISTENCE_SECONDS = 360;

    private final ServiceKey key;
    private final Scheduler scheduler;
    private final int persistence;
    private final Ipv4Address netmask;

    private Service(ServiceKey key, Scheduler scheduler, int persistence, Ipv4Address netmask) {
        this.key = key;
        this.scheduler = scheduler;
        this.persistence = persistence;
        this.netmask = netmask;
    }

    /** {@code -t VIP:PORT}. */
    public static Service tcp(String vip, int port) {
        return tcp(Ipv4Address.parse(vip), port);
    }

    /** {@code -t VIP:PORT}. */
    public static Service tcp(Ipv4Address vip, int port) {
        return new Service(ServiceKey.tcp(vip, checkPort(port)), null, 0, null);
    }

    /** {@code -u VIP:PORT}. */
    public static Service udp(String vip, int port) {
        return new Service(ServiceKey.udp(Ipv4Address.parse(vip), checkPort(port)), null, 0, null);
    }

    /** {@code -f MARK}. */
    public static Service fwmark(long mark) {
        if (mark < 1 || mark > 0xffffffffL) {
            throw new IllegalArgumentException("invalid fwmark value `" + mark + "' specified");
        }
        return new Service(ServiceKey.fwmark(mark), null, 0, null);
    }

    private static int checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return port;
    }

    /** {@code -s NAME}. */
    public Service scheduler(Scheduler value) {
        return new Service(key, Objects.requireNonNull(value), persistence, netmask);
    }

    /** {@code -p}: persistent for ipvsadm's default 360 seconds. */
    public Service persistent() {
        return new Service(key, scheduler, DEFAULT_PERSISTENCE_SECONDS, netmask);
    }

    /** {@code -p SECONDS}. */
    public Service persistent(java.time.Duration timeout) {
        long s = timeout.toSeconds();
        if (s < 1 || s > 2678400) {
            throw new IllegalArgumentException("invalid timeout value `" + s + "' specified");
        }
        return new Service(key, scheduler, (int) s, netmask);
    }

    /** {@code -M NETMASK}: the persistence granularity. */
    public Service netmask(String mask) {
        return new Service(key, scheduler, persistence, Ipv4Address.parse(mask));
    }

    /** The kernel's key of this service. */
    public ServiceKey key() {
        return key;
    }

    /** What {@code ipvsadm -A} sends for it. */
    public ServiceSettings settings() {
        ServiceSettings s = ServiceSettings.of((scheduler == null ? Scheduler.WLC : scheduler).label());
        if (persistence > 0) {
            s = s.withPersistence(persistence);
        }
        if (netmask != null) {
            s = s.withNetmask(netmask);
        }
        return s;
    }

    /** {@code -t 192.168.0.101:80}, {@code -u ...} or {@code -f 1}: how ipvsadm names the service. */
    public String selector() {
        return selector(key);
    }

    static String selector(ServiceKey key) {
        if (key.isFwmark()) {
            return "-f " + key.fwmark();
        }
        return (key.protocol() == IpvsProtocol.TCP ? "-t " : "-u ") + key.address() + ":" + key.port();
    }

    /** The words after {@code ipvsadm -A}. */
    public String arguments() {
        List<String> words = new ArrayList<>();
        words.add(selector());
        if (scheduler != null) {
            words.add("-s " + scheduler.label());
        }
        if (persistence > 0) {
            words.add("-p " + persistence);
        }
        if (netmask != null) {
            words.add("-M " + netmask);
        }
        return String.join(" ", words);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Service s && arguments().equals(s.arguments());
    }

    @Override
    public int hashCode() {
        return arguments().hashCode();
    }

    @Override
    public String toString() {
        return arguments();
    }
}
