package dev.lvsunit.engine.ipv4;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.link.DevIoctl;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Address;
import dev.lvsunit.engine.net.Ipv4Prefix;
import java.util.Objects;
import java.util.Optional;

/**
 * The IPv4 interface ioctls, {@code devinet_ioctl} ({@code net/ipv4/devinet.c}),
 * as net-tools' {@code ifconfig} issues them: {@code SIOCSIFADDR},
 * {@code SIOCSIFNETMASK}, {@code SIOCSIFBRDADDR} and {@code SIOCSIFFLAGS},
 * on top of {@link Devinet}'s add and delete. Each change of an address
 * deletes it and inserts it again ({@code inet_del_ifa} then
 * {@code inet_insert_ifa}), so it goes to the end of its list and its
 * secondaries go with it.
 *
 * <p>An interface name is a device name, optionally followed by
 * {@code :ALIAS}; the device part selects the device, the whole name the
 * address whose label it is.
 */
public final class DevinetIoctl {

    private final Host host;
    private final DevIoctl devIoctl;

    public DevinetIoctl(Host host) {
        this.host = Objects.requireNonNull(host);
        this.devIoctl = new DevIoctl(host);
    }

    /**
     * The first address whose label is {@code ifname} ({@code devinet_ioctl}'s
     * search by {@code ifa_label}).
     *
     * @throws KernelException {@code ENODEV} if there is no such device
     */
    public Optional<IfAddr> addressByLabel(String ifname) throws KernelException {
        return devIoctl.device(ifname).inDevice().ifaByLabel(ifname);
    }

    /**
     * {@code SIOCSIFFLAGS}: for an alias only {@code IFF_UP} matters, and its
     * absence deletes the alias's address ({@code inet_del_ifa}); for a device,
     * {@code dev_change_flags} brings it up or down.
     *
     * @param flags {@code IFF_*} of {@link DevIoctl}
     * @throws KernelException {@code ENODEV}; {@code EADDRNOTAVAIL} for an alias without address
     */
    public void setFlags(String ifname, int flags) throws KernelException {
        NetDevice dev = devIoctl.device(ifname);
        if (ifname.indexOf(':') >= 0) {
            IfAddr ifa = addressByLabel(ifname).orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL));
            if ((flags & DevIoctl.IFF_UP) == 0) {
                delete(dev, ifa);
            }
            return;
        }
        host.setUp(dev, (flags & DevIoctl.IFF_UP) != 0);
    }

    /**
     * {@code SIOCSIFADDR}: replaces the address labelled {@code ifname} (or
     * adds one with that label) by {@code address} with its classful mask
     * ({@link #inetAbcLen}) and, below /31 on a broadcast device, the
     * matching broadcast. The same address again changes nothing; 0.0.0.0
     * deletes the address ({@code __inet_insert_ifa} drops an empty one).
     *
     * @throws KernelException {@code ENODEV}, {@code EINVAL} for class D, {@code EEXIST}
     */
    public void setAddress(String ifname, Ipv4Address address) throws KernelException {
        NetDevice dev = devIoctl.device(ifname);
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
    public void setNetmask(String ifname, Ipv4Address mask) throws KernelException {
        NetDevice dev = devIoctl.device(ifname);
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
    public void setBroadcast(String ifname, Ipv4Address broadcast) throws KernelException {
        NetDevice dev = devIoctl.device(ifname);
        IfAddr ifa = addressByLabel(ifname).orElseThrow(() -> new KernelException(Errno.EADDRNOTAVAIL));
        if (ifa.broadcast().equals(broadcast)) {
            return;
        }
        delete(dev, ifa);
        insert(dev, ifa.withBroadcast(broadcast).withSecondary(false));
    }

    /**
     * {@code inet_abc_len}: the classful prefix of {@code SIOCSIFADDR}: 0 for
     * 0.0.0.0/8 and 255.255.255.255, 8 for class A (127/8 included), 16 for B,
     * 24 for C, 32 for class E, -1 (EINVAL) for multicast.
     */
    public static int inetAbcLen(Ipv4Address address) {
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

    /** {@code inet_del_ifa}: {@link Devinet#delete} takes the secondaries of a primary with it. */
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
