package dev.lvsunit.engine.arp;

import dev.lvsunit.engine.Errno;
import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.ipv4.FibRoute;
import dev.lvsunit.engine.ipv4.RouteType;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.neigh.NudState;
import dev.lvsunit.engine.net.MacAddress;
import java.util.Objects;

/**
 * The ARP ioctls of net-tools' {@code arp}: {@code arp_ioctl}
 * ({@code net/ipv4/arp.c}) for {@code SIOCSARP} and {@code SIOCDARP}, on the
 * host's neighbour table and its proxy entries.
 */
public final class ArpIoctl {

    /** {@code SIOCDARP} of {@code include/uapi/linux/sockios.h}: delete an ARP entry. */
    public static final int SIOCDARP = 0x8953;
    /** {@code SIOCSARP}: set an ARP entry. */
    public static final int SIOCSARP = 0x8955;

    /** {@code ATF_COM}: the hardware address is given (complete entry). */
    public static final int ATF_COM = 0x02;
    /** {@code ATF_PERM}: a permanent entry. */
    public static final int ATF_PERM = 0x04;
    /** {@code ATF_PUBL}: a published (proxy) entry. */
    public static final int ATF_PUBL = 0x08;

    private final Host host;

    public ArpIoctl(Host host) {
        this.host = Objects.requireNonNull(host);
    }

    /**
     * {@code arp_ioctl}: a named device must exist ({@code ENODEV}) and, for
     * a request with a hardware address ({@code ATF_COM}), be of that
     * address's type: an Ethernet address on loopback is {@code EINVAL}
     * ({@code arp_req_dev_by_name}). Then {@link #SIOCSARP} is
     * {@code arp_req_set}, {@link #SIOCDARP} {@code arp_req_delete}.
     *
     * @throws KernelException with the kernel's errno; a deletion that finds no
     *     entry fails with {@code ENOENT}
     */
    public void arpIoctl(int cmd, ArpReq r) throws KernelException {
        NetDevice dev = null;
        if (r.dev() != null) {
            dev = host.device(r.dev()).orElseThrow(() -> new KernelException(Errno.ENODEV));
            if ((r.flags() & ATF_COM) != 0 && dev.isLoopback()) {
                throw new KernelException(Errno.EINVAL);
            }
        }
        switch (cmd) {
            case SIOCSARP -> arpReqSet(r, dev);
            case SIOCDARP -> arpReqDelete(r, dev);
            default -> throw new IllegalArgumentException("not an ARP ioctl: " + cmd);
        }
    }

    /**
     * {@code arp_req_set}: a published entry is a proxy entry
     * ({@code arp_req_set_public}: without a device, on the one whose MAC was
     * given, {@code ENODEV} if none has it). Otherwise the device is the
     * route's ({@link #arpReqDev}), an Ethernet address on loopback is
     * {@code EINVAL}, and the entry is set with {@code NEIGH_UPDATE_F_OVERRIDE
     * | NEIGH_UPDATE_F_ADMIN}: {@code NUD_PERMANENT} with {@code ATF_PERM},
     * else {@code NUD_STALE}.
     */
    private void arpReqSet(ArpReq r, NetDevice dev) throws KernelException {
        if ((r.flags() & ATF_PUBL) != 0) {
            if (dev == null && (r.flags() & ATF_COM) != 0) {
                dev = devGetByHwaddr(r.ha());
            }
            host.neigh().addProxy(r.pa(), dev, false);
            return;
        }
        if (dev == null) {
            dev = arpReqDev(r);
        }
        if (dev.isLoopback()) {
            throw new KernelException(Errno.EINVAL); // arp_ha.sa_family != dev->type
        }
        NudState state = (r.flags() & ATF_PERM) != 0 ? NudState.NUD_PERMANENT : NudState.NUD_STALE;
        host.neigh().replace(r.pa(), dev, r.ha(), state);
    }

    /**
     * {@code arp_req_delete}: a published entry is the proxy entry of the
     * device given or the device-less one ({@code pneigh_delete}); otherwise
     * the entry of the route's device ({@code arp_invalidate}).
     */
    private void arpReqDelete(ArpReq r, NetDevice dev) throws KernelException {
        if ((r.flags() & ATF_PUBL) != 0) {
            host.neigh().deleteProxy(r.pa(), dev);
            return;
        }
        if (dev == null) {
            dev = arpReqDev(r);
        }
        host.neigh().delete(r.pa(), dev);
    }

    /**
     * {@code arp_req_dev} without a device name:
     * {@code ip_route_output(ip, RT_SCOPE_LINK)}, a route of link scope or
     * narrower ({@code ENETUNREACH} without one); a local address routes to
     * loopback; a route without device is {@code EINVAL}.
     */
    private NetDevice arpReqDev(ArpReq r) throws KernelException {
        FibRoute route = host.fib().lookupScoped(r.pa(), null, RtScope.LINK.value(), -1)
                .orElseThrow(() -> new KernelException(Errno.ENETUNREACH));
        if (route.type() == RouteType.LOCAL) {
            return host.loopback();
        }
        if (route.device() == null) {
            throw new KernelException(Errno.EINVAL);
        }
        return route.device();
    }

    /**
     * {@code arp_state_to_flags}: the {@code ATF_*} flags of a neighbour in
     * {@code /proc/net/arp} and {@code SIOCGARP}: {@code ATF_PERM | ATF_COM}
     * for {@code NUD_PERMANENT}, {@code ATF_COM} for another valid state, else
     * none.
     */
    public static int arpStateToFlags(NudState state) {
        if (state == NudState.NUD_PERMANENT) {
            return ATF_PERM | ATF_COM;
        }
        return state.valid() ? ATF_COM : 0;
    }

    /** {@code dev_getbyhwaddr_rcu}: the Ethernet device with that MAC, {@code ENODEV} if none. */
    private NetDevice devGetByHwaddr(MacAddress mac) throws KernelException {
        for (NetDevice d : host.devices()) {
            if (!d.isLoopback() && d.mac().equals(mac)) {
                return d;
            }
        }
        throw new KernelException(Errno.ENODEV);
    }
}
