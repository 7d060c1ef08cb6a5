package dev.lvsunit.samples.java;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Production-style code under test for goal (c): configures an LVS-DR
 * cluster the way an operations tool does, by running {@code ipvsadm},
 * {@code sysctl} and {@code ip} through {@link ProcessBuilder}. It knows
 * nothing of lvsunit; the test decides on which (simulated) host its
 * processes run.
 */
public class LvsProvisioner {

    /**
     * What to set up.
     *
     * @param vip the virtual IP
     * @param port the balanced TCP port
     * @param scheduler the ipvsadm scheduler name
     * @param realServers the real servers' addresses
     */
    public record Config(String vip, int port, String scheduler, List<String> realServers) {
        public Config {
            Objects.requireNonNull(vip);
            realServers = List.copyOf(realServers);
        }
    }

    /** On the director: a fresh IPVS table with one direct-routing service. */
    public void configureDirector(Config c) throws IOException {
        String service = c.vip() + ":" + c.port();
        run("ipvsadm", "-C");
        run("ipvsadm", "-A", "-t", service, "-s", c.scheduler());
        for (String rs : c.realServers()) {
            run("ipvsadm", "-a", "-t", service, "-r", rs, "-g", "-w", "1");
        }
    }

    /** On a real server: the ARP settings of the LVS HOWTO, then the VIP on lo. */
    public void configureRealServer(Config c) throws IOException {
        for (String setting : arpSettings()) {
            run("sysctl", "-w", setting);
        }
        run("ip", "addr", "add", c.vip() + "/32", "dev", "lo", "label", "lo:0");
    }

    /** The sysctl settings a real server gets. */
    protected List<String> arpSettings() {
        return List.of("net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2");
    }

    /** Runs one command and returns its output; a failure is an exception with the output. */
    protected String run(String... argv) throws IOException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int status = p.waitFor();
            if (status != 0) {
                throw new IOException(String.join(" ", argv) + " exited " + status + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    /** The tables the tool reports after provisioning, as ipvsadm lists them. */
    public List<String> listServices() throws IOException {
        return new ArrayList<>(run("ipvsadm", "-L", "-n").lines().toList());
    }
}
