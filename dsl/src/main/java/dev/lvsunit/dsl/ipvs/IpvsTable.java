package dev.lvsunit.dsl.ipvs;

import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.List;
import java.util.Optional;

/**
 * A host's IPVS table at one moment: a snapshot for assertions.
 *
 * @param host the host
 * @param services the virtual services, in the order they were added
 */
public record IpvsTable(String host, List<ServiceEntry> services) {

    public IpvsTable {
        services = List.copyOf(services);
    }

    /** The service with {@code key}, if any. */
    public Optional<ServiceEntry> service(ServiceKey key) {
        return services.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * One virtual service.
     *
     * @param key its key
     * @param name how ipvsadm names it: {@code -t 192.168.0.101:80}
     * @param scheduler the scheduler's name
     * @param persistence the persistence timeout in seconds, 0 when not persistent
     * @param realServers its real servers, in the kernel's order (most recently added first)
     */
    public record ServiceEntry(ServiceKey key, String name, String scheduler, int persistence,
                               List<RealServerEntry> realServers) {
        public ServiceEntry {
            realServers = List.copyOf(realServers);
        }

        /** The real server at {@code address}, if any. */
        public Optional<RealServerEntry> realServer(Ipv4Address address) {
            return realServers.stream().filter(r -> r.address().equals(address)).findFirst();
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(name).append(' ').append(scheduler);
            if (persistence > 0) {
                sb.append(" persistent ").append(persistence);
            }
            for (RealServerEntry r : realServers) {
                sb.append("\n  -> ").append(r);
            }
            return sb.toString();
        }
    }

    /**
     * One real server of a service.
     *
     * @param address its address
     * @param port its port
     * @param forward how packets reach it
     * @param weight its weight
     * @param activeConns established connections
     * @param inactiveConns other connections
     * @param persistentConns persistence templates
     */
    public record RealServerEntry(Ipv4Address address, int port, ForwardMethod forward, int weight, int activeConns,
                                  int inactiveConns, int persistentConns) {
        @Override
        public String toString() {
            String method = switch (forward) {
                case MASQ -> "Masq";
                case TUNNEL -> "Tunnel";
                case LOCALNODE -> "Local";
                default -> "Route";
            };
            return address + ":" + port + " " + method + " weight " + weight + " active " + activeConns
                    + " inactive " + inactiveConns;
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("IPVS of ").append(host).append(':');
        for (ServiceEntry s : services) {
            sb.append('\n').append(s);
        }
        return sb.toString();
    }
}
