package dev.lvsunit.engine.sysctl;

import static dev.lvsunit.engine.TestWorlds.addr;
import static dev.lvsunit.engine.TestWorlds.nic;
import static dev.lvsunit.engine.TestWorlds.sysctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.engine.Host;
import dev.lvsunit.engine.World;
import dev.lvsunit.engine.link.NetDevice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resolution rules of {@code include/linux/inetdevice.h} and the proc
 * handlers of {@code devinet.c} / {@code neighbour.c}; values as a fresh 6.18
 * namespace shows them.
 */
class SysctlTest {

    private final World world = new World();
    private final Host host = world.addHost("rs");
    private final NetDevice eth0 = nic(host, "eth0");

    private int effective(DevConf key) {
        return host.sysctl().effective(eth0.inDevice(), key);
    }

    @ParameterizedTest(name = "all={0} eth0={1} -> arp_ignore {2}")
    @CsvSource({"0,0,0", "1,0,1", "0,1,1", "1,4,4", "2,8,8", "-3,0,0"})
    void arpIgnoreIsTheMaximumOfAllAndTheInterface(int all, int dev, int expected) {
        sysctl(host, "net.ipv4.conf.all.arp_ignore", Integer.toString(all));
        sysctl(host, "net.ipv4.conf.eth0.arp_ignore", Integer.toString(dev));
        assertThat(effective(DevConf.ARP_IGNORE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "all={0} eth0={1} -> arp_filter {2}")
    @CsvSource({"0,0,0", "1,0,1", "0,1,1", "0,5,1"})
    void arpFilterIsTheOrOfAllAndTheInterface(int all, int dev, int expected) {
        sysctl(host, "net.ipv4.conf.all.arp_filter", Integer.toString(all));
        sysctl(host, "net.ipv4.conf.eth0.arp_filter", Integer.toString(dev));
        assertThat(effective(DevConf.ARP_FILTER)).isEqualTo(expected);
    }

    @Test
    void arpEvictNocarrierIsTheAndOfAllAndTheInterface() {
        assertThat(effective(DevConf.ARP_EVICT_NOCARRIER)).isEqualTo(1);
        sysctl(host, "net.ipv4.conf.all.arp_evict_nocarrier", "0");
        assertThat(effective(DevConf.ARP_EVICT_NOCARRIER)).isZero();
    }

    @Test
    void onlyTheReceivingInterfacesValueCountsNotLos() {
        sysctl(host, "net.ipv4.conf.lo.arp_ignore", "1");
        assertThat(effective(DevConf.ARP_IGNORE)).isZero();
    }

    @Test
    void kernelDefaultsOfAFreshHost() throws Exception {
        Sysctl s = host.sysctl();
        assertThat(s.read("net/ipv4/conf/all/accept_source_route")).isEqualTo("0");
        assertThat(s.read("net/ipv4/conf/default/accept_source_route")).isEqualTo("1");
        assertThat(s.read("net/ipv4/conf/eth0/shared_media")).isEqualTo("1");
        assertThat(s.read("net/ipv4/conf/eth0/igmpv2_unsolicited_report_interval")).isEqualTo("10000");
        assertThat(s.read("net/ipv4/ip_forward")).isEqualTo("0");
        assertThat(s.read("net/ipv4/neigh/eth0/base_reachable_time_ms")).isEqualTo("30000");
        assertThat(s.read("net/ipv4/neigh/eth0/retrans_time")).isEqualTo("100");
        assertThat(s.read("net/ipv4/neigh/eth0/unres_qlen")).isEqualTo("101");
        assertThat(s.read("net/ipv4/neigh/lo/locktime")).isEqualTo("100");
    }

    /** Appendix A26 of the reference: default reaches interfaces without address whose key was never written. */
    @Test
    void defaultPropagatesOnlyToUntouchedInterfacesWithoutAddress() throws Exception {
        NetDevice t0 = nic(host, "t0");
        NetDevice t1 = nic(host, "t1");
        addr(eth0, "10.0.0.179/24");
        sysctl(host, "net.ipv4.conf.default.arp_ignore", "2");
        assertThat(t0.inDevice().conf(DevConf.ARP_IGNORE)).isEqualTo(2);
        assertThat(t1.inDevice().conf(DevConf.ARP_IGNORE)).isEqualTo(2);
        assertThat(eth0.inDevice().conf(DevConf.ARP_IGNORE)).isZero();
        assertThat(host.loopback().inDevice().conf(DevConf.ARP_IGNORE)).isZero();
        addr(t0, "10.9.0.1/24");
        sysctl(host, "net.ipv4.conf.t1.arp_announce", "1");
        sysctl(host, "net.ipv4.conf.default.arp_ignore", "3");
        assertThat(t0.inDevice().conf(DevConf.ARP_IGNORE)).isEqualTo(2);
        assertThat(t1.inDevice().conf(DevConf.ARP_IGNORE)).isEqualTo(3);
        NetDevice t2 = nic(host, "t2");
        assertThat(t2.inDevice().conf(DevConf.ARP_IGNORE)).isEqualTo(3);
        assertThat(host.sysctl().read("net/ipv4/conf/all/arp_ignore")).isEqualTo("0");
    }

    @Test
    void ipForwardSetsForwardingEverywhereAndAllAcceptRedirectsOff() throws Exception {
        sysctl(host, "net.ipv4.ip_forward", "1");
        assertThat(eth0.inDevice().conf(DevConf.FORWARDING)).isEqualTo(1);
        assertThat(host.sysctl().read("net/ipv4/conf/default/forwarding")).isEqualTo("1");
        assertThat(host.sysctl().read("net/ipv4/conf/all/forwarding")).isEqualTo("1");
        assertThat(host.sysctl().read("net/ipv4/conf/all/accept_redirects")).isEqualTo("0");
        sysctl(host, "net.ipv4.conf.eth0.forwarding", "0");
        assertThat(host.sysctl().read("net/ipv4/ip_forward")).isEqualTo("1");
        assertThat(eth0.inDevice().conf(DevConf.FORWARDING)).isZero();
    }

    @ParameterizedTest(name = "\"{0}\" is stored as {1}")
    @CsvSource(delimiter = '|', value = {"1|1", "' 5'|5", "-3|-3", "0x1|1", "010|8", "'7 '|7"})
    void procDointvecParsesLikeTheKernel(String text, int stored) throws Exception {
        host.sysctl().write("net/ipv4/conf/all/arp_ignore", text);
        assertThat(host.sysctl().read("net/ipv4/conf/all/arp_ignore")).isEqualTo(Integer.toString(stored));
    }

    @ParameterizedTest
    @CsvSource({"abc", "1.5", "99999999999", "''"})
    void procDointvecRefusesWhatIsNotAnInt(String text) {
        assertThatThrownBy(() -> host.sysctl().write("net/ipv4/conf/all/arp_ignore", text))
                .isInstanceOfSatisfying(SysctlException.class,
                        e -> assertThat(e.errno()).isEqualTo(SysctlException.Errno.EINVAL));
    }

    @Test
    void neighbourTimesShowInTheirOwnUnits() throws Exception {
        sysctl(host, "net.ipv4.neigh.eth0.base_reachable_time", "4");
        assertThat(host.sysctl().read("net/ipv4/neigh/eth0/base_reachable_time_ms")).isEqualTo("4000");
        assertThat(eth0.inDevice().arpParms().get(NeighParm.BASE_REACHABLE_TIME)).isEqualTo(4000);
        sysctl(host, "net.ipv4.neigh.eth0.retrans_time_ms", "500");
        assertThat(host.sysctl().read("net/ipv4/neigh/eth0/retrans_time")).isEqualTo("50");
        assertThatThrownBy(() -> host.sysctl().write("net/ipv4/neigh/eth0/ucast_solicit", "-1"))
                .isInstanceOf(SysctlException.class);
    }

    @Test
    void unknownKeysAndInterfacesDoNotExist() {
        assertThat(host.sysctl().exists("net/ipv4/conf/eth9/arp_ignore")).isFalse();
        assertThat(host.sysctl().exists("net/ipv4/conf/eth0/nosuchkey")).isFalse();
        assertThat(host.sysctl().exists("net/ipv4/neigh/eth0/gc_thresh1")).isFalse();
        assertThat(host.sysctl().exists("net/ipv4/neigh/default/gc_thresh1")).isTrue();
        assertThatThrownBy(() -> host.sysctl().read("net/ipv4/nosuchkey"))
                .isInstanceOfSatisfying(SysctlException.class,
                        e -> assertThat(e.errno()).isEqualTo(SysctlException.Errno.ENOENT));
    }
}
