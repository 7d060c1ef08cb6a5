package dev.lvsunit.tools.nettools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.link.Segment;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;

/**
 * A world of hosts on one Ethernet segment, driven through the shell as a
 * spec drives it: {@code @lan net0 HOST...} with the spec format's default
 * MACs (host N's eth0 is 02:00:00:00:0N:01).
 */
public final class Terminal {

    private final World world = new World();
    private final Shell shell = new Shell(world);
    private final Segment segment = world.addSegment("net0");

    /** {@code @lan net0 HOST...}. */
    public static Terminal lan(String... hosts) {
        Terminal t = new Terminal();
        for (String h : hosts) {
            t.host(h);
        }
        return t;
    }

    /** Adds a host with eth0 on the segment. */
    public Host host(String name) {
        Host host = world.addHost(name);
        NetDevice eth0 = host.addEthernet("eth0",
                MacAddress.parse(String.format("02:00:00:00:%02x:01", host.number())));
        segment.attach(eth0);
        return host;
    }

    public World world() {
        return world;
    }

    public Host get(String host) {
        return world.host(host).orElseThrow();
    }

    /** Runs a command line on a host. */
    public Execution run(String host, String line) {
        return shell.run(host, line);
    }

    /** Runs a command that must succeed silently. */
    public void quiet(String host, String line) {
        Execution e = run(host, line);
        assertThat(e.output()).as(line).isEmpty();
        assertThat(e.exitStatus()).as(line).isZero();
    }

    /** Asserts the exact output and exit status of a command. */
    public void expect(String host, String line, String output, int status) {
        Execution e = run(host, line);
        assertThat(e.output()).as(line).isEqualTo(output);
        assertThat(e.exitStatus()).as(line + " exit status").isEqualTo(status);
    }

    /** Asserts the exact output of a command that exits 0. */
    public void expect(String host, String line, String output) {
        expect(host, line, output, 0);
    }
}
