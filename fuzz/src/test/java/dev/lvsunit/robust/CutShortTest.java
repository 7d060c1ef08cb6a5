package dev.lvsunit.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.World;
import dev.lvsunit.engine.sim.Durations;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.Shell;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The world's limits as a person at the shell meets them: a year of sleep is
 * instant; a command that would keep the world busy for ever is cut short with a
 * clear message and exit status 124; the stopped world still answers commands
 * that need no time, and cuts short those that wait.
 */
class CutShortTest {

    private static final long YEAR_SECONDS = 31_536_000L;

    private final World world = new World();
    private final Shell shell = new Shell(world);

    CutShortTest() {
        world.addSegment("net0");
        for (String h : List.of("a", "b")) {
            world.addHost(h);
        }
        world.segment("net0").orElseThrow().attach(world.host("a").orElseThrow()
                .addEthernet("eth0", dev.lvsunit.engine.net.MacAddress.parse("02:00:00:00:01:01")));
        world.segment("net0").orElseThrow().attach(world.host("b").orElseThrow()
                .addEthernet("eth0", dev.lvsunit.engine.net.MacAddress.parse("02:00:00:00:02:01")));
        ok("a", "ip addr add 10.0.0.1/24 dev eth0");
        ok("b", "ip addr add 10.0.0.2/24 dev eth0");
    }

    private Execution ok(String host, String line) {
        Execution e = shell.run(host, line);
        assertThat(e.exitStatus()).as("%s# %s printed:%n%s", host, line, e.output()).isZero();
        return e;
    }

    @Test
    void aYearOfSleepReturnsAtOnce() {
        ok("a", "ping -c 1 10.0.0.2");
        long started = System.nanoTime();
        long before = world.now();

        Execution e = shell.run("a", "sleep " + YEAR_SECONDS);

        assertThat(e).isEqualTo(new Execution("", 0));
        assertThat(world.now() - before).isEqualTo(Durations.seconds(YEAR_SECONDS));
        assertThat(System.nanoTime() - started).isLessThan(Durations.seconds(2));
        assertThat(ok("a", "ip neigh show").output()).isEqualTo("10.0.0.2 dev eth0 lladdr 02:00:00:00:02:01 STALE \n");
    }

    @Test
    void aYearOfAnEntryReprobedForEverIsCutShort() {
        // reachable_time (10 ms) shorter than delay_first_probe_time (5 s): the idle entry is
        // re-probed every 5 s for ever (seen on 6.18), some six million probes a year
        ok("a", "sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=10");
        ok("a", "ping -c 1 10.0.0.2");
        long started = System.nanoTime();

        Execution e = shell.run("a", "sleep " + YEAR_SECONDS);

        assertThat(e.exitStatus()).isEqualTo(Shell.CUT_SHORT);
        assertThat(e.output()).matches("lvsunit: cut short: more than 1000000 events in one command; "
                + "the world stopped at \\d+\\.\\d{6} s of virtual time\n");
        assertThat(System.nanoTime() - started).isLessThan(Durations.seconds(20));
        assertThat(world.now()).isLessThan(Durations.seconds(YEAR_SECONDS));

        // the stopped world still shows its state; a command that waits for time is cut short at once
        assertThat(ok("a", "ip addr show dev eth0").output()).contains("inet 10.0.0.1/24");
        Execution ping = shell.run("a", "ping -c 1 10.0.0.2");
        assertThat(ping.exitStatus()).isEqualTo(Shell.CUT_SHORT);
        assertThat(ping.output()).contains("lvsunit: cut short: more than 1000000 events in one command");
    }

    @Test
    void aPingWithoutEndIsCutShort() {
        Execution e = shell.run("a", "ping -c 1000000000 -q 10.0.0.2");

        assertThat(e.exitStatus()).isEqualTo(Shell.CUT_SHORT);
        assertThat(e.output()).startsWith("PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.\n")
                .endsWith(" of virtual time\n")
                .contains("lvsunit: cut short: more than 1000000 events in one command");
    }

    @Test
    void aForwardingLoopBuiltWithCommandsEndsAtTheTtl() {
        world.addHost("c");
        world.segment("net0").orElseThrow().attach(world.host("c").orElseThrow()
                .addEthernet("eth0", dev.lvsunit.engine.net.MacAddress.parse("02:00:00:00:03:01")));
        ok("c", "ip addr add 10.0.0.50/24 dev eth0");
        ok("c", "ip route add 172.16.0.0/16 via 10.0.0.1");
        for (String[] router : List.of(new String[] {"a", "10.0.0.2"}, new String[] {"b", "10.0.0.1"})) {
            ok(router[0], "sysctl -w net.ipv4.ip_forward=1");
            ok(router[0], "ip route add 172.16.0.0/16 via " + router[1]);
        }
        long events = world.events().executed();

        Execution e = shell.run("c", "ping -c 3 -W 1 172.16.0.1");

        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(e.output()).contains("3 packets transmitted, 0 received, 100% packet loss");
        assertThat(world.events().executed() - events).as("events").isLessThan(2_000);
        assertThat(world.segment("net0").orElseThrow().capture().stream()
                .filter(f -> f.frame().toString().contains("172.16.0.1")).count()).isEqualTo(3 * 64);
    }
}
