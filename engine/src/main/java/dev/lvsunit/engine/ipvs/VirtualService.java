package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A virtual service ({@code struct ip_vs_service}): its settings, its real
 * servers in the kernel's list order and its scheduler state.
 */
public final class VirtualService {

    private final ServiceKey key;
    ServiceSettings settings;
    Scheduler scheduler;
    /** {@code svc->destinations}: new real servers go to the head. */
    final List<RealServer> destinations = new ArrayList<>();
    private final IpvsStats stats = new IpvsStats();

    VirtualService(ServiceKey key, ServiceSettings settings) {
        this.key = key;
        this.settings = settings;
    }

    public ServiceKey key() {
        return key;
    }

    public ServiceSettings settings() {
        return settings;
    }

    /**
     * The real servers in the kernel's list order, the order every scheduler
     * walks: most recently added first. Listings sort them instead.
     */
    public List<RealServer> destinations() {
        return Collections.unmodifiableList(new ArrayList<>(destinations));
    }

    public IpvsStats stats() {
        return stats;
    }

    RealServer find(Ipv4Address address, int port) {
        for (RealServer d : destinations) {
            if (d.address().equals(address) && d.port() == port) {
                return d;
            }
        }
        return null;
    }

    boolean persistent() {
        return settings.persistent();
    }

    boolean hasFlag(int flag) {
        return (settings.schedFlags() & flag) != 0;
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
