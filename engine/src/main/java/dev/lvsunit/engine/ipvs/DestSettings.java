package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.net.Ipv4Address;
import java.util.Objects;

/**
 * What {@code ipvsadm -a} / {@code -e} sets on a real server ({@code struct ip_vs_dest_user}).
 *
 * @param address the real server's address
 * @param port its port (ipvsadm forces it to the service port for DR and TUN)
 * @param forward the forwarding method
 * @param weight 0..65535
 * @param upperThreshold {@code -x}, 0 for none
 * @param lowerThreshold {@code -y}, 0 for none
 */
public record DestSettings(Ipv4Address address, int port, ForwardMethod forward, int weight,
                           int upperThreshold, int lowerThreshold) {

    public DestSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forward, "forward");
    }

    /** A real server with the given method and weight, no thresholds. */
    public static DestSettings of(Ipv4Address address, int port, ForwardMethod forward, int weight) {
        return new DestSettings(address, port, forward, weight, 0, 0);
    }
}
