package dev.lvsunit.dsl.ipvs;

import dev.lvsunit.engine.ipvs.DestSettings;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.engine.ipvs.ServiceKey;
import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * A real server as {@code ipvsadm -a} takes it. Immutable.
 *
 * <pre>{@code
 * web.add(realServer("192.168.0.8"));                     // -r 192.168.0.8 -g -w 1
 * web.add(realServer("10.0.0.8", 8080).masq().weight(3)); // -r 10.0.0.8:8080 -m -w 3
 * }</pre>
 *
 * Defaults are ipvsadm's: direct routing ({@code -g}), weight 1, the service's
 * port; for direct routing and tunnelling the port is always the service's
 * (ipvsadm replaces any other).
 */
public final class RealServer {

    private final Ipv4Address address;
    private final int port;
    private final ForwardMethod forward;
    private final int weight;
    private final int upper;
    private final int lower;

    private RealServer(Ipv4Address address, int port, ForwardMethod forward, int weight, int upper, int lower) {
        this.address = address;
        this.port = port;
        this.forward = forward;
        this.weight = weight;
        this.upper = upper;
        this.lower = lower;
    }

    /** {@code -r ADDRESS}. */
    public static RealServer realServer(String address) {
        return new RealServer(Ipv4Address.parse(address), -1, ForwardMethod.DROUTE, 1, 0, 0);
    }

    /** {@code -r ADDRESS:PORT}. */
    public static RealServer realServer(String address, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " out of range");
        }
        return new RealServer(Ipv4Address.parse(address), port, ForwardMethod.DROUTE, 1, 0, 0);
    }

    /** {@code -g}: direct routing, the LVS-DR method. */
    public RealServer route() {
        return new RealServer(address, port, ForwardMethod.DROUTE, weight, upper, lower);
    }

    /** {@code -i}: IP-in-IP tunnelling. */
    public RealServer tunnel() {
        return new RealServer(address, port, ForwardMethod.TUNNEL, weight, upper, lower);
    }

    /** {@code -m}: masquerading (NAT). */
    public RealServer masq() {
        return new RealServer(address, port, ForwardMethod.MASQ, weight, upper, lower);
    }

    /** {@code -w WEIGHT}, 0 to 65535 (0 quiesces: no new connections). */
    public RealServer weight(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("illegal weight specified");
        }
        return new RealServer(address, port, forward, value, upper, lower);
    }

    /** {@code -x UPPER -y LOWER}: connection thresholds. */
    public RealServer thresholds(int upperThreshold, int lowerThreshold) {
        return new RealServer(address, port, forward, weight, upperThreshold, lowerThreshold);
    }

    public Ipv4Address address() {
        return address;
    }

    /** The port ipvsadm sends for this real server of {@code service}. */
    int port(ServiceKey service) {
        if (service.isFwmark()) {
            return Math.max(port, 0);
        }
        return port < 0 || forward == ForwardMethod.DROUTE || forward == ForwardMethod.TUNNEL ? service.port() : port;
    }

    DestSettings settings(ServiceKey service) {
        return new DestSettings(address, port(service), forward, weight, upper, lower);
    }

    /** The words after {@code ipvsadm -a SERVICE}. */
    String arguments(ServiceKey service) {
        StringBuilder sb = new StringBuilder("-r ").append(address);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(switch (forward) {
            case MASQ -> " -m";
            case TUNNEL -> " -i";
            default -> " -g";
        });
        sb.append(" -w ").append(weight);
        if (upper != 0) {
            sb.append(" -x ").append(upper);
        }
        if (lower != 0) {
            sb.append(" -y ").append(lower);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return arguments(ServiceKey.tcp(Ipv4Address.ANY, 0));
    }
}
