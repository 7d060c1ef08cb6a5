package dev.lvsunit.tools.ip;

import static dev.lvsunit.tools.ip.Lab.fails;
import static dev.lvsunit.tools.ip.Lab.lines;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code ip neigh}. Expected texts recorded with iproute2 6.1.0 on Linux 6.18
 * (see {@link Lab}). The kernel dumps its neighbour hash table in an order that
 * changes from namespace to namespace, so listings of several entries are
 * compared as sets of lines.
 */
class IpNeighTest {

    private final Lab lab = new Lab();

    /** The entries of the recording; 10.0.0.53 fails to add but stays behind in state NONE. */
    private void addEntries() {
        lab.quiet("ip addr add 10.0.0.1/24 dev eth0",
                "ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:32 dev eth0",
                "ip neigh add 10.0.0.51 lladdr 02:00:00:00:00:33 dev eth0 nud reachable",
                "ip neigh add 10.0.0.52 lladdr 02:00:00:00:00:34 dev eth0 nud stale");
        assertThat(lab.run("ip neigh add 10.0.0.53 dev eth0 nud noarp")).isEqualTo(fails(2, "Error: No link layer address given."));
        lab.quiet("ip neigh replace 10.0.0.54 lladdr 02:00:00:00:00:36 dev eth0");
    }

    @Test
    void freshHostShowsNothing() {
        assertThat(lab.ok("ip neigh show nud all")).isEmpty();
        assertThat(lab.ok("ip n")).isEmpty();
    }

    /** Without nud, add and replace make PERMANENT entries; NOARP and NONE entries are hidden. */
    @Test
    void showListsEveryStateButNoneAndNoarp() {
        addEntries();
        assertThat(lab.ok("ip neigh").lines()).containsExactlyInAnyOrder(
                "10.0.0.54 dev eth0 lladdr 02:00:00:00:00:36 PERMANENT ",
                "10.0.0.51 dev eth0 lladdr 02:00:00:00:00:33 REACHABLE ",
                "10.0.0.50 dev eth0 lladdr 02:00:00:00:00:32 PERMANENT ",
                "10.0.0.52 dev eth0 lladdr 02:00:00:00:00:34 STALE ");
        assertThat(lab.ok("ip neigh show nud all").lines()).containsExactlyInAnyOrder(
                "10.0.0.54 dev eth0 lladdr 02:00:00:00:00:36 PERMANENT ",
                "10.0.0.51 dev eth0 lladdr 02:00:00:00:00:33 REACHABLE ",
                "10.0.0.53 dev eth0 ",
                "10.0.0.50 dev eth0 lladdr 02:00:00:00:00:32 PERMANENT ",
                "10.0.0.52 dev eth0 lladdr 02:00:00:00:00:34 STALE ");
    }

    /** Filtered by device, the lines leave {@code dev IF} out. */
    @Test
    void filters() {
        addEntries();
        assertThat(lab.ok("ip neigh show dev eth0").lines()).containsExactlyInAnyOrder(
                "10.0.0.54 lladdr 02:00:00:00:00:36 PERMANENT ",
                "10.0.0.51 lladdr 02:00:00:00:00:33 REACHABLE ",
                "10.0.0.50 lladdr 02:00:00:00:00:32 PERMANENT ",
                "10.0.0.52 lladdr 02:00:00:00:00:34 STALE ");
        assertThat(lab.ok("ip neigh show 10.0.0.51")).isEqualTo(lines("10.0.0.51 dev eth0 lladdr 02:00:00:00:00:33 REACHABLE "));
        assertThat(lab.ok("ip neigh show nud stale")).isEqualTo(lines("10.0.0.52 dev eth0 lladdr 02:00:00:00:00:34 STALE "));
    }

    /**
     * {@code ip -s}: {@code ref} only while a timer holds the entry, then
     * seconds since used/confirmed/updated; an entry added STALE was
     * "confirmed" two base_reachable_times ago.
     */
    @Test
    void statistics() {
        addEntries();
        assertThat(lab.ok("ip -s neigh").lines()).containsExactlyInAnyOrder(
                "10.0.0.54 dev eth0 lladdr 02:00:00:00:00:36  used 0/0/0probes 0 PERMANENT ",
                "10.0.0.51 dev eth0 lladdr 02:00:00:00:00:33  ref 1 used 0/0/0probes 0 REACHABLE ",
                "10.0.0.50 dev eth0 lladdr 02:00:00:00:00:32  used 0/0/0probes 0 PERMANENT ",
                "10.0.0.52 dev eth0 lladdr 02:00:00:00:00:34  used 0/60/0probes 0 STALE ");
    }

