package dev.lvsunit.tools.procps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.engine.sysctl.DevConf;
import dev.lvsunit.tools.Execution;
import dev.lvsunit.tools.nettools.Terminal;
import org.junit.jupiter.api.Test;

/**
 * sysctl against procps-ng 4.0.2 on kernel 6.18. Every expected output was
 * printed by the real command in a fresh network namespace (lvn-g, lvn-a),
 * eth0 a veth without address, lo up with 127.0.0.1.
 */
class SysctlCommandTest {

    private final Terminal t = Terminal.lan("g");

    @Test
    void defaultReachesOnlyInterfacesThatNeverHadAnAddressAndAllIsCombinedNotCopied() {
        t.expect("g", "sysctl -w net.ipv4.conf.default.arp_ignore=2", "net.ipv4.conf.default.arp_ignore = 2\n");
        String four = "sysctl net.ipv4.conf.all.arp_ignore net.ipv4.conf.default.arp_ignore"
                + " net.ipv4.conf.eth0.arp_ignore net.ipv4.conf.lo.arp_ignore";
        t.expect("g", four, ""
                + "net.ipv4.conf.all.arp_ignore = 0\n"
                + "net.ipv4.conf.default.arp_ignore = 2\n"
                + "net.ipv4.conf.eth0.arp_ignore = 2\n"
                + "net.ipv4.conf.lo.arp_ignore = 0\n");
        t.quiet("g", "ifconfig eth0 10.0.0.7 netmask 255.255.255.0");
        t.expect("g", "sysctl -w net.ipv4.conf.default.arp_ignore=3", "net.ipv4.conf.default.arp_ignore = 3\n");
        t.expect("g", four, ""
                + "net.ipv4.conf.all.arp_ignore = 0\n"
                + "net.ipv4.conf.default.arp_ignore = 3\n"
                + "net.ipv4.conf.eth0.arp_ignore = 2\n"
                + "net.ipv4.conf.lo.arp_ignore = 0\n");
        t.expect("g", "sysctl -w net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_ignore = 1\n");
        // all is not copied into eth0: the kernel uses max(all, eth0)
        t.expect("g", "sysctl net.ipv4.conf.eth0.arp_ignore", "net.ipv4.conf.eth0.arp_ignore = 2\n");
        assertThat(t.get("g").sysctl().effective(t.get("g").device("eth0").orElseThrow().inDevice(), DevConf.ARP_IGNORE))
                .isEqualTo(2);
    }

    @Test
    void ipForwardReachesEveryInterfaceButDefaultForwardingReachesNone() {
        t.expect("g", "sysctl -w net.ipv4.conf.default.forwarding=1", "net.ipv4.conf.default.forwarding = 1\n");
        t.expect("g", "sysctl -n net.ipv4.conf.eth0.forwarding net.ipv4.ip_forward", "0\n0\n");
        t.expect("g", "sysctl -w net.ipv4.ip_forward=1", "net.ipv4.ip_forward = 1\n");
        t.expect("g", "sysctl -n net.ipv4.conf.eth0.forwarding net.ipv4.conf.lo.forwarding net.ipv4.conf.all.accept_redirects",
                "1\n1\n0\n");
    }

