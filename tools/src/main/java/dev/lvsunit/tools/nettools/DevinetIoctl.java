package dev.lvsunit.tools.nettools;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.Optional;

/**
 * The interface ioctls ifconfig issues, as the kernel answers them:
 * {@code devinet_ioctl} ({@code net/ipv4/devinet.c}) for the address ioctls
 * and alias flags, {@code dev_ioctl} ({@code net/core/dev_ioctl.c}) for the
 * device's flags, MTU and hardware address.
 *
 * <p>This is kernel behaviour the engine's {@code Devinet} (netlink
 * semantics) does not offer, kept here on top of its public add/delete
 * calls: the classful mask of {@code SIOCSIFADDR} ({@code inet_abc_len}),
 * the delete-and-reinsert of every address ioctl, the search by label. It
 * belongs in the engine; see the nettools report.
 *
 * <p>An interface name is a device name, optionally followed by
 * {@code :ALIAS}; the device part selects the device, the whole name the
 * address whose label it is.
 */
final class DevinetIoctl {

    /** {@code IFF_*} of {@code include/uapi/linux/if.h}. */
    static final int IFF_UP = 0x1;
    static final int IFF_BROADCAST = 0x2;
    static final int IFF_LOOPBACK = 0x8;
    static final int IFF_RUNNING = 0x40;
    static final int IFF_MULTICAST = 0x1000;

    private final Host host;

    DevinetIoctl(Host host) {
        this.host = host;
    }

    /** {@code __dev_get_by_name} on the name without its {@code :ALIAS}. */
    NetDevice device(String ifname) throws KernelException {
        int colon = ifname.indexOf(':');
        String devName = colon < 0 ? ifname : ifname.substring(0, colon);
        return host.device(devName).orElseThrow(() -> new KernelException(Errno.ENODEV));
    }