    /** Flush spares PERMANENT entries unless asked for them. */
    @Test
    void flush() {
        addEntries();
        assertThat(lab.ok("ip -s neigh flush dev eth0")).isEqualTo(lines(
                "",
                "*** Round 1, deleting 3 entries ***",
                "*** Flush is complete after 1 round ***"));
        assertThat(lab.ok("ip neigh").lines()).containsExactlyInAnyOrder(
                "10.0.0.54 dev eth0 lladdr 02:00:00:00:00:36 PERMANENT ",
                "10.0.0.50 dev eth0 lladdr 02:00:00:00:00:32 PERMANENT ");
        lab.quiet("ip neigh change 10.0.0.50 lladdr 02:00:00:00:00:40 dev eth0 nud stale");
        assertThat(lab.ok("ip neigh show 10.0.0.50")).isEqualTo(lines("10.0.0.50 dev eth0 lladdr 02:00:00:00:00:40 STALE "));
        lab.quiet("ip neigh flush all nud all");
        assertThat(lab.ok("ip neigh show nud all")).isEmpty();
        assertThat(lab.ok("ip -s -s neigh flush all")).isEqualTo(lines("Nothing to flush."));
        lab.quiet("ip neigh add 10.0.0.51 lladdr 02:00:00:00:00:33 dev eth0 nud reachable");
        assertThat(lab.ok("ip -s -s neigh flush all")).isEqualTo(lines(
                "10.0.0.51 dev eth0 lladdr 02:00:00:00:00:33  ref 1 used 0/0/0probes 0 REACHABLE ",
                "",
                "*** Round 1, deleting 1 entries ***",
                "*** Flush is complete after 1 round ***"));
    }

    @Test
    void delete() {
        addEntries();
        lab.quiet("ip neigh del 10.0.0.51 dev eth0");
        assertThat(lab.ok("ip neigh show 10.0.0.51")).isEmpty();
    }

    @Test
    void kernelErrors() {
        addEntries();
        assertThat(lab.run("ip neigh add 10.0.0.50 lladdr 02:00:00:00:00:32 dev eth0"))
                .isEqualTo(fails(2, "RTNETLINK answers: File exists"));
        assertThat(lab.run("ip neigh change 10.0.0.55 lladdr 02:00:00:00:00:36 dev eth0"))
                .isEqualTo(fails(2, "RTNETLINK answers: No such file or directory"));
        assertThat(lab.run("ip neigh del 10.0.0.99 dev eth0")).isEqualTo(fails(2, "RTNETLINK answers: No such file or directory"));
    }

    @Test
    void usageErrors() {
        assertThat(lab.run("ip neigh show nud bogus")).isEqualTo(fails(255, "Error: argument \"bogus\" is wrong: nud state is bad"));
        assertThat(lab.run("ip neigh del 10.0.0.99")).isEqualTo(fails(255, "Device and destination are required arguments."));
        assertThat(lab.run("ip neigh add 10.0.0.60 lladdr 02:00:00:00:00:36"))
                .isEqualTo(fails(255, "Device and destination are required arguments."));
        assertThat(lab.run("ip neigh add 10.0.0.60 lladdr zz dev eth0")).isEqualTo(fails(1, "\"zz\" is invalid lladdr."));
        assertThat(lab.run("ip neigh add 10.0.0.60 lladdr 02:00:zz:00:00:01 dev eth0")).isEqualTo(fails(1, "\"zz\" is invalid lladdr."));
        assertThat(lab.run("ip neigh add 300.0.0.1 lladdr 02:00:00:00:00:36 dev eth0"))
                .isEqualTo(fails(1, "Error: any valid address is expected rather than \"300.0.0.1\"."));
        assertThat(lab.run("ip neigh add 10.0.0.61 lladdr 02:00:00:00:00:36 dev eth9")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip neigh show dev eth9")).isEqualTo(fails(1, "Cannot find device \"eth9\""));
        assertThat(lab.run("ip neigh foo")).isEqualTo(fails(255, "Command \"foo\" is unknown, try \"ip neigh help\"."));
        assertThat(lab.run("ip neigh flush")).isEqualTo(fails(1, "Flush requires arguments."));
    }

    /** Proxy entries live apart: only {@code show proxy} lists them, and adding one twice is no error. */
    @Test
    void proxyEntries() {
        lab.quiet("ip neigh add proxy 10.0.0.5 dev eth0", "ip neigh add proxy 10.0.0.5 dev eth0");
        assertThat(lab.ok("ip neigh show proxy")).isEqualTo(lines("10.0.0.5 dev eth0 proxy "));
        assertThat(lab.ok("ip neigh show proxy dev eth0")).isEqualTo(lines("10.0.0.5 proxy "));
        assertThat(lab.ok("ip -s neigh show proxy")).isEqualTo(lines("10.0.0.5 dev eth0 proxy "));
        assertThat(lab.ok("ip neigh show")).isEmpty();
        lab.quiet("ip neigh del proxy 10.0.0.5 dev eth0");
        assertThat(lab.run("ip neigh del proxy 10.0.0.5 dev eth0"))
                .isEqualTo(fails(2, "RTNETLINK answers: No such file or directory"));
        lab.quiet("ip neigh add proxy 10.0.0.6 dev eth0 nud stale", "ip neigh flush proxy");
        assertThat(lab.ok("ip neigh show proxy")).isEmpty();
    }
}
