package dev.lvsunit.engine.ipvs;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.PacketType;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.packet.EthernetFrame;
import dev.lvsunit.engine.packet.IcmpUnreachable;
import dev.lvsunit.engine.packet.IpInIp;
import dev.lvsunit.engine.packet.Ipv4Packet;
import java.util.Optional;

/**
 * The receiving side of LVS-TUN on a real server: {@code net/ipv4/ipip.c}
 * with its fallback device {@code tunl0}, created (down, no address) when the
 * {@code ipip} module loads.
 *
 * <p>An IP-in-IP datagram delivered to one of the host's addresses is
 * decapsulated and received again on {@code tunl0} ({@code ipip_rcv} →
 * {@code ip_tunnel_rcv}), where routing, {@code rp_filter} (checked on
 * {@code tunl0}: the inner source is the client, whose route goes out another
 * device, so strict mode drops it) and local delivery apply to the inner
 * datagram. With {@code tunl0} down no tunnel matches and {@code tunnel4_rcv}
 * answers ICMP port unreachable.
 *
 * <p>Engine limitation: the engine has no tunnel device kind yet, so
 * {@code tunl0} is made as an Ethernet-kind device that is on no segment
 * (no carrier, MAC 00:00:00:00:00:00). Addresses, routes and sysctls on it
 * behave as on the real device; its {@code ip link} rendering does not.
 */
public final class IpipTunnel {

    /** The fallback device's name. */
    public static final String DEVICE = "tunl0";

    private final Host host;
    private final NetDevice tunl0;

    private IpipTunnel(Host host, NetDevice tunl0) {
        this.host = host;
        this.tunl0 = tunl0;
    }

    /**
     * {@code modprobe ipip}: creates {@code tunl0} (down) and starts accepting
     * IP-in-IP; a second load changes nothing.
     *
     * @return the device
     */
    public static NetDevice load(Host host) {
        Optional<NetDevice> existing = host.device(DEVICE);
        if (existing.isPresent()) {
            return existing.get();
        }
        NetDevice dev = host.addEthernet(DEVICE, MacAddress.ZERO);
        host.setUp(dev, false);
        IpipTunnel t = new IpipTunnel(host, dev);
        host.ip().registerLocalIn(t::rcv);
        return dev;
    }

    private boolean rcv(Ipv4Packet packet, NetDevice in) {
        if (!(packet.payload() instanceof IpInIp ipip)) {
            return false;
        }
        if (!tunl0.isUp()) {
            host.icmp().sendError(packet, IcmpUnreachable.PORT_UNREACH);
            return true;
        }
        Ipv4Packet inner = ipip.inner();
        host.netifReceive(tunl0, new EthernetFrame(MacAddress.ZERO, MacAddress.ZERO, inner), PacketType.HOST);
        return true;
    }
}