    /** The first address whose label is {@code ifname} (devinet_ioctl's search by {@code ifa_label}). */
    Optional<IfAddr> addressByLabel(String ifname) throws KernelException {
        NetDevice dev = device(ifname);
        for (IfAddr a : dev.inDevice().addresses()) {
            if (a.label().equals(ifname)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code SIOCGIFFLAGS} ({@code dev_get_flags}): what ifconfig shows after
     * {@code flags=}. An Ethernet device is {@code BROADCAST,MULTICAST},
     * loopback {@code LOOPBACK}; {@code RUNNING} needs the device up with
     * carrier.
     */
    int flags(String ifname) throws KernelException {
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
     * {@code SIOCSIFFLAGS}: for an alias only {@code IFF_UP} matters, and its
     * absence deletes the alias's address ({@code inet_del_ifa}); for a device,
     * {@code dev_change_flags} brings it up or down.
     *
     * @throws KernelException {@code ENODEV}; {@code EADDRNOTAVAIL} for an alias without address
     */
    void setFlags(String ifname, int flags) throws KernelException {
        NetDevice dev = device(ifname);
        if (ifname.indexOf(':') >= 0) {
            IfAddr ifa = addressByLabel(ifname).orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL));
            if ((flags & IFF_UP) == 0) {
                delete(dev, ifa);
            }
            return;
        }
        host.setUp(dev, (flags & IFF_UP) != 0);
    }

    /**
     * {@code SIOCSIFADDR}: replaces the address labelled {@code ifname} (or
     * adds one with that label) by {@code address} with its classful mask
     * ({@code inet_abc_len}) and, below /31 on a broadcast device, the
     * matching broadcast. The same address again changes nothing; 0.0.0.0
     * deletes the address ({@code __inet_insert_ifa} drops an empty one).
     *
     * @throws KernelException {@code ENODEV}, {@code EINVAL} for class D, {@code EEXIST}
     */
    void setAddress(String ifname, Ipv4Address address) throws KernelException {
        NetDevice dev = device(ifname);
        int prefixLength = inetAbcLen(address);
        if (prefixLength < 0) {
            throw new KernelException(Errno.EINVAL);
        }
        Optional<IfAddr> old = addressByLabel(ifname);
        String label = ifname.indexOf(':') >= 0 ? ifname : dev.name();
        if (old.isPresent()) {
            if (old.get().local().equals(address)) {
                return;
            }
            delete(dev, old.get());
            label = old.get().label();
        }
        Ipv4Address broadcast = Ipv4Address.ANY;
        if (!dev.isLoopback() && prefixLength < 31) {
            broadcast = new Ipv4Address(address.bits() | ~Ipv4Prefix.maskBits(prefixLength));
        }
        insert(dev, new IfAddr(address, prefixLength, broadcast, RtScope.UNIVERSE, label, false, false));
    }

    /**
     * {@code SIOCSIFNETMASK}: a contiguous mask only ({@code bad_mask}); the
     * address is deleted and inserted again with it, and its broadcast follows
     * the mask only if it was the old mask's broadcast and the new prefix is
     * below /31.
     *
     * @throws KernelException {@code ENODEV}, {@code EADDRNOTAVAIL} without address, {@code EINVAL}
     */
    void setNetmask(String ifname, Ipv4Address mask) throws KernelException {
        NetDevice dev = device(ifname);
        IfAddr ifa = addressByLabel(ifname).orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL));
        int prefixLength = Ipv4Prefix.lengthOfMask(mask);
        if (prefixLength < 0) {
            throw new KernelException(Errno.EINVAL);
        }
        if (ifa.prefixLength() == prefixLength) {
            return;
        }
        delete(dev, ifa);
        Ipv4Address broadcast = ifa.broadcast();
        int oldMask = ifa.maskBits();
        if (!dev.isLoopback() && prefixLength < 31 && broadcast.bits() == (ifa.local().bits() | ~oldMask)) {
            broadcast = new Ipv4Address(ifa.local().bits() | ~mask.bits());
        }
        insert(dev, new IfAddr(ifa.local(), prefixLength, broadcast, ifa.scope(), ifa.label(), false,
                ifa.noPrefixRoute()));
    }

    /**
     * {@code SIOCSIFBRDADDR}: deletes and inserts the address again with the
     * new broadcast, on any device (loopback too).
     *
     * @throws KernelException {@code ENODEV}, {@code EADDRNOTAVAIL} without address
     */
    void setBroadcast(String ifname, Ipv4Address broadcast) throws KernelException {
        NetDevice dev = device(ifname);
        IfAddr ifa = addressByLabel(ifname).orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL));
        if (ifa.broadcast().equals(broadcast)) {
            return;
        }
        delete(dev, ifa);
        insert(dev, ifa.withBroadcast(broadcast).withSecondary(false));
    }

    /**
     * {@code dev_set_mtu}: between the device's minimum and maximum
     * ({@code ETH_MIN_MTU} 68 to {@code ETH_MAX_MTU} 65535 for the Ethernet
     * devices, as a veth has them).
     */
    void setMtu(String ifname, int mtu) throws KernelException {
        NetDevice dev = device(ifname);
        if (mtu < 68 || mtu > 65535) {
            throw new KernelException(Errno.EINVAL);
        }
        host.setMtu(dev, mtu);
    }

    /**
     * {@code inet_abc_len}: the classful prefix of {@code SIOCSIFADDR}: 0 for
     * 0.0.0.0/8 and 255.255.255.255, 8 for class A (127/8 included), 16 for B,
     * 24 for C, 32 for class E, -1 (EINVAL) for multicast.
     */
    static int inetAbcLen(Ipv4Address address) {
        int a = address.bits();
        if ((a & 0xff000000) == 0 || a == -1) {
            return 0;
        }
        if ((a & 0x80000000) == 0) {
            return 8;
        }
        if ((a & 0xc0000000) == 0x80000000) {
            return 16;
        }
        if ((a & 0xe0000000) == 0xc0000000) {
            return 24;
        }
        if ((a & 0xf0000000) == 0xf0000000) {
            return 32;
        }
        return -1;
    }

    /** {@code inet_del_ifa}: the engine takes the secondaries of a primary with it. */
    private void delete(NetDevice dev, IfAddr ifa) throws KernelException {
        host.devinet().delete(dev, ifa.local(), ifa.prefixLength(), ifa.label());
    }

    /**
     * {@code inet_set_ifa} / {@code inet_insert_ifa}: 127/8 gets host scope;
     * an address 0.0.0.0 is dropped without error.
     */
    private void insert(NetDevice dev, IfAddr ifa) throws KernelException {
        if (ifa.local().isAny()) {
            return;
        }
        IfAddr scoped = ifa.local().isLoopback()
                ? new IfAddr(ifa.local(), ifa.prefixLength(), ifa.broadcast(), RtScope.HOST, ifa.label(), false,
                        ifa.noPrefixRoute())
                : ifa;
        host.devinet().add(dev, scoped);
    }
}
