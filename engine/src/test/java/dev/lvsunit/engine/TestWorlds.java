package dev.lvsunit.engine;

import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;

/** Small helpers for engine tests. */
public final class TestWorlds {

    private TestWorlds() {
    }

    /** Adds an Ethernet interface with the spec format's default-style MAC. */
    public static NetDevice nic(Host host, String name) {
        int index = host.devices().size();
        return host.addEthernet(name, MacAddress.parse(String.format("02:00:00:00:%02x:%02x", host.number(), index)));
    }

    /** {@code ip addr add PREFIX dev DEV [label LABEL]} with the scope iproute2 sends. */
    public static IfAddr addr(NetDevice dev, String prefix, String label) {
        Ipv4Prefix p = Ipv4Prefix.parse(prefix);
        RtScope scope = p.address().isLoopback() ? RtScope.HOST : RtScope.UNIVERSE;
        try {
            return dev.host().devinet().add(dev, IfAddr.of(p, scope, label == null ? dev.name() : label));
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }

    public static IfAddr addr(NetDevice dev, String prefix) {
        return addr(dev, prefix, null);
    }

    /** {@code sysctl -w} with a dotted key. */
    public static void sysctl(Host host, String key, String value) {
        try {
            host.sysctl().write(key.replace('.', '/'), value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
