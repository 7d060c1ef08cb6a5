package dev.lvsunit.fuzz;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.Shell;

/**
 * The world every command fuzz target runs in: small, but with something for
 * each command to find (addresses, a VIP on lo, a second segment, a neighbour).
 *
 * <pre>
 *   net0: h:eth0 10.0.0.1/24   r:eth0 10.0.0.2/24 (lo:0 10.0.0.100/32)
 *   net1: h:eth1 192.168.1.1/24   g:eth0 192.168.1.2/24
 * </pre>
 * Built through the engine's API rather than through commands, so that a bug in
 * {@code ip} does not stop the other targets.
 */
final class SmallWorld {

    private SmallWorld() {
    }

    /** A fresh world and a shell on it; commands run on host {@code h}. */
    static Shell create() {
        World world = new World();
        Segment net0 = world.addSegment("net0");
        Segment net1 = world.addSegment("net1");
        Host h = world.addHost("h");
        Host r = world.addHost("r");
        Host g = world.addHost("g");
        try {
            NetDevice hEth0 = h.addEthernet("eth0", MacAddress.parse("02:00:00:00:01:01"));
            NetDevice hEth1 = h.addEthernet("eth1", MacAddress.parse("02:00:00:00:01:02"));
            NetDevice rEth0 = r.addEthernet("eth0", MacAddress.parse("02:00:00:00:02:01"));
            NetDevice gEth0 = g.addEthernet("eth0", MacAddress.parse("02:00:00:00:03:01"));
            net0.attach(hEth0);
            net0.attach(rEth0);
            net1.attach(hEth1);
            net1.attach(gEth0);
            address(h, hEth0, "10.0.0.1/24", RtScope.UNIVERSE, "eth0");
            address(h, hEth1, "192.168.1.1/24", RtScope.UNIVERSE, "eth1");
            address(r, rEth0, "10.0.0.2/24", RtScope.UNIVERSE, "eth0");
            address(r, r.loopback(), "10.0.0.100/32", RtScope.UNIVERSE, "lo:0");
            address(g, gEth0, "192.168.1.2/24", RtScope.UNIVERSE, "eth0");
        } catch (KernelException e) {
            throw new IllegalStateException("the small world cannot be built: " + e, e);
        }
        return new Shell(world);
    }

    private static void address(Host host, NetDevice dev, String prefix, RtScope scope, String label)
            throws KernelException {
        host.devinet().add(dev, IfAddr.of(Ipv4Prefix.parse(prefix), scope, label));
    }
}
