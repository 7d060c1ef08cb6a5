package dev.lvsunit.samples.java;

import static dev.lvsunit.junit.assertions.LvsAssertions.assertThat;
import static dev.lvsunit.samples.java.LvsDr.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lvsunit.dsl.Host;
import dev.lvsunit.dsl.Lab;
import dev.lvsunit.dsl.Lan;
import dev.lvsunit.dsl.Nic;
import dev.lvsunit.dsl.capture.Capture;
import dev.lvsunit.junit.LvsTest;
import dev.lvsunit.junit.Named;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @LvsTest} gives every test a fresh lab built from the declared
 * topology, and injects what the test names: the lab, its capture, hosts,
 * interfaces and segments, into {@code @Named} fields and into parameters.
 *
 * <p>When a test fails, the failure carries the evidence: every frame of the
 * test in tcpdump form, the test as a spec transcript, and the paths of a
 * {@code .pcap} per segment (open it in Wireshark or with
 * {@code tcpdump -r}) and of the transcript, written under
 * {@code target/lvsunit}. Remove {@code hideTheVip} below to see one.
 */
@LvsTest(topology = LvsDr.class)
class ExtensionTourTest {

    @Named("director")
    Host director;
    @Named("rs1:eth0")
    Nic rs1Eth0;

    @BeforeEach
    void hideTheVip(@Named("rs1") Host rs1, @Named("rs2") Host rs2) {
        LvsDr.hideTheVip(rs1);
        LvsDr.hideTheVip(rs2);
    }

    @Test
    void theTopologyIsBuiltAndInjected(Lab lab, Capture capture, @Named("net0") Lan net0, @Named("client") Host client) {
        assertThat(net0.members()).hasSize(4);
        assertThat(rs1Eth0.mac()).hasToString("02:00:00:00:03:01");

        client.arping(VIP.toString());

        assertThat(capture).arpReplies().forTarget(VIP).allFrom(director.eth0());
        assertThat(lab.transcript().render()).contains("client# arping -c 1 -I eth0 192.168.0.101");
    }

    @Test
    void everyTestStartsFromAFreshWorld(Lab lab) {
        assertThat(lab.capture().size()).isZero();
        assertThat(lab.host("client").arpCache().entries()).isEmpty();
    }
}
