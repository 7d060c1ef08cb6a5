package dev.lvsunit.tools.iputils;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.KernelException;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.ipv4.IfAddr;
import dev.lvsunit.engine.ipv4.RtScope;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.Ipv4Prefix;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;

/**
 * A small world as the spec's {@code @lan net0 h1 h2 ...} builds it: one
 * segment, each host with {@code eth0} of MAC {@code 02:00:00:00:HH:01}.
 */
final class Lan {

    final World world = new World();
    final Segment net0 = world.addSegment("net0");
    final Shell shell = new Shell(world);
    /** How long the last command ran on the virtual clock. */
    long lastDuration;

    Lan(String... hosts) {
        for (String name : hosts) {
            Host h = world.addHost(name);
            NetDevice eth0 = h.addEthernet("eth0",
                    MacAddress.parse(String.format("02:00:00:00:%02x:01", h.number())));
            net0.attach(eth0);
        }
    }

    /** {@code ip addr add PREFIX dev DEV [label LABEL]}. */
    Lan addr(String host, String dev, String prefix) {
        Host h = world.host(host).orElseThrow();
        NetDevice d = h.device(dev).orElseThrow();
        try {
            h.devinet().add(d, IfAddr.of(Ipv4Prefix.parse(prefix),
                    dev.equals("lo") ? RtScope.HOST : RtScope.UNIVERSE, dev));
        } catch (KernelException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Runs a command, then lets 50 ms pass, as the spec runner's typing gap does. */
    Execution run(String host, String line) {
        long start = world.now();
        Execution e = shell.run(host, line);
        lastDuration = world.now() - start;
        world.runFor(50_000_000L);
        return e;
    }
}