    @Test
    void writesWithAndWithoutDashWEchoTheValueAsWritten() {
        t.expect("g", "sysctl net.ipv4.ip_forward=0", "net.ipv4.ip_forward = 0\n");
        t.expect("g", "sysctl -w net.ipv4.ip_forward=0x1", "net.ipv4.ip_forward = 0x1\n");
        t.expect("g", "cat /proc/sys/net/ipv4/ip_forward", "1\n");
        t.expect("g", "sysctl -w net.ipv4.ip_forward=2", "net.ipv4.ip_forward = 2\n");
        t.expect("g", "sysctl -w 'net.ipv4.ip_forward = 1'", "net.ipv4.ip_forward = 1\n");
        t.expect("g", "sysctl '  net.ipv4.ip_forward=1'", "net.ipv4.ip_forward = 1\n");
        t.expect("g", "sysctl -w 'net.ipv4.conf.eth0.rp_filter= 2'", "net.ipv4.conf.eth0.rp_filter = 2\n");
        t.expect("g", "sysctl -w 'net.ipv4.conf.eth0.rp_filter=1 2'", "net.ipv4.conf.eth0.rp_filter = 1 2\n");
        t.expect("g", "sysctl net.ipv4.conf.eth0.rp_filter", "net.ipv4.conf.eth0.rp_filter = 1\n");
        t.expect("g", "sysctl -w net.ipv4.conf.eth0.arp_ignore=-3", "net.ipv4.conf.eth0.arp_ignore = -3\n");
        t.expect("g", "sysctl -w net.ipv4.neigh.eth0.retrans_time=-1", "net.ipv4.neigh.eth0.retrans_time = -1\n");
        t.expect("g", "sysctl net.ipv4.neigh.eth0.retrans_time", "net.ipv4.neigh.eth0.retrans_time = -0\n");
    }

    @Test
    void slashFormAndTheOptions() {
        t.expect("g", "sysctl net/ipv4/conf/eth0/arp_ignore", "net.ipv4.conf.eth0.arp_ignore = 0\n");
        t.expect("g", "sysctl -w net/ipv4/conf/eth0/arp_ignore=1", "net.ipv4.conf.eth0.arp_ignore = 1\n");
        t.expect("g", "sysctl -w net.ipv4.conf.eth0.arp_announce=2 net.ipv4.conf.all.arp_announce=2",
                "net.ipv4.conf.eth0.arp_announce = 2\nnet.ipv4.conf.all.arp_announce = 2\n");
        t.quiet("g", "sysctl -q -w net.ipv4.conf.all.arp_ignore=1");
        t.quiet("g", "sysctl -wq net.ipv4.ip_forward=1");
        t.quiet("g", "sysctl -w net.ipv4.ip_forward=1 -q");
        t.expect("g", "sysctl -n net.ipv4.conf.all.arp_ignore", "1\n");
        t.expect("g", "sysctl -q net.ipv4.conf.all.arp_ignore", "net.ipv4.conf.all.arp_ignore = 1\n");
        t.expect("g", "sysctl -N net.ipv4.conf.all.arp_ignore", "net.ipv4.conf.all.arp_ignore\n");
        t.expect("g", "sysctl -N -w net.ipv4.ip_forward=1", "1\n");
        t.expect("g", "sysctl -n -w net.ipv4.conf.eth0.arp_ignore=0x2", "0x2\n");
        t.expect("g", "sysctl -w net.ipv4.conf.all.arp_ignore=1 -n", "1\n");
        t.expect("g", "sysctl -b net.ipv4.ip_forward net.ipv4.ip_forward", "11");
        t.expect("g", "sysctl --values net.ipv4.ip_forward", "1\n");
        t.expect("g", "sysctl -x net.ipv4.ip_forward", "net.ipv4.ip_forward = 1\n");
        // real: net.ipv4.conf.eth0/arp_ignore swaps both separators
        t.expect("g", "sysctl net.ipv4.conf.eth0/arp_ignore",
                "sysctl: cannot stat /proc/sys/net/ipv4/conf/eth0.arp_ignore: No such file or directory\n", 1);
        t.expect("g", "sysctl net.ipv4..ip_forward",
                "sysctl: separators should not be repeated: ..ip_forward\nnet.ipv4..ip_forward = 1\n");
        t.expect("g", "sysctl -w net.ipv4..ip_forward=1", ""
                + "sysctl: separators should not be repeated: ..ip_forward\n"
                + "sysctl: separators should not be repeated: //ip_forward\n"
                + "net.ipv4..ip_forward = 1\n");
    }

