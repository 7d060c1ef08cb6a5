package dev.lvsunit.tools.ip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import dev.lvsunit.engine.net.MacAddress;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;

/**
 * One host, as the recordings had it: {@code lo}, {@code eth0}
 * (02:00:00:00:01:01) plugged into a segment, and on request {@code eth1}
 * (02:00:00:00:01:02) with no cable.
 *
 * <p>The expected texts in these tests were recorded with iproute2 6.1.0 on
 * Linux 6.18 in network namespaces whose {@code eth0} and {@code eth1} were
 * veths; the veth details of the interface lines ({@code eth0@if5},
 * {@code qdisc noqueue}, {@code link-netns}) were replaced by what a physical
 * NIC prints ({@code eth0}, {@code qdisc fq_codel}), as the spec format asks.
 */
final class Lab {

    final World world = new World();
    final Host host;
    final NetDevice eth0;
    private final Shell shell;

    Lab() {
        host = world.addHost("director");
        eth0 = host.addEthernet("eth0", MacAddress.parse("02:00:00:00:01:01"));
        world.addSegment("net0").attach(eth0);
        shell = new Shell(world);
    }

    /** Adds {@code eth1}, without a cable; down as a NIC nobody brought up. */
    NetDevice addUnpluggedEth1() {
        NetDevice eth1 = host.addEthernet("eth1", MacAddress.parse("02:00:00:00:01:02"));
        host.setUp(eth1, false);
        return eth1;
    }

    Execution run(String line) {
        return shell.run(host.name(), line);
    }

    /** Runs a line that must succeed and returns what it printed. */
    String ok(String line) {
        Execution e = run(line);
        assertThat(e.exitStatus()).as("exit status of %s, which printed %s", line, e.output()).isZero();
        return e.output();
    }

    /** Runs lines that must succeed silently. */
    void quiet(String... lines) {
        for (String line : lines) {
            assertThat(run(line)).as(line).isEqualTo(new Execution("", 0));
        }
    }

    /** The lines, each ended by a newline. */
    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static Execution fails(int status, String... lines) {
        return new Execution(lines(lines), status);
    }
}
