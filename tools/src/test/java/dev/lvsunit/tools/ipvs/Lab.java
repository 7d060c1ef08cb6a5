package dev.lvsunit.tools.ipvs;

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
 * A small LVS lab for tool tests: hosts on one segment with the spec
 * format's MACs, addresses set through the engine (the ip tool is another
 * package's), commands run through the shell.
 */
final class Lab {

    final World world = new World();
    final Shell shell = new Shell(world);
    private final Segment net0 = world.addSegment("net0");

    Host host(String name, String... addresses) {
        Host h = world.host(name).orElseGet(() -> world.addHost(name));
        NetDevice eth0 = h.device("eth0").orElseGet(() -> {
            NetDevice d = h.addEthernet("eth0", MacAddress.parse(String.format("02:00:00:00:%02x:01", h.number())));
            net0.attach(d);
            return d;
        });
        for (String a : addresses) {
            addr(eth0, a, null);
        }
        return h;
    }

    static void addr(NetDevice dev, String prefix, String label) {
        try {
            dev.host().devinet().add(dev, IfAddr.of(Ipv4Prefix.parse(prefix), RtScope.UNIVERSE,
                    label == null ? dev.name() : label));
        } catch (KernelException e) {
            throw new AssertionError(e);
        }
    }

    static void sysctl(Host h, String key, String value) {
        try {
            h.sysctl().write(key.replace('.', '/'), value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a command line and lets the world run the 50 ms typing gap. */
    Execution run(String host, String line) {
        Execution e = shell.run(host, line);
        world.runFor(50_000_000L);
        return e;
    }

    /** The LVS-DR cluster of seed 003: VIP 192.168.0.101, RS .179 (w2) and .180 (w1), client .50. */
    static Lab dr() {
        Lab lab = new Lab();
        lab.host("client", "192.168.0.50/24");
        Host d = lab.host("director", "192.168.0.178/24");
        addr(d.device("eth0").get(), "192.168.0.101/32", "eth0:0");
        Host rs1 = lab.host("rs1", "192.168.0.179/24");
        Host rs2 = lab.host("rs2", "192.168.0.180/24");
        for (Host rs : new Host[] {rs1, rs2}) {
            addr(rs.loopback(), "192.168.0.101/32", "lo:0");
            sysctl(rs, "net.ipv4.conf.all.arp_ignore", "1");
            sysctl(rs, "net.ipv4.conf.all.arp_announce", "2");
        }
        lab.run("rs1", "serve 80 server-1");
        lab.run("rs2", "serve 80 'server-2 is 80'");
        return lab;
    }
}