    @Test
    void aDirectoryListsItsEntriesWithoutTheDeprecatedOnes() {
        String out = t.run("g", "sysctl net.ipv4.neigh.lo").output();
        // real: sysctl net.ipv4.neigh.lo (fresh namespace)
        assertThat(out).isEqualTo(""
                + "net.ipv4.neigh.lo.anycast_delay = 100\n"
                + "net.ipv4.neigh.lo.app_solicit = 0\n"
                + "net.ipv4.neigh.lo.base_reachable_time_ms = 30000\n"
                + "net.ipv4.neigh.lo.delay_first_probe_time = 5\n"
                + "net.ipv4.neigh.lo.gc_stale_time = 60\n"
                + "net.ipv4.neigh.lo.interval_probe_time_ms = 5000\n"
                + "net.ipv4.neigh.lo.locktime = 100\n"
                + "net.ipv4.neigh.lo.mcast_resolicit = 0\n"
                + "net.ipv4.neigh.lo.mcast_solicit = 3\n"
                + "net.ipv4.neigh.lo.proxy_delay = 80\n"
                + "net.ipv4.neigh.lo.proxy_qlen = 64\n"
                + "net.ipv4.neigh.lo.retrans_time_ms = 1000\n"
                + "net.ipv4.neigh.lo.ucast_solicit = 3\n"
                + "net.ipv4.neigh.lo.unres_qlen = 101\n"
                + "net.ipv4.neigh.lo.unres_qlen_bytes = 212992\n");
        assertThat(t.run("g", "sysctl --deprecated net.ipv4.neigh.lo").output())
                .contains("net.ipv4.neigh.lo.base_reachable_time = 30\n", "net.ipv4.neigh.lo.retrans_time = 100\n");
        assertThat(t.run("g", "sysctl net.ipv4.conf.eth0").output().lines()).hasSize(33)
                .startsWith("net.ipv4.conf.eth0.accept_local = 0", "net.ipv4.conf.eth0.accept_redirects = 1")
                .endsWith("net.ipv4.conf.eth0.tag = 0");
        assertThat(t.run("g", "sysctl -N net.ipv4.conf.lo").output().lines()).hasSize(33)
                .contains("net.ipv4.conf.lo.mc_forwarding");
    }

