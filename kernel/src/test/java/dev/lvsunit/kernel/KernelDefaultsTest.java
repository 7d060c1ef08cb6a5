package dev.lvsunit.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default-setting scripts repair a namespace that starts from a machine's
 * own settings. The machine's (init_net's) settings are never touched: the
 * test spoils a namespace of its own instead, as a machine with
 * {@code rp_filter=2}, {@code ip_forward=1} and friends would have done it.
 */
class KernelDefaultsTest {

    private String namespace;

    @TempDir
    Path dir;

    @BeforeAll
    static void needsNamespaces() throws Exception {
        KernelBackendTest.needsNamespaces();
    }

    @BeforeEach
    void create() throws Exception {
        namespace = "lvk" + ProcessHandle.current().pid() + "-defaults";
        assertThat(sh("ip netns add " + namespace)).isEmpty();
    }

    @AfterEach
    void delete() throws Exception {
        sh("ip netns del " + namespace);
    }

    @Test
    void theNamespaceScriptUndoesAMachinesSettings() throws Exception {
        in("""
                echo 1 > /proc/sys/net/ipv4/ip_forward
                echo 2 > /proc/sys/net/ipv4/conf/all/rp_filter
                echo 2 > /proc/sys/net/ipv4/conf/default/rp_filter
                echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore
                echo 0 > /proc/sys/net/ipv4/conf/default/accept_source_route
                echo 3 > /proc/sys/net/ipv4/conf/lo/arp_ignore
                echo 0 > /proc/sys/net/ipv4/neigh/lo/locktime
                """);
        Path script = dir.resolve("namespace.sh");
        Files.writeString(script, KernelDefaults.namespaceScript());
        assertThat(in("sh " + script)).isEmpty();

        assertThat(in("ip link add veth0 type veth peer name veth1 && sysctl net.ipv4.ip_forward"
                + " net.ipv4.conf.all.forwarding net.ipv4.conf.all.accept_redirects net.ipv4.conf.all.rp_filter"
                + " net.ipv4.conf.default.rp_filter net.ipv4.conf.all.arp_ignore"
                + " net.ipv4.conf.default.accept_source_route net.ipv4.conf.lo.arp_ignore net.ipv4.conf.lo.forwarding"
                + " net.ipv4.neigh.lo.locktime net.ipv4.conf.veth0.rp_filter net.ipv4.conf.veth0.accept_source_route"
                + " net.ipv6.conf.lo.disable_ipv6 net.ipv6.conf.veth0.disable_ipv6"))
                .isEqualTo("""
                        net.ipv4.ip_forward = 0
                        net.ipv4.conf.all.forwarding = 0
                        net.ipv4.conf.all.accept_redirects = 1
                        net.ipv4.conf.all.rp_filter = 0
                        net.ipv4.conf.default.rp_filter = 0
                        net.ipv4.conf.all.arp_ignore = 0
                        net.ipv4.conf.default.accept_source_route = 1
                        net.ipv4.conf.lo.arp_ignore = 0
                        net.ipv4.conf.lo.forwarding = 0
                        net.ipv4.neigh.lo.locktime = 100
                        net.ipv4.conf.veth0.rp_filter = 0
                        net.ipv4.conf.veth0.accept_source_route = 1
                        net.ipv6.conf.lo.disable_ipv6 = 1
                        net.ipv6.conf.veth0.disable_ipv6 = 1
                        """);
        assertThat(in("ip -o link show lo")).contains("<LOOPBACK,UP,LOWER_UP>");
    }

    @Test
    void theDeviceScriptResetsNeighbourParametersAndBringsTheDeviceUp() throws Exception {
        in("""
                ip link add veth0 type veth peer name veth1
                echo 60000 > /proc/sys/net/ipv4/neigh/veth0/base_reachable_time_ms
                echo 7 > /proc/sys/net/ipv4/neigh/veth0/ucast_solicit
                """);
        Path script = dir.resolve("devices.sh");
        Files.writeString(script, KernelDefaults.deviceScript());
        assertThat(in("sh " + script + " veth0")).isEmpty();
        assertThat(in("sysctl net.ipv4.neigh.veth0.base_reachable_time_ms net.ipv4.neigh.veth0.ucast_solicit"
                + " net.ipv4.neigh.veth0.unres_qlen"))
                .isEqualTo("""
                        net.ipv4.neigh.veth0.base_reachable_time_ms = 30000
                        net.ipv4.neigh.veth0.ucast_solicit = 3
                        net.ipv4.neigh.veth0.unres_qlen = 101
                        """);
        assertThat(in("ip -o link show veth0")).contains(",UP,");
    }

    private String in(String script) throws Exception {
        return run(List.of("ip", "netns", "exec", namespace, "bash", "-c", script));
    }

    private static String sh(String line) throws Exception {
        return run(List.of("bash", "-c", line));
    }

    private static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
