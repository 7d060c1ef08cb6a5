package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * What identifies a virtual service: {@code (protocol, VIP, port)} or a
 * firewall mark. For fwmark services ipvsadm stores protocol TCP and address
 * 0.0.0.0 ({@code ipvsadm.c: parse_options}, case {@code 'f'}), and so does this key.
 *
 * @param protocol TCP or UDP
 * @param address the virtual IP, 0.0.0.0 for fwmark services
 * @param port the virtual port (0 for a port-zero persistent service and for fwmark services)
 * @param fwmark the mark, 0 for an address service
 */
public record ServiceKey(IpvsProtocol protocol, Ipv4Address address, int port, long fwmark) {

    public ServiceKey {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
    }

    /** {@code -t VIP:PORT}. */
    public static ServiceKey tcp(Ipv4Address vip, int port) {
        return new ServiceKey(IpvsProtocol.TCP, vip, port, 0);
    }

    /** {@code -u VIP:PORT}. */
    public static ServiceKey udp(Ipv4Address vip, int port) {
        return new ServiceKey(IpvsProtocol.UDP, vip, port, 0);
    }

    /** {@code -f MARK}. */
    public static ServiceKey fwmark(long mark) {
        return new ServiceKey(IpvsProtocol.TCP, Ipv4Address.ANY, 0, mark);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }
}