    @Test
    void errorsAndExitStatuses() {
        // kernel-surprises 17 and command-output 4
        t.expect("g", "sysctl net.ipv4.nosuchkey",
                "sysctl: cannot stat /proc/sys/net/ipv4/nosuchkey: No such file or directory\n", 1);
        t.expect("g", "sysctl -w net.ipv4.nosuchkey=1",
                "sysctl: cannot stat /proc/sys/net/ipv4/nosuchkey: No such file or directory\n", 1);
        t.expect("g", "sysctl net.ipv4.vs.expire_nodest_conn",
                "sysctl: cannot stat /proc/sys/net/ipv4/vs/expire_nodest_conn: No such file or directory\n", 1);
        t.expect("g", "sysctl -w net.ipv4.ip_forward=abc", "sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n", 1);
        t.expect("g", "sysctl -q -w net.ipv4.ip_forward=abc", "sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n", 1);
        t.expect("g", "sysctl -w net.ipv4.neigh.eth0.base_reachable_time_ms=-5",
                "sysctl: setting key \"net.ipv4.neigh.eth0.base_reachable_time_ms\": Invalid argument\n", 1);
        t.expect("g", "sysctl -w net.ipv4.ip_forward", "sysctl: command line(0): invalid syntax, continuing...\n", 1);
        t.expect("g", "sysctl -w net.ipv4.ip_forward = 1", "sysctl: command line(0): invalid syntax, continuing...\n", 1);
        // words of their own: "=" alone is too short to be a setting, "1" is read as a key
        t.expect("g", "sysctl net.ipv4.ip_forward = 1",
                "net.ipv4.ip_forward = 0\nsysctl: cannot stat /proc/sys/1: No such file or directory\n", 2);
        t.expect("g", "sysctl net.ipv4.ip_forward =", "net.ipv4.ip_forward = 0\n", 1);
        t.expect("g", "sysctl net.ipv4.ip_forward =0",
                "net.ipv4.ip_forward = 0\nsysctl: Path is not under /proc/sys/: /proc/sys/\n", 1);
        t.expect("g", "sysctl net.ipv4.ip_forward= 1", ""
                + "sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n"
                + "sysctl: cannot stat /proc/sys/1: No such file or directory\n", 2);
        t.expect("g", "sysctl = net.ipv4.ip_forward", "net.ipv4.ip_forward = 0\n", 1);
        // read failures add up, an empty key counts -1
        t.expect("g", "sysctl net.ipv4.nosuch net.ipv4.nosuch2 net.ipv4.ip_forward", ""
                + "sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n"
                + "sysctl: cannot stat /proc/sys/net/ipv4/nosuch2: No such file or directory\n"
                + "net.ipv4.ip_forward = 0\n", 2);
        t.expect("g", "sysctl ''", "sysctl: \"\" is an unknown key\n", 255);
        t.expect("g", "sysctl -w net.ipv4.nosuch=1 net.ipv4.nosuch2=1", ""
                + "sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n"
                + "sysctl: cannot stat /proc/sys/net/ipv4/nosuch2: No such file or directory\n", 1);
        t.expect("g", "sysctl -e net.ipv4.nosuch", "", 0);
        t.expect("g", "sysctl -e -w net.ipv4.nosuch=1 net.ipv4.ip_forward=0", "net.ipv4.ip_forward = 0\n");
        t.expect("g", "sysctl net.ipv4.ip_forward.",
                "sysctl: cannot stat /proc/sys/net/ipv4/ip_forward/: Not a directory\n", 1);
        t.expect("g", "sysctl -w net.ipv4.ip_forward.x=1",
                "sysctl: cannot stat /proc/sys/net/ipv4/ip_forward/x: Not a directory\n", 1);
        t.expect("g", "sysctl -w net.ipv4.conf.nosuch.arp_ignore=1",
                "sysctl: cannot stat /proc/sys/net/ipv4/conf/nosuch/arp_ignore: No such file or directory\n", 1);
        t.expect("g", "sysctl -w =1", "sysctl: Path is not under /proc/sys/: /proc/sys/\n", 1);
        t.expect("g", "sysctl =", "", 1);
        t.expect("g", "sysctl -w a", "", 1);
        t.expect("g", "sysctl -w '#net.ipv4.ip_forward=1'", "", 1);
        t.expect("g", "sysctl -w", "sysctl: no variables specified\nTry `sysctl --help' for more information.\n", 1);
        t.expect("g", "sysctl -N -q net.ipv4.ip_forward",
                "sysctl: options -N and -q cannot coexist\nTry `sysctl --help' for more information.\n", 1);
    }

    @Test
    void readOnlyFilesAndDirectoriesWarnButDoNotFail() {
        // procps 4.0.2: mode 0444 (mc_forwarding) or a directory, exit 0
        t.expect("g", "sysctl -w net.ipv4.conf.all.mc_forwarding=1",
                "sysctl: setting key \"net.ipv4.conf.all.mc_forwarding\": Invalid argument\n");
        t.expect("g", "sysctl -w net.ipv4.ip_forward=1 net.ipv4.conf.all.mc_forwarding=1",
                "net.ipv4.ip_forward = 1\nsysctl: setting key \"net.ipv4.conf.all.mc_forwarding\": Invalid argument\n");
        t.expect("g", "sysctl -w net.ipv4.conf.eth0=1", "sysctl: setting key \"net.ipv4.conf.eth0\": Invalid argument\n");
        t.expect("g", "sysctl -w net.ipv4.conf.lo.=1", "sysctl: setting key \"net.ipv4.conf.lo.\": Invalid argument\n");
        // bash: echo into a read-only proc file
        t.expect("g", "echo 1 > /proc/sys/net/ipv4/conf/all/mc_forwarding",
                "bash: /proc/sys/net/ipv4/conf/all/mc_forwarding: Permission denied\n", 1);
    }

