package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * What {@code ipvsadm -A} / {@code -E} sets on a service ({@code struct ip_vs_service_user}).
 *
 * @param scheduler the scheduler name ({@code rr}, {@code wlc}, ...)
 * @param persistent {@code IP_VS_SVC_F_PERSISTENT} ({@code -p})
 * @param timeout the persistence timeout in seconds
 * @param netmask the persistence granularity ({@code -M})
 * @param onePacket {@code IP_VS_SVC_F_ONEPACKET} ({@code -o})
 * @param schedFlags {@code IP_VS_SVC_F_SCHED1..3} bits ({@code -b}), see {@link #SCHED1}
 * @param persistenceEngine the {@code --pe} name, or {@code null}
 */
public record ServiceSettings(String scheduler, boolean persistent, int timeout, Ipv4Address netmask,
                              boolean onePacket, int schedFlags, String persistenceEngine) {

    /** {@code IP_VS_SVC_F_SCHED1}: sh-fallback / mh-fallback / flag-1. */
    public static final int SCHED1 = 0x0008;
    /** {@code IP_VS_SVC_F_SCHED2}: sh-port / mh-port / flag-2. */
    public static final int SCHED2 = 0x0010;
    /** {@code IP_VS_SVC_F_SCHED3}: flag-3. */
    public static final int SCHED3 = 0x0020;

    public ServiceSettings {
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(netmask, "netmask");
    }

    /** A non-persistent service with the given scheduler. */
    public static ServiceSettings of(String scheduler) {
        return new ServiceSettings(scheduler, false, 0, Ipv4Address.BROADCAST, false, 0, null);
    }

    /** The same settings, persistent for {@code seconds}. */
    public ServiceSettings withPersistence(int seconds) {
        return new ServiceSettings(scheduler, true, seconds, netmask, onePacket, schedFlags, persistenceEngine);
    }

    /** The same settings with a persistence netmask. */
    public ServiceSettings withNetmask(Ipv4Address mask) {
        return new ServiceSettings(scheduler, persistent, timeout, mask, onePacket, schedFlags, persistenceEngine);
    }

    /** The same settings with scheduler flags. */
    public ServiceSettings withSchedFlags(int flags) {
        return new ServiceSettings(scheduler, persistent, timeout, netmask, onePacket, flags, persistenceEngine);
    }
}
