package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.spec.backend.BackendException;
import dev.lvsunit.spec.backend.CommandOutcome;
import dev.lvsunit.spec.backend.LanMember;
import dev.lvsunit.spec.backend.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Builds real hosts in network namespaces. Skipped, with the reason, where the
 * test does not run as root or cannot create namespaces.
 */
class KernelBackendTest {

    private static final String A_MAC = "02:00:00:00:01:01";
    private static final String B_MAC = "02:00:00:00:02:01";

    private Session session;
    private String tag;

    @BeforeAll
    static void needsNamespaces() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor();
        Assumptions.assumeTrue(uid.equals("0"), "kernel backend tests need root (running as uid " + uid + ")");
        String probe = "lvk" + ProcessHandle.current().pid() + "-probe";
        int added = new ProcessBuilder("ip", "netns", "add", probe).redirectErrorStream(true).start().waitFor();
        Assumptions.assumeTrue(added == 0, "kernel backend tests need network namespaces (ip netns add failed)");
        new ProcessBuilder("ip", "netns", "del", probe).start().waitFor();
    }

    /** {@code serve} runs python3, the tests call it with curl. */
    static void needsServeAndCurl() throws Exception {
        int found = new ProcessBuilder("bash", "-c", "command -v python3 && command -v curl")
                .redirectErrorStream(true).start().waitFor();
        Assumptions.assumeTrue(found == 0, "serve and curl need python3 and curl, not installed here");
    }

    @BeforeEach
    void open() {
        session = new KernelBackend().open();
        tag = ((KernelSession) session).tag();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private void twoHosts() {
        session.lan("net0", List.of(new LanMember("a", "eth0", A_MAC), new LanMember("b", "eth0", B_MAC)));
        assertOk(session.run("a", "ip addr add 192.168.0.1/24 dev eth0"));
        assertOk(session.run("b", "ip addr add 192.168.0.2/24 dev eth0"));
    }

    private static void assertOk(CommandOutcome outcome) {
        assertThat(outcome.exitStatus()).as(outcome.output()).isZero();
    }

    @Test
    void nameIsKernel() {
        assertThat(new KernelBackend().name()).isEqualTo("kernel");
    }

    @Test
    void aNewHostHasOnlyLoopbackUp() {
        session.host("lonely");
        CommandOutcome addr = session.run("lonely", "ip addr show");
        assertThat(addr.output()).isEqualTo("""
                1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                    inet 127.0.0.1/8 scope host lo
                       valid_lft forever preferred_lft forever
                """);
    }

    @Test
    void membersGetTheirNameMacMtuAndNoIpv6() {
        twoHosts();
        CommandOutcome link = session.run("a", "ip addr show dev eth0");
        assertThat(link.output())
                .matches("(?s)2: eth0@if\\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP"
                        + " group default qlen 1000\n"
                        + "    link/ether 02:00:00:00:01:01 brd ff:ff:ff:ff:ff:ff link-netns " + tag + "-s1\n"
                        + "    inet 192.168.0.1/24 scope global eth0\n"
                        + "       valid_lft forever preferred_lft forever\n")
                .doesNotContain("inet6");
    }

    @Test
    void pingResolvesAndFillsTheNeighbourCache() {
        twoHosts();
        CommandOutcome ping = session.run("a", "ping -c 1 192.168.0.2");
        assertThat(ping.exitStatus()).isZero();
        assertThat(ping.output())
                .startsWith("PING 192.168.0.2 (192.168.0.2) 56(84) bytes of data.\n64 bytes from 192.168.0.2: icmp_seq=1 ttl=64 time=")
                .contains("1 packets transmitted, 1 received, 0% packet loss");
        CommandOutcome neigh = session.run("a", "ip neigh show");
        // iproute2 6.1 ends neighbour lines with a space; specs ignore trailing spaces
        assertThat(neigh.output()).isEqualTo("192.168.0.2 dev eth0 lladdr 02:00:00:00:02:01 REACHABLE \n");
        // b learnt a from its request (STALE) and then sent the echo reply through
        // the entry: DELAY, with the unicast probe due 5 s later (kernel-surprises 12)
        assertThat(session.run("b", "ip neigh show").output())
                .isEqualTo("192.168.0.1 dev eth0 lladdr 02:00:00:00:01:01 DELAY \n");
    }

    @Test
    void arpingPrintsTheReply() {
        twoHosts();
        CommandOutcome arping = session.run("a", "arping -c 1 -I eth0 192.168.0.2");
        assertThat(arping.exitStatus()).isZero();
        assertThat(arping.output())
                .matches("ARPING 192.168.0.2 from 192.168.0.1 eth0\n"
                        + "Unicast reply from 192.168.0.2 \\[02:00:00:00:02:01\\]  \\d+\\.\\d+ms\n"
                        + "Sent 1 probes \\(1 broadcast\\(s\\)\\)\n"
                        + "Received 1 response\\(s\\)\n");
    }

    @Test
    void tcpdumpPrintsTheFramesSinceThePreviousOne() {
        twoHosts();
        session.run("a", "ping -c 1 192.168.0.2");
        CommandOutcome plain = session.tcpdump("net0", List.of());
        assertThat(plain.exitStatus()).isZero();
        String[] lines = plain.output().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).matches("00:00:0\\d\\.\\d{6} ARP, Request who-has 192.168.0.2 tell 192.168.0.1, length 28");
        assertThat(lines[1]).matches("00:00:0\\d\\.\\d{6} ARP, Reply 192.168.0.2 is-at 02:00:00:00:02:01, length 28");
        assertThat(lines[2]).matches("00:00:0\\d\\.\\d{6} IP 192.168.0.1 > 192.168.0.2: ICMP echo request, id \\d+, seq 1, length 64");
        assertThat(lines[3]).matches("00:00:0\\d\\.\\d{6} IP 192.168.0.2 > 192.168.0.1: ICMP echo reply, id \\d+, seq 1, length 64");

        assertThat(session.tcpdump("net0", List.of()).output()).as("nothing new").isEmpty();

        session.run("b", "ping -c 1 192.168.0.1");
        CommandOutcome linkLevel = session.tcpdump("net0", List.of("-e", "icmp"));
        assertThat(linkLevel.output()).matches(
                "00:00:0\\d\\.\\d{6} 02:00:00:00:02:01 > 02:00:00:00:01:01, ethertype IPv4 \\(0x0800\\), length 98:"
                        + " 192.168.0.2 > 192.168.0.1: ICMP echo request, id \\d+, seq 1, length 64\n"
                        + "00:00:0\\d\\.\\d{6} 02:00:00:00:01:01 > 02:00:00:00:02:01, ethertype IPv4 \\(0x0800\\), length 98:"
                        + " 192.168.0.1 > 192.168.0.2: ICMP echo reply, id \\d+, seq 1, length 64\n");
    }

    @Test
    void tcpdumpWithoutTrafficPrintsNothingAndABadFilterFails() {
        twoHosts();
        CommandOutcome empty = session.tcpdump("net0", List.of("arp"));
        assertThat(empty.output()).isEmpty();
        assertThat(empty.exitStatus()).isZero();
        CommandOutcome bad = session.tcpdump("net0", List.of("nonsense"));
        assertThat(bad.exitStatus()).isNotZero();
        assertThat(bad.output()).startsWith("tcpdump: ");
    }

    @Test
    void tcpdumpVerboseShowsWireChecksumsForTcp() throws Exception {
        needsServeAndCurl();
        twoHosts();
        assertOk(session.run("b", "serve 80 hello"));
        CommandOutcome curl = session.run("a", "curl -s http://192.168.0.2/");
        assertThat(curl.output()).isEqualTo("hello\n");
        assertThat(curl.exitStatus()).isZero();
        CommandOutcome dump = session.tcpdump("net0", List.of("-v", "tcp"));
        assertThat(dump.output()).contains("Flags [S]", "cksum 0x", "(correct)").doesNotContain("incorrect");
    }

    @Test
    void sysctlsAreTheKernelDefaults() {
        twoHosts();
        assertThat(session.run("a", "sysctl net.ipv4.conf.all.arp_ignore").output())
                .isEqualTo("net.ipv4.conf.all.arp_ignore = 0\n");
        assertThat(session.run("a", "sysctl net.ipv4.conf.default.accept_source_route").output())
                .isEqualTo("net.ipv4.conf.default.accept_source_route = 1\n");
        assertThat(session.run("a", "sysctl net.ipv4.conf.eth0.accept_source_route net.ipv4.ip_forward"
                + " net.ipv4.conf.all.rp_filter net.ipv4.conf.lo.disable_policy").output())
                .isEqualTo("""
                        net.ipv4.conf.eth0.accept_source_route = 1
                        net.ipv4.ip_forward = 0
                        net.ipv4.conf.all.rp_filter = 0
                        net.ipv4.conf.lo.disable_policy = 1
                        """);
        assertThat(session.run("a", "sysctl net.ipv4.neigh.eth0.base_reachable_time_ms net.ipv4.neigh.lo.locktime"
                + " net.ipv6.conf.eth0.disable_ipv6").output())
                .isEqualTo("""
                        net.ipv4.neigh.eth0.base_reachable_time_ms = 30000
                        net.ipv4.neigh.lo.locktime = 100
                        net.ipv6.conf.eth0.disable_ipv6 = 1
                        """);
    }

    @Test
    void everyConfValueMatchesTheTable() {
        twoHosts();
        String all = session.run("a", "sysctl -a -r '^net\\.ipv4\\.conf\\.(all|default|lo)\\.'").output();
        for (var e : KernelDefaults.CONF_ALL.entrySet()) {
            assertThat(all).contains("net.ipv4.conf.all." + e.getKey() + " = " + e.getValue() + "\n");
        }
        for (var e : KernelDefaults.CONF_DEFAULT.entrySet()) {
            assertThat(all).contains("net.ipv4.conf.default." + e.getKey() + " = " + e.getValue() + "\n");
        }
        for (var e : KernelDefaults.CONF_LO.entrySet()) {
            assertThat(all).contains("net.ipv4.conf.lo." + e.getKey() + " = " + e.getValue() + "\n");
        }
    }

    @Test
    void outputAndErrorsReadAsAnInteractiveShellPrintsThem() {
        twoHosts();
        CommandOutcome unknown = session.run("a", "frobnicate --now");
        assertThat(unknown.output()).isEqualTo("bash: frobnicate: command not found\n");
        assertThat(unknown.exitStatus()).isEqualTo(127);

        CommandOutcome again = session.run("a", "ip addr add 192.168.0.1/24 dev eth0");
        assertThat(again.output()).isEqualTo("Error: ipv4: Address already assigned.\n");
        assertThat(again.exitStatus()).isEqualTo(2);

        CommandOutcome badEcho = session.run("a", "echo abc > /proc/sys/net/ipv4/conf/all/arp_ignore");
        assertThat(badEcho.output()).isEqualTo("bash: echo: write error: Invalid argument\n");
        assertThat(badEcho.exitStatus()).isEqualTo(1);

        CommandOutcome syntax = session.run("a", "echo )");
        assertThat(syntax.output()).isEqualTo("bash: syntax error near unexpected token `)'\n");
        assertThat(syntax.exitStatus()).isEqualTo(2);

        CommandOutcome noFile = session.run("a", "cat /proc/sys/net/ipv4/conf/eth9/arp_ignore");
        assertThat(noFile.output()).isEqualTo("cat: /proc/sys/net/ipv4/conf/eth9/arp_ignore: No such file or directory\n");

        CommandOutcome noKey = session.run("a", "echo 1 > /proc/sys/net/ipv4/conf/eth9/arp_ignore");
        assertThat(noKey.output()).isEqualTo("bash: /proc/sys/net/ipv4/conf/eth9/arp_ignore: No such file or directory\n");

        assertOk(session.run("a", "echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce"));
        assertThat(session.run("a", "cat /proc/sys/net/ipv4/conf/all/arp_announce").output()).isEqualTo("2\n");
        assertThat(session.run("b", "cat /proc/sys/net/ipv4/conf/all/arp_announce").output())
                .as("hosts do not share settings").isEqualTo("0\n");
    }

    @Test
    void stdoutAndStderrKeepTheirOrder() {
        session.host("a");
        CommandOutcome mixed = session.run("a", "echo one; echo two >&2; echo three");
        assertThat(mixed.output()).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void impossibleTopologiesAreRefused() {
        twoHosts();
        assertThatThrownBy(() -> session.lan("net0", List.of(new LanMember("c", "eth0", "02:00:00:00:03:01"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("defined twice");
        assertThatThrownBy(() -> session.lan("net1", List.of(new LanMember("a", "eth0", "02:00:00:00:01:02"))))
                .isInstanceOf(BackendException.class).hasMessageContaining("a:eth0 is already on a segment");
    }

    @Test
    void aHostCanJoinTwoSegments() {
        twoHosts();
        session.lan("net1", List.of(new LanMember("b", "eth1", "02:00:00:00:02:02"),
                new LanMember("c", "eth0", "02:00:00:00:03:01")));
        assertOk(session.run("b", "ip addr add 10.0.0.2/24 dev eth1"));
        assertOk(session.run("c", "ip addr add 10.0.0.3/24 dev eth0"));
        assertOk(session.run("c", "ping -c 1 -W 1 10.0.0.2"));
        assertThat(session.tcpdump("net0", List.of()).output()).as("net0 saw nothing of net1").isEmpty();
        assertThat(session.tcpdump("net1", List.of("icmp")).output().lines()).hasSize(2);
    }

    @Test
    void closeRemovesNamespacesAndProcesses() throws Exception {
        needsServeAndCurl();
        twoHosts();
        session.run("b", "serve 8080 hi");
        String server = namespacePids(tag + "-h-b");
        assertThat(server).as("serve runs in b").isNotBlank();
        assertThat(netnsList()).contains(tag + "-h-a", tag + "-h-b", tag + "-s1");
        session.close();
        assertThat(netnsList()).doesNotContain(tag);
        long pid = Long.parseLong(server.lines().findFirst().orElseThrow().strip());
        for (int i = 0; i < 200 && running(pid); i++) {
            Thread.sleep(10);
        }
        assertThat(running(pid)).as("server killed").isFalse();
        session.close(); // twice is harmless
    }

    /** Alive and not a zombie waiting for its (re)parent to reap it. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String text = Files.readString(stat);
            return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return false;
        }
    }

    private static String netnsList() throws IOException, InterruptedException {
        return output("ip", "netns", "list");
    }

    private static String namespacePids(String namespace) throws IOException, InterruptedException {
        return output("ip", "netns", "pids", namespace);
    }

    private static String output(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
