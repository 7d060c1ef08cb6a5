package dev.lvsunit.engine.sysctl;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The proc handlers as a 6.18 kernel (HZ=250) runs them. Every expectation
 * was read back with {@code cat} after {@code sysctl -w} in a network
 * namespace (prefix lvn), kernel 6.18.44, procps 4.0.2.
 */
class ProcHandlersTest {

    private final World world = new World();
    private final Host host = world.addHost("rs");
    private final NetDevice eth0 = nic(host, "eth0");

    private String write(String path, String text) throws SysctlException {
        host.sysctl().write(path, text + "\n");
        return host.sysctl().read(path);
    }

    private void assertEinval(String path, String text) {
        assertThatThrownBy(() -> host.sysctl().write(path, text + "\n"))
                .isInstanceOfSatisfying(SysctlException.class,
                        e -> assertThat(e.errno()).isEqualTo(SysctlException.Errno.EINVAL));
    }

    @ParameterizedTest(name = "ip_forward=\"{0}\" is stored as {1}")
    @CsvSource(delimiter = '|', value = {"2|2", "-1|-1", "0x1|1", "' 5'|5", "'1 2'|1", "010|8", "-0|0",
        "-2147483648|-2147483648", "'1 abc'|1", "0X10|16", "' -7 '|-7"})
    void procDointvecTakesTheFirstNumberAsIs(String text, String stored) throws Exception {
        assertThat(write("net/ipv4/ip_forward", text)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "ip_forward=\"{0}\" is EINVAL")
    @CsvSource(delimiter = '|', value = {"1.5", "99999999999", "abc", "''", "+3", "0x", "4294967296", "2147483648",
        "1abc", "08", "'1,'", "'- 1'", "0x-1", "'  '"})
    void procDointvecRefuses(String text) {
        assertEinval("net/ipv4/ip_forward", text);
    }

    @Test
    void ipForwardReachesEveryInterfaceOnlyWhenItChanges() throws Exception {
        write("net/ipv4/ip_forward", "1");
        write("net/ipv4/conf/eth0/forwarding", "0");
        write("net/ipv4/ip_forward", "1");
        assertThat(host.sysctl().read("net/ipv4/conf/eth0/forwarding")).isEqualTo("0");
        write("net/ipv4/ip_forward", "2");
        assertThat(host.sysctl().read("net/ipv4/conf/eth0/forwarding")).isEqualTo("2");
        assertThat(host.sysctl().read("net/ipv4/conf/all/accept_redirects")).isEqualTo("0");
    }

    @ParameterizedTest(name = "{0}=-1 is EINVAL")
    @CsvSource({"ucast_solicit", "mcast_solicit", "app_solicit", "mcast_resolicit", "unres_qlen",
        "unres_qlen_bytes", "proxy_qlen", "base_reachable_time_ms", "retrans_time_ms", "interval_probe_time_ms"})
    void neighbourCountsAndMillisecondsRefuseNegatives(String file) {
        assertEinval("net/ipv4/neigh/eth0/" + file, "-1");
    }

    @ParameterizedTest(name = "{0}={1} reads back as {2}")
    @CsvSource({"base_reachable_time,-1,-1", "retrans_time,-1,-0", "delay_first_probe_time,-1,-1",
        "gc_stale_time,-1,-1", "locktime,-1,-0", "anycast_delay,-1,-0", "proxy_delay,-1,-0",
        "retrans_time_ms,1,4", "retrans_time_ms,4294967297,4", "retrans_time_ms,2147483647,2147483648",
        "locktime,5,4", "locktime,300000000,300000000", "gc_stale_time,2147484,2147484",
        "gc_stale_time,-2147483,-2147483", "unres_qlen,1,1", "retrans_time_ms,0,0", "retrans_time_ms,-0,0",
        "ucast_solicit,2147483647,2147483647"})
    void neighbourTimesRoundTripThroughJiffies(String file, String written, String read) throws Exception {
        assertThat(write("net/ipv4/neigh/eth0/" + file, written)).isEqualTo(read);
    }

    @Test
    void unitsShareOneStoredValue() throws Exception {
        write("net/ipv4/neigh/eth0/retrans_time_ms", "1");
        assertThat(host.sysctl().read("net/ipv4/neigh/eth0/retrans_time")).isEqualTo("0");
        write("net/ipv4/neigh/eth0/retrans_time_ms", "2147483647");
        assertThat(host.sysctl().read("net/ipv4/neigh/eth0/retrans_time")).isEqualTo("214748364");
        write("net/ipv4/neigh/eth0/unres_qlen", "1");
        assertThat(host.sysctl().read("net/ipv4/neigh/eth0/unres_qlen_bytes")).isEqualTo("2090");
        assertEinval("net/ipv4/neigh/eth0/unres_qlen", "1027507");
        assertEinval("net/ipv4/neigh/eth0/interval_probe_time_ms", "0");
    }

    @Test
    void timesAreSeenInMillisecondsAndNanosecondsByTheNeighbourCode() throws Exception {
        write("net/ipv4/neigh/eth0/retrans_time_ms", "1");
        assertThat(eth0.inDevice().arpParms().get(NeighParm.RETRANS_TIME)).isEqualTo(4);
        assertThat(eth0.inDevice().arpParms().nanos(NeighParm.RETRANS_TIME)).isEqualTo(4_000_000L);
        assertThat(eth0.inDevice().arpParms().get(NeighParm.PROXY_DELAY)).isEqualTo(800);
    }

    @Test
    void mcForwardingIsReadOnly() {
        assertThatThrownBy(() -> host.sysctl().write("net/ipv4/conf/all/mc_forwarding", "1\n"))
                .isInstanceOfSatisfying(SysctlException.class,
                        e -> assertThat(e.errno()).isEqualTo(SysctlException.Errno.EACCES));
        assertThat(host.sysctl().writable("net/ipv4/conf/all/mc_forwarding")).isFalse();
        assertThat(host.sysctl().writable("net/ipv4/conf/all/arp_ignore")).isTrue();
    }

    /** An interface made after conf/default.X was written copies default's state bit for X. */
    @Test
    void anInterfaceMadeAfterADefaultWriteNoLongerFollowsDefault() throws Exception {
        write("net/ipv4/conf/default/arp_ignore", "2");
        NetDevice d2 = nic(host, "d2");
        write("net/ipv4/conf/default/arp_ignore", "3");
        assertThat(host.sysctl().read("net/ipv4/conf/eth0/arp_ignore")).isEqualTo("3");
        assertThat(host.sysctl().read("net/ipv4/conf/d2/arp_ignore")).isEqualTo("2");
        write("net/ipv4/neigh/default/ucast_solicit", "5");
        NetDevice d3 = nic(host, "d3");
        write("net/ipv4/neigh/default/ucast_solicit", "6");
        assertThat(host.sysctl().read("net/ipv4/neigh/eth0/ucast_solicit")).isEqualTo("6");
        assertThat(host.sysctl().read("net/ipv4/neigh/" + d3.name() + "/ucast_solicit")).isEqualTo("5");
        assertThat(d2.name()).isEqualTo("d2");
    }

    @ParameterizedTest(name = "default.{0} does not reach an untouched interface")
    @CsvSource({"disable_policy", "disable_xfrm", "drop_unicast_in_l2_multicast", "forwarding",
        "promote_secondaries", "route_localnet"})
    void flushingEntriesAndForwardingDoNotPropagateFromDefault(String file) throws Exception {
        write("net/ipv4/conf/default/" + file, "1");
        assertThat(host.sysctl().read("net/ipv4/conf/eth0/" + file)).isEqualTo("0");
    }

    @Test
    void aRefusedWriteStillMarksTheInterfaceAsSetByHand() throws Exception {
        assertEinval("net/ipv4/conf/eth0/arp_ignore", "abc");
        write("net/ipv4/conf/default/arp_ignore", "2");
        assertThat(host.sysctl().read("net/ipv4/conf/eth0/arp_ignore")).isEqualTo("0");
        NetDevice t = nic(host, "t");
        addr(t, "10.0.0.1/24");
        assertThat(host.sysctl().read("net/ipv4/conf/t/arp_ignore")).isEqualTo("2");
    }

    @Test
    void directoriesListTheirEntriesSortedAsReaddirDoes() throws Exception {
        nic(host, "abc");
        assertThat(host.sysctl().directory("net/ipv4/conf")).contains(java.util.List.of("abc", "all", "default", "eth0", "lo"));
        assertThat(host.sysctl().directory("net/ipv4/neigh/eth0").orElseThrow()).startsWith("anycast_delay", "app_solicit",
                "base_reachable_time", "base_reachable_time_ms").doesNotContain("gc_thresh1");
        assertThat(host.sysctl().directory("net/ipv4/neigh/default").orElseThrow()).contains("gc_thresh1", "gc_interval");
        assertThat(host.sysctl().directory("net/ipv4/conf/eth9")).isEmpty();
        assertThat(host.sysctl().directory("net/ipv4/ip_forward")).isEmpty();
        assertThat(host.sysctl().deprecated("net/ipv4/neigh/eth0/retrans_time")).isTrue();
        assertThat(host.sysctl().deprecated("net/ipv4/neigh/eth0/retrans_time_ms")).isFalse();
        assertThat(host.sysctl().read("net/ipv4/neigh/default/gc_interval")).isEqualTo("30");
    }
}
