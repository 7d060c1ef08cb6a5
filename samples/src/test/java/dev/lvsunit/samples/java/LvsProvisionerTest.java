package dev.lvsunit.samples.java;

import static dev.lvsunit.dsl.Addr.addr;
import static dev.lvsunit.dsl.ipvs.Service.tcp;
import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static dev.lvsunit.samples.java.LvsDr.VIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lvsunit.dsl.CommandResult;
import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Topology;
import dev.lvsunit.dsl.ipvs.Scheduler;
import dev.lvsunit.engine.ipvs.ForwardMethod;
import dev.lvsunit.junit.InterceptProcesses;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.Named;
import dev.lvsunit.junit.process.SimulatedProcesses;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Goal (c): testing real provisioning code. {@link LvsProvisioner} runs
 * {@code ipvsadm}, {@code sysctl} and {@code ip} with {@link ProcessBuilder};
 * {@link InterceptProcesses} (or {@link SimulatedProcesses} in code) makes
 * those processes run on simulated hosts, so the test can check what the
 * code really configured: the IPVS table, and how the network then behaves.
 * Nothing touches the machine running the test.
 */
@LvsTest(topology = LvsProvisionerTest.Unprovisioned.class)
class LvsProvisionerTest {

    /** Hosts with their own addresses, the VIP on the director, web servers running; nothing LVS yet. */
    static final class Unprovisioned implements Topology {
        @Override
        public void build(Lab lab) {
            Host client = lab.host("client"), director = lab.host("director");
            Host rs1 = lab.host("rs1"), rs2 = lab.host("rs2");
            lab.lan("net0", client, director, rs1, rs2);
            director.eth0().add("192.168.0.2/24").add(addr("192.168.0.101/32").label("eth0:0"));
            rs1.eth0().add("192.168.0.8/24");
            rs2.eth0().add("192.168.0.9/24");
            rs1.serve(80, "hello from rs1");
            rs2.serve(80, "hello from rs2");
            client.eth0().add("192.168.0.50/24");
        }
    }

    static final LvsProvisioner.Config CONFIG =
            new LvsProvisioner.Config("192.168.0.101", 80, "rr", List.of("192.168.0.8", "192.168.0.9"));

    @Named("client")
    Host client;
    @Named("director")
    Host director;

    private void provision(LvsProvisioner provisioner, Host... realServers) throws IOException {
        provisioner.configureDirector(CONFIG);               // runs on the director: see @InterceptProcesses
        for (Host rs : realServers) {
            try (SimulatedProcesses on = SimulatedProcesses.on(rs)) {
                provisioner.configureRealServer(CONFIG);
                assertThat(on.started()).allMatch(CommandResult::succeeded);
            }
        }
    }

    @Test
    @InterceptProcesses("director")
    void theProvisionedClusterBalancesAndOnlyTheDirectorAnswersForTheVip(Lab lab, @Named("rs1") Host rs1,
                                                                         @Named("rs2") Host rs2) throws IOException {
        provision(new LvsProvisioner(), rs1, rs2);

        assertThat(director.ipvs().table()).hasService(tcp(VIP, 80)).withScheduler(Scheduler.RR).hasRealServers(2)
                .hasRealServer("192.168.0.8").reachedBy(ForwardMethod.DROUTE).withWeight(1);
        assertThat(List.of(client.curl("http://192.168.0.101/").output(), client.curl("http://192.168.0.101/").output()))
                .containsExactlyInAnyOrder("hello from rs1\n", "hello from rs2\n");
        assertThat(lab.capture()).arpReplies().forTarget(VIP).allFrom(director.eth0());
        assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(director.eth0());
        assertThat(new LvsProvisioner().listServices()).contains("TCP  192.168.0.101:80 rr");
    }

    @Test
    @InterceptProcesses("director")
    void aFailingCommandIsAnExceptionInTheCodeUnderTest() {
        LvsProvisioner.Config unknownScheduler = new LvsProvisioner.Config("192.168.0.101", 80, "fastest", List.of());

        assertThatThrownBy(() -> new LvsProvisioner().configureDirector(unknownScheduler))
                .isInstanceOf(IOException.class)
                .hasMessage("ipvsadm -A -t 192.168.0.101:80 -s fastest exited 255: "
                        + "Scheduler or persistence engine not found");
    }

    /**
     * The broken variant: a provisioner that forgets arp_announce. The
     * cluster serves pages, but a real server answering from the VIP asks
     * "who has the client? tell VIP" and steals the client's ARP entry for
     * the VIP: from then on the client bypasses the director.
     */
    @Test
    @InterceptProcesses("director")
    void aProvisionerThatForgetsArpAnnounceLetsARealServerStealTheVip(@Named("rs1") Host rs1,
                                                                      @Named("rs2") Host rs2) throws IOException {
        LvsProvisioner forgetful = new LvsProvisioner() {
            @Override
            protected List<String> arpSettings() {
                return List.of("net.ipv4.conf.all.arp_ignore=1");
            }
        };
        provision(forgetful, rs1, rs2);
        client.curl("http://192.168.0.101/");

        assertThatThrownBy(() -> assertThat(client.arpCache()).hasEntryFor(VIP).withMacOf(director.eth0()))
                .hasMessage("Expecting the entry for 192.168.0.101 to be at 02:00:00:00:02:01 (director:eth0), "
                        + "but it is 192.168.0.101 dev eth0 lladdr 02:00:00:00:04:01 DELAY");
    }
}