    @Test
    void loadingAFile() {
        // a fresh Debian 12 host: /etc/sysctl.conf has only comments
        t.quiet("g", "sysctl -p");
        t.quiet("g", "sysctl --load");
        t.quiet("g", "sysctl -p/etc/sysctl.conf");
        t.expect("g", "sysctl -p /nonexistent", "sysctl: cannot open \"/nonexistent\": No such file or directory\n", 1);
        t.expect("g", "sysctl --load=/nonexistent", "sysctl: cannot open \"/nonexistent\": No such file or directory\n", 1);
        t.expect("g", "sysctl -p /nonexistent /other", ""
                + "sysctl: cannot open \"/nonexistent\": No such file or directory\n"
                + "sysctl: cannot open \"/other\": No such file or directory\n", 1);
        t.expect("g", "sysctl -p -w net.ipv4.ip_forward=1",
                "sysctl: cannot open \"net.ipv4.ip_forward=1\": No such file or directory\n", 1);
    }

    @Test
    void usage() {
        Execution e = t.run("g", "sysctl");
        assertThat(e.exitStatus()).isEqualTo(1);
        assertThat(e.output()).startsWith("\nUsage:\n sysctl [options] [variable[=value] ...]\n")
                .endsWith("For more details see sysctl(8).\n");
        e = t.run("g", "sysctl -z net.ipv4.ip_forward");
        assertThat(e.exitStatus()).isZero();
        assertThat(e.output()).startsWith("sysctl: invalid option -- 'z'\n\nUsage:\n");
        e = t.run("g", "sysctl -w -net.ipv4.nosuch=1");
        assertThat(e.exitStatus()).isZero();
        assertThat(e.output()).startsWith("sysctl: invalid option -- 't'\n\nUsage:\n");
        e = t.run("g", "sysctl --nosuch");
        assertThat(e.output()).startsWith("sysctl: unrecognized option '--nosuch'\n\nUsage:\n");
        t.expect("g", "sysctl -w -- -net.ipv4.nosuch=1",
                "sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n", 1);
    }

    /** command-output 4: the vs keys appear when ip_vs is loaded (here: once IPVS is used). */
    @Test
    void ipvsKeysExistOnceIpvsIsLoaded() {
        t.expect("g", "sysctl net.ipv4.vs.conn_reuse_mode",
                "sysctl: cannot stat /proc/sys/net/ipv4/vs/conn_reuse_mode: No such file or directory\n", 1);
        t.get("g").ipvs();
        t.expect("g", "sysctl net.ipv4.vs.conn_reuse_mode", "net.ipv4.vs.conn_reuse_mode = 1\n");
        t.expect("g", "sysctl -w net.ipv4.vs.expire_nodest_conn=1", "net.ipv4.vs.expire_nodest_conn = 1\n");
        org.assertj.core.api.Assertions.assertThat(t.get("g").ipvs().sysctl("expire_nodest_conn")).isEqualTo(1);
        t.expect("g", "sysctl -w net.ipv4.vs.drop_entry=4",
                "sysctl: setting key \"net.ipv4.vs.drop_entry\": Invalid argument\n", 1);
        t.expect("g", "cat /proc/sys/net/ipv4/vs/expire_nodest_conn", "1\n");
        assertThat(t.run("g", "sysctl net.ipv4.vs.sync_threshold").output()).startsWith("lvsunit: not supported: ");
    }

    @Test
    void realKeysThatAreNotModelledAreNotSupportedRatherThanMissing() {
        Execution e = t.run("g", "sysctl net.ipv4.tcp_syncookies");
        assertThat(e.output()).startsWith("lvsunit: not supported: ");
        assertThat(e.exitStatus()).isEqualTo(2);
        assertThat(t.run("g", "sysctl -w net.ipv6.conf.eth0.disable_ipv6=1").output()).startsWith("lvsunit: not supported: ");
        assertThat(t.run("g", "sysctl net.ipv6.conf.eth9.disable_ipv6").output())
                .isEqualTo("sysctl: cannot stat /proc/sys/net/ipv6/conf/eth9/disable_ipv6: No such file or directory\n");
        assertThat(t.run("g", "sysctl kernel").output()).startsWith("lvsunit: not supported: ");
        assertThat(t.run("g", "sysctl -a").output()).startsWith("lvsunit: not supported: ");
    }
}
