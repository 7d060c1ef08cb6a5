package dev.lvsunit.tools.ip;

import static dev.lvsunit.tools.ip.Lab.fails;
import static dev.lvsunit.tools.ip.Lab.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.tools.Execution;
import org.junit.jupiter.api.Test;

/** The ip front end: options, object abbreviations, unsupported forms. Recorded with iproute2 6.1.0. */
class IpTest {

    private final Lab lab = new Lab();

    @Test
    void unknownObjectExitsOne() {
        assertThat(lab.run("ip foo")).isEqualTo(fails(1, "Object \"foo\" is unknown, try \"ip help\"."));
    }

    @Test
    void unknownOption() {
        assertThat(lab.run("ip -x addr")).isEqualTo(fails(255, "Option \"-x\" is unknown, try \"ip -help\"."));
    }

    @Test
    void bareIpPrintsUsage() {
        Execution e = lab.run("ip");
        assertThat(e.exitStatus()).isEqualTo(255);
        assertThat(e.output()).startsWith("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n")
                .endsWith("                    -c[olor]}\n").hasLineCount(15);
    }

    @Test
    void version() {
        assertThat(lab.run("ip -V")).isEqualTo(new Execution(lines("ip utility, iproute2-6.1.0, libbpf 1.1.2"), 0));
    }

    /** An abbreviation picks the first object of ip.c's table it prefixes: r is route, n neighbor, l link. */
    @Test
    void abbreviations() {
        lab.quiet("ip a a 10.0.0.1/24 dev eth0");
        assertThat(lab.ok("ip r")).isEqualTo(lines("10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.1 "));
        assertThat(lab.ok("ip ro li")).isEqualTo(lab.ok("ip route list"));
        assertThat(lab.ok("ip n")).isEmpty();
        assertThat(lab.ok("ip l sh lo")).isEqualTo(lab.ok("ip link show lo"));
        // "ip link s" is set, not show
        assertThat(lab.run("ip l s")).isEqualTo(fails(255, "Not enough information: \"dev\" argument is required."));
        assertThat(lab.ok("ip ad sh lo")).isEqualTo(lab.ok("ip addr list lo"));
    }

    /** Recorded in a fresh namespace: the three default rules, separated by a tab. */
    @Test
    void defaultRules() {
        assertThat(lab.ok("ip rule")).isEqualTo(lines(
                "0:\tfrom all lookup local",
                "32766:\tfrom all lookup main",
                "32767:\tfrom all lookup default"));
        assertThat(lab.ok("ip ru show")).isEqualTo(lab.ok("ip rule"));
    }

    @Test
    void unsupportedObjectsSaySo() {
        assertThat(lab.run("ip rule add from 1.2.3.4 lookup 100")).isEqualTo(fails(2, "lvsunit: not supported: ip rule add"));
        assertThat(lab.run("ip tunnel")).isEqualTo(fails(2, "lvsunit: not supported: ip tunnel"));
        assertThat(lab.run("ip -6 addr").exitStatus()).isEqualTo(2);
        assertThat(lab.run("ip -6 addr").output()).startsWith("lvsunit: not supported: ip -6");
    }
}
