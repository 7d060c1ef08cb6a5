package dev.lvsunit.bench;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.engine.sysctl.SysctlException;

/**
 * Builds benchmark worlds through the engine's public API, as a spec's
 * {@code @lan} and {@code ip addr add} lines would, without parsing anything.
 */
final class Lab {

    private Lab() {
    }

    /**
     * A host with {@code eth0} on {@code lan}: MAC {@code 02:HH:HH:HH:HH:01} from
     * the host's number, as the spec format numbers hosts.
     */
    static Host host(World world, Segment lan, String name) {
        Host h = world.addHost(name);
        long n = h.number();
        NetDevice eth0 = h.addEthernet("eth0", new MacAddress(0x02_00_00_00_00_01L | (n << 8)));
        lan.attach(eth0);
        return h;
    }

    /** {@code ip addr add CIDR dev DEV [label LABEL]}. */
    static void addr(Host h, String dev, String cidr, String label) {
        NetDevice d = h.device(dev).orElseThrow();
        try {
            Ipv4Prefix p = Ipv4Prefix.parse(cidr);
            h.devinet().add(d, IfAddr.of(p, scopeOf(p), label));
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
    }

    static void addr(Host h, String dev, String cidr) {
        addr(h, dev, cidr, dev);
    }

    /** The scope iproute2 sends: host for 127/8, global for anything else. */
    private static RtScope scopeOf(Ipv4Prefix p) {
        return p.address().isLoopback() ? RtScope.HOST : RtScope.UNIVERSE;
    }

    /** {@code sysctl -w net.ipv4.conf.DEV.KEY=VALUE}, through the engine's sysctl tree. */
    static void conf(Host h, String dev, String key, int value) {
        try {
            h.sysctl().write("net/ipv4/conf/" + dev + "/" + key, Integer.toString(value));
        } catch (SysctlException e) {
            throw new IllegalStateException(e);
        }
    }
}
