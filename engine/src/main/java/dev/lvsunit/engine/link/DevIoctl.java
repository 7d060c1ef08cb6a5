package dev.lvsunit.engine.link;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.net.MacAddress;
import java.util.Objects;

/**
 * The device ioctls of {@code dev_ioctl} ({@code net/core/dev_ioctl.c}) that
 * net-tools' {@code ifconfig} issues: {@code SIOCGIFFLAGS},
 * {@code SIOCSIFMTU} and {@code SIOCSIFHWADDR}. The address ioctls and
 * {@code SIOCSIFFLAGS} are {@code devinet_ioctl}'s
 * ({@link dev.lvsunit.engine.ipv4.DevinetIoctl}).
 *
 * <p>An interface name is a device name, optionally followed by
 * {@code :ALIAS}; {@code dev_ioctl} cuts the alias off before it looks the
 * device up.
 */
public final class DevIoctl {

    /** {@code IFF_UP} of {@code include/uapi/linux/if.h}: administratively up. */
    public static final int IFF_UP = 0x1;
    /** {@code IFF_BROADCAST}: the device has a broadcast address. */
    public static final int IFF_BROADCAST = 0x2;
    /** {@code IFF_LOOPBACK}. */
    public static final int IFF_LOOPBACK = 0x8;
    /** {@code IFF_RUNNING}: up with carrier ({@code netif_running} and {@code netif_carrier_ok}). */
    public static final int IFF_RUNNING = 0x40;
    /** {@code IFF_MULTICAST}. */
    public static final int IFF_MULTICAST = 0x1000;


    private final Host host;

    public DevIoctl(Host host) {
        this.host = Objects.requireNonNull(host);
    }

    /**
     * {@code __dev_get_by_name} on the name without its {@code :ALIAS}.
     *
     * @throws KernelException {@code ENODEV} if there is no such device
     */
    public NetDevice device(String ifname) throws KernelException {
        int colon = ifname.indexOf(':');
        String devName = colon < 0 ? ifname : ifname.substring(0, colon);
        return host.device(devName).orElseThrow(() -> new KernelException(Errno.ENODEV));
    }

    /**
     * {@code SIOCGIFFLAGS} ({@code dev_get_flags}): what ifconfig shows after
     * {@code flags=}. An Ethernet device is {@code BROADCAST,MULTICAST},
     * loopback {@code LOOPBACK}; {@code RUNNING} needs the device up with
     * carrier.
     *
     * @throws KernelException {@code ENODEV}
     */
    public int getFlags(String ifname) throws KernelException {
        NetDevice dev = device(ifname);
        int flags = dev.isLoopback() ? IFF_LOOPBACK : IFF_BROADCAST | IFF_MULTICAST;
        if (dev.isUp()) {
            flags |= IFF_UP;
        }
        if (dev.isOperational()) {
            flags |= IFF_RUNNING;
        }
        return flags;
    }

    /**
     * {@code SIOCSIFMTU} ({@code dev_set_mtu}): between the device's minimum
     * and maximum ({@code ETH_MIN_MTU} 68 to {@code ETH_MAX_MTU} 65535 for the
     * Ethernet devices, as a veth has them).
     *
     * @throws KernelException {@code ENODEV}, {@code EINVAL} out of range
     */
    public void setMtu(String ifname, int mtu) throws KernelException {
        NetDevice dev = device(ifname);
        try {
            host.setMtu(dev, mtu);
        } catch (KernelException e) {
            throw new KernelException(e.errno()); // an ioctl has no extack
        }
    }

    /**
     * {@code SIOCSIFHWADDR} with an Ethernet address ({@code sa_family}
     * {@code ARPHRD_ETHER}) → {@code dev_set_mac_address}.
     *
     * @throws KernelException {@code ENODEV}; {@code EINVAL} on loopback
     *     ({@code sa_family != dev->type}); {@code EADDRNOTAVAIL} for a
     *     multicast or all-zero address ({@code !is_valid_ether_addr})
     */
    public void setHwAddr(String ifname, MacAddress mac) throws KernelException {
        NetDevice dev = device(ifname);
        if (dev.isLoopback()) {
            throw new KernelException(Errno.EINVAL);
        }
        host.setMac(dev, mac);
    }
}
