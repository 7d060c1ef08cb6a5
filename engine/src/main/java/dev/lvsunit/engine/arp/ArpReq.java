package dev.lvsunit.engine.arp;

import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.MacAddress;
import java.util.Objects;

/**
 * A {@code struct arpreq} ({@code include/uapi/linux/if_arp.h}) as net-tools'
 * {@code arp} hands it to {@code SIOCSARP} and {@code SIOCDARP}: an Ethernet
 * hardware address ({@code sa_family} {@code ARPHRD_ETHER}) and no
 * {@code arp_netmask} ({@code ATF_NETMASK} is not modelled, so the mask is
 * 255.255.255.255).
 *
 * @param pa {@code arp_pa}: the protocol address
 * @param ha {@code arp_ha}: the hardware address, or {@code null} for a deletion
 * @param flags {@code arp_flags}: {@link ArpIoctl#ATF_COM}, {@link ArpIoctl#ATF_PERM}, {@link ArpIoctl#ATF_PUBL}
 * @param dev {@code arp_dev}: a device name, or {@code null} (the empty string) for none
 */
public record ArpReq(Ipv4Address pa, MacAddress ha, int flags, String dev) {

    public ArpReq {
        Objects.requireNonNull(pa, "pa");
        if (dev != null && dev.isEmpty()) {
            dev = null;
        }
    }
}
